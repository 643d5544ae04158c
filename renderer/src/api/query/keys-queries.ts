// The signing keys' reads (public parts only) and one mutation for every key command, which refetches them.
import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { EnvironmentId } from '../../../../shared/contract/define';
import { useVaultLock } from '../../components/unlock/vault-lock';
import { call } from '../client';
import { queryKeys } from './keys';

export function useKeys(environment: EnvironmentId) {
  const client = useQueryClient();
  // Unlocking the vault changes what the list can say about each key.
  const unlockedCount = useVaultLock((s) => s.unlockedCount);
  useEffect(() => void client.invalidateQueries({ queryKey: queryKeys.keys.all }), [client, unlockedCount]);
  const list = useQuery({ queryKey: [...queryKeys.keys.all, 'list', environment], queryFn: () => call('keys.list', {}) });
  const lockState = useQuery({ queryKey: queryKeys.keys.lockState, queryFn: () => call('keys.lockState', {}) });
  return { list, lockState };
}

/** Runs a key command, then refetches the keys; its error is the caller's. */
export function useKeyCommand(): { run(work: () => Promise<unknown>): Promise<unknown>; isPending: boolean } {
  const client = useQueryClient();
  const mutation = useMutation<unknown, unknown, () => Promise<unknown>>({
    mutationFn: (work) => work(),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.keys.all }),
  });
  return { run: mutation.mutateAsync, isPending: mutation.isPending };
}
