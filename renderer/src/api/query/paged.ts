// Rows of a long list by index, fetched a page at a time as a virtual grid scrolls to them. Each page is its own
// query under the list's key, so a new search or filter is a new key: an answer for an older key is never read
// as one for a newer key, and invalidating the list's key refetches only the pages on screen. Used by every
// paged list (clients, audit).
import { useCallback, useMemo, useRef, useState } from 'react';
import { useQueries, useQuery, useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
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
  /**
   * Orders the first pages' requests, latest only. A list whose first page is also asked for outside the hook
   * (a search fetched from the keystroke itself) shares one with it; otherwise each hook has its own.
   */
  gate?: Gate;
}

export const pageKey = (key: QueryKey, page: number): QueryKey => [...key, 'page', page];

/** A request dropped as superseded or cancelled is not a failure to show. */
const isAbort = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';

const firstPageQuery = <R>(options: PagedOptions<R>, gate: Gate) => ({
  queryKey: pageKey(options.key, 0),
  queryFn: ({ signal }: { signal: AbortSignal }) => gate(signal, () => options.fetchPage(0, options.pageSize)),
});

/**
 * Asks for a key's first page now, before React renders the key: a keystroke's search leaves at the keystroke,
 * while the grid still shows the rows of the term before it. Answered from the cache when it is there. Settles
 * (never rejects) once the page is cached, failed or dropped for a newer request.
 */
export function prefetchFirstPage<R>(client: QueryClient, options: PagedOptions<R> & { gate: Gate }): Promise<void> {
  return client.prefetchQuery(firstPageQuery(options, options.gate));
}

export function usePagedRows<R>(options: PagedOptions<R>): PagedRows<R> {
  const { key, pageSize, fetchPage } = options;
  const queryClient = useQueryClient();
  const [range, setRange] = useState<{ key: string; first: number; last: number }>({ key: '', first: 0, last: 0 });
  const hash = JSON.stringify(key);
  // The range belongs to the key it was asked for; a new key starts at the first page.
  const first = range.key === hash ? range.first : 0;
  const last = range.key === hash ? range.last : 0;
  // One gate per list: typing faster than the store answers sends the newest search only, never a queue.
  const ownGate = useRef<Gate | null>(null);
  const gate = options.gate ?? (ownGate.current ??= latestOnlyGate());

  // The first page is a query of its own, not one of useQueries' list: a new key there is a new list of
  // observers, which useQueries announces from an effect, and every keystroke's render would run twice.
  const firstPage = useQuery(firstPageQuery(options, gate));
  const rest = useQueries({
    queries: Array.from({ length: Math.max(0, last - Math.max(1, first) + 1) }, (_, i) => Math.max(1, first) + i).map((page) => ({
      queryKey: pageKey(key, page),
      queryFn: () => fetchPage(page * pageSize, pageSize),
    })),
  });
  // Page `first + i` is results[i].
  const firstData = firstPage.data;
  const firstError = firstPage.error;
  const results = useMemo(
    () => (first === 0 ? [{ data: firstData, error: firstError }, ...rest] : rest),
    [first, firstData, firstError, rest],
  );

  const lastTotal = useRef<number | null>(null);
  const known = results.find((r) => r.data !== undefined)?.data?.total;
  if (known !== undefined) lastTotal.current = known;
  const error = results.find((r) => r.error && !isAbort(r.error))?.error ?? null;

  // Until a new key's first answer comes, the rows of the last key that had one stay on screen (read from the
  // cache, never mixed with the new key's), so a search keystroke never blanks the grid.
  const shownKey = useRef<QueryKey | null>(null);
  if (known !== undefined) shownKey.current = key;
  const fallback = known === undefined ? shownKey.current : null;

  const pageData = useCallback(
    (page: number): Page<R> | undefined => {
      if (fallback) return queryClient.getQueryData<Page<R>>(pageKey(fallback, page));
      return page >= first && page <= last ? results[page - first]?.data : queryClient.getQueryData<Page<R>>(pageKey(key, page));
    },
    // `results` is a new array whenever a page arrives; that is what should re-create the reader.
    [first, last, results, queryClient, key, fallback],
  );

  const ensure = useCallback(
    (from: number, to: number) => {
      const next = {
        key: hash,
        first: Math.floor(from / pageSize),
        last: Math.max(Math.floor(from / pageSize), Math.floor(to / pageSize)),
      };
      // A new key already starts at its first page: a screen of it asks for nothing new, and must not re-render.
      setRange((cur) => {
        const same = cur.key === next.key ? cur.first === next.first && cur.last === next.last : next.first === 0 && next.last === 0;
        return same ? cur : next;
      });
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
