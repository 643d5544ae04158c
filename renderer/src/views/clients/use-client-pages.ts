// Rows for the virtualised grid, fetched a page at a time from the local copy as the user scrolls. A change
// of query (or a finished sync) starts a new generation; answers for an older one are dropped, and a first
// page asked for while an older generation's is still on its way waits for it, so typing faster than the store
// answers sends the latest search only, never a queue of stale ones.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ClientQuery, ClientRow } from '../../../../shared/contract/clients';
import { call } from '../../api/client';

/** A screenful and then some: each search keystroke fetches, checks and renders one page, so it is kept small. */
export const PAGE_SIZE = 60;

export interface ClientPages {
  total: number | null;
  rowAt(index: number): ClientRow | undefined;
  /** Loads the pages covering rows `first`..`last` that are not loaded yet. */
  ensure(first: number, last: number): void;
  /** The rows fetched so far (for hints such as the wizard's suggested system user). */
  loaded(): ClientRow[];
  error: unknown;
}

export function useClientPages(query: ClientQuery, version: number): ClientPages {
  const pages = useRef(new Map<number, ClientRow[]>());
  const inFlight = useRef(new Set<number>());
  const generation = useRef(0);
  const [total, setTotal] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [, rerender] = useState(0);
  const firstPages = useRef(latestOnly());

  const load = useCallback(
    (page: number) => {
      if (pages.current.has(page) || inFlight.current.has(page)) return;
      const mine = generation.current;
      inFlight.current.add(page);
      const ask = () =>
        mine !== generation.current
          ? Promise.resolve()
          : call('clients.query', { query, offset: page * PAGE_SIZE, limit: PAGE_SIZE })
              .then(({ total: t, rows }) => {
                if (mine !== generation.current) return;
                pages.current.set(page, rows);
                setTotal(t);
                setError(null);
                rerender((n) => n + 1);
              })
              .catch((e: unknown) => mine === generation.current && setError(e))
              .finally(() => mine === generation.current && inFlight.current.delete(page));
      if (page === 0) firstPages.current(ask);
      else void ask();
    },
    [query],
  );

  useEffect(() => {
    generation.current += 1;
    pages.current = new Map();
    inFlight.current = new Set();
    load(0);
  }, [load, version]);

  return {
    total,
    error,
    loaded: () => [...pages.current.values()].flat(),
    rowAt: (index) => pages.current.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE],
    ensure: (first, last) => {
      for (let p = Math.floor(first / PAGE_SIZE); p <= Math.floor(last / PAGE_SIZE); p++) load(p);
    },
  };
}

/**
 * Runs one task at a time; a task handed over while one runs replaces any other waiting task, so only the
 * newest waits. The superseded ones are never started.
 */
export function latestOnly(): (task: () => Promise<unknown>) => void {
  let running = false;
  let waiting: (() => Promise<unknown>) | null = null;
  const run = (task: () => Promise<unknown>): void => {
    running = true;
    void task()
      .catch(() => undefined)
      .finally(() => {
        const next = waiting;
        waiting = null;
        if (next) run(next);
        else running = false;
      });
  };
  return (task) => {
    if (running) waiting = task;
    else run(task);
  };
}
