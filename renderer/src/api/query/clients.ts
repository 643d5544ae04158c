// The client list's reads (rows by page, system users, sync info) and its one command that changes them, sync.
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { ClientQuery, ClientRow } from '../../../../shared/contract/clients';
import { call } from '../client';
import { queryKeys } from './keys';
import { latestOnlyGate } from './latest-only';
import { prefetchFirstPage, usePagedRows, type PagedOptions, type PagedRows } from './paged';

/** A screenful and then some: each search keystroke fetches, checks and renders one page, so it is kept small. */
export const CLIENT_PAGE_SIZE = 60;

export type ClientPages = PagedRows<ClientRow>;

/** One for the client list, shared by the grid and the search box's prefetch: the newest search only. */
const clientListGate = latestOnlyGate();

const clientPages = (query: ClientQuery): PagedOptions<ClientRow> => ({
  key: queryKeys.clients.query(query),
  pageSize: CLIENT_PAGE_SIZE,
  fetchPage: (offset, limit) => call('clients.query', { query, offset, limit }),
  gate: clientListGate,
});

export const useClientRows = (query: ClientQuery): ClientPages => usePagedRows(clientPages(query));

/** Sends the first page's request for `query` now; settles when it is cached (or failed, or was overtaken). */
export const prefetchClientRows = (client: QueryClient, query: ClientQuery): Promise<void> =>
  prefetchFirstPage(client, { ...clientPages(query), gate: clientListGate });

export const useSystemUsers = () => useQuery({ queryKey: queryKeys.systemUsers, queryFn: () => call('systemUsers.list', {}) });

export const useSyncInfo = () => useQuery({ queryKey: queryKeys.clients.syncInfo, queryFn: () => call('clients.syncInfo', {}) });

/** clients.sync; what it changed is refetched when it ends, whether it succeeded or not. */
export function useSyncMutation() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => call('clients.sync', {}),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.clients.all }),
        client.invalidateQueries({ queryKey: queryKeys.systemUsers }),
        client.invalidateQueries({ queryKey: queryKeys.audit.all }),
      ]),
  });
}
