// Rows of a long list by index, fetched a page at a time as a virtual grid scrolls to them. Each page is its own
// query under the list's key, so a new search or filter is a new key: an answer for an older key can never be
// shown for a newer one, and invalidating the list's key refetches only the pages on screen. Used by every
// paged list (clients, audit).
import { useCallback, useMemo, useRef, useState } from 'react';
import { useQueries, useQueryClient, type QueryKey } from '@tanstack/react-query';
import { latestOnlyGate, type Gate } from './latest-only';

export interface Page<R> {
  total: number;
  rows: R[];
}

export interface PagedRows<R> {
  /** Rows in the list; the last known count while a new key's first page is on its way, null before any. */
  total: number | null;
  rowAt(index: number): R | undefined;
  /** Tells the hook which rows are on screen; the pages covering them are fetched if not cached. */
  ensure(first: number, last: number): void;
  /** Every row cached for the current key (for hints such as the wizard's suggested system user). */
  loaded(): R[];
  error: unknown;
}

export interface PagedOptions<R> {
  key: QueryKey;
  pageSize: number;
  fetchPage(offset: number, limit: number): Promise<Page<R>>;
}

const pageKey = (key: QueryKey, page: number): QueryKey => [...key, 'page', page];

export function usePagedRows<R>({ key, pageSize, fetchPage }: PagedOptions<R>): PagedRows<R> {
  const queryClient = useQueryClient();
  const [range, setRange] = useState<{ key: string; first: number; last: number }>({ key: '', first: 0, last: 0 });
  const hash = JSON.stringify(key);
  // The range belongs to the key it was asked for; a new key starts at the first page.
  const first = range.key === hash ? range.first : 0;
  const last = range.key === hash ? range.last : 0;
  // One gate per list: typing faster than the store answers sends the newest search only, never a queue.
  const gate = useRef<Gate>(latestOnlyGate()).current;

  const results = useQueries({
    queries: Array.from({ length: last - first + 1 }, (_, i) => first + i).map((page) => ({
      queryKey: pageKey(key, page),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        page === 0 ? gate(signal, () => fetchPage(0, pageSize)) : fetchPage(page * pageSize, pageSize),
    })),
  });

  const lastTotal = useRef<number | null>(null);
  const known = results.find((r) => r.data !== undefined)?.data?.total;
  if (known !== undefined) lastTotal.current = known;
  const error = results.find((r) => r.error)?.error ?? null;

  const pageData = useCallback(
    (page: number): Page<R> | undefined =>
      page >= first && page <= last ? results[page - first]?.data : queryClient.getQueryData<Page<R>>(pageKey(key, page)),
    // `results` is a new array whenever a page arrives; that is what should re-create the reader.
    [first, last, results, queryClient, key],
  );

  const ensure = useCallback(
    (from: number, to: number) => {
      const next = {
        key: hash,
        first: Math.floor(from / pageSize),
        last: Math.max(Math.floor(from / pageSize), Math.floor(to / pageSize)),
      };
      setRange((cur) => (cur.key === next.key && cur.first === next.first && cur.last === next.last ? cur : next));
    },
    [hash, pageSize],
  );

  return useMemo(
    () => ({
      total: lastTotal.current,
      error,
      rowAt: (index: number) => pageData(Math.floor(index / pageSize))?.rows[index % pageSize],
      ensure,
      loaded: () => queryClient.getQueriesData<Page<R>>({ queryKey: [...key, 'page'] }).flatMap(([, data]) => data?.rows ?? []),
    }),
    [error, pageData, pageSize, ensure, queryClient, key],
  );
}
