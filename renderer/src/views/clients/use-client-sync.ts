// The sync button's state: the last sync, live progress from the main process, and the result of a sync run
// in this session (for the "new and gone clients" callout).
import { useEffect, useState } from 'react';
import type { EventPayload } from '../../../../shared/contract';
import { subscribe } from '../../api/client';
import { useSyncInfo, useSyncMutation } from '../../api/query/clients';

export type SyncProgress = EventPayload<'clients.syncProgress'>;

export function useClientSync() {
  const info = useSyncInfo();
  const mutation = useSyncMutation();
  // Progress is a stream, not an answer: it is shown while it comes and forgotten when the sync ends.
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  useEffect(() => subscribe('clients.syncProgress', (p) => setProgress(p.phase === 'done' || p.phase === 'failed' ? null : p)), []);

  return {
    info: info.data ?? null,
    progress: mutation.isPending || info.data?.syncing ? progress : null,
    syncing: mutation.isPending || (info.data?.syncing ?? false),
    error: mutation.error ?? info.error,
    result: mutation.data ?? null,
    dismissResult: mutation.reset,
    sync: () =>
      mutation.mutateAsync().then(
        () => undefined,
        () => undefined,
      ),
  };
}
