// The batches' reads, and one mutation for every command that changes a batch: each one refetches the batch
// family and what a batch's items change (the client list, the audit log).
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ItemState } from '../../../../shared/domain/batch';
import { call } from '../client';
import { useBatchProgress } from '../../views/batches/progress-store';
import { queryKeys } from './keys';

export const useBatchList = () =>
  useQuery({
    queryKey: queryKeys.batches.list,
    queryFn: async () => {
      const list = await call('batches.list', {});
      // The counts join the record the progress events feed, so the list, the page and the status bar agree.
      useBatchProgress.getState().absorb(list);
      return list;
    },
  });

export const useBatchDetail = (id: string, state: ItemState | 'all', limit: number) =>
  useQuery({
    queryKey: [...queryKeys.batches.detail(id), state, limit],
    queryFn: async () => {
      const got = await call('batches.get', { id, limit, ...(state === 'all' ? {} : { state }) });
      useBatchProgress.getState().absorb([got.batch]);
      return got;
    },
    // "Show more" and a new filter keep the rows on screen until the longer list arrives.
    placeholderData: keepPreviousData,
  });

/** Runs a command that changes batches, then refetches what it may have changed; its error is the caller's. */
export function useBatchCommand(): { run<T>(work: () => Promise<T>): Promise<T>; isPending: boolean } {
  const client = useQueryClient();
  const mutation = useMutation<unknown, unknown, () => Promise<unknown>>({
    mutationFn: (work) => work(),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.batches.all }),
        client.invalidateQueries({ queryKey: queryKeys.clients.all }),
        client.invalidateQueries({ queryKey: queryKeys.audit.all }),
      ]),
  });
  // The mutation carries no types of its own: each command's answer is the command's.
  return { run: <T>(work: () => Promise<T>) => mutation.mutateAsync(work) as Promise<T>, isPending: mutation.isPending };
}
