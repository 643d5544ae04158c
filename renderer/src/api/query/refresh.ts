// Applies an invalidation to the cache so that the last event always wins. TanStack Query reuses an in-flight
// fetch instead of restarting it when the query has no data yet (right after a reset, or on a first load), so an
// event that arrives while that first fetch is on its way would otherwise be answered by a read taken before it:
// a batch that finished just after sign-in would stay "running" on screen. Such a query is asked once more when
// its fetch settles.
import type { Query, QueryClient, QueryKey } from '@tanstack/react-query';

const blindlyFetching = (query: Query): boolean => query.state.fetchStatus === 'fetching' && query.state.data === undefined;

export function createRefresher(queryClient: QueryClient): (queryKey: QueryKey, reset: boolean) => void {
  // One more ask per query is enough however many events came during its first fetch.
  const askAgain = new Set<string>();

  const refetchAfter = (settled: Promise<unknown>, query: Query): void => {
    if (askAgain.has(query.queryHash)) return;
    askAgain.add(query.queryHash);
    void settled
      .catch(() => undefined)
      .then(() => {
        askAgain.delete(query.queryHash);
        return queryClient.refetchQueries({ queryKey: query.queryKey, exact: true, type: 'active' });
      });
  };

  return (queryKey, reset) => {
    const blind = queryClient.getQueryCache().findAll({ queryKey, predicate: blindlyFetching });
    const settled = reset ? queryClient.resetQueries({ queryKey }) : queryClient.invalidateQueries({ queryKey });
    for (const query of blind) refetchAfter(settled, query);
  };
}
