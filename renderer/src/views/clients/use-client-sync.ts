// The sync button's state: the last sync, live progress from the main process, and the result of a sync run
// in this session (for the "new and gone clients" callout).
import { useCallback, useEffect, useState } from 'react';
import type { SyncResult } from '../../../../shared/contract/clients';
import type { ChannelOutput, EventPayload } from '../../../../shared/contract';
import { call, subscribe } from '../../api/client';

export type SyncInfo = ChannelOutput<'clients.syncInfo'>;
export type SyncProgress = EventPayload<'clients.syncProgress'>;

export function useClientSync(onSynced: () => void) {
  const [info, setInfo] = useState<SyncInfo | null>(null);
  const [progress, setProgress] = useState<SyncProgress | null>(null);
  const [syncing, setSyncing] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<SyncResult | null>(null);

  const refresh = useCallback(async () => setInfo(await call('clients.syncInfo', {})), []);

  useEffect(() => {
    void refresh().catch(setError);
    return subscribe('clients.syncProgress', setProgress);
  }, [refresh]);

  const sync = useCallback(async () => {
    setSyncing(true);
    setError(null);
    try {
      const r = await call('clients.sync', {});
      setResult(r);
      onSynced();
    } catch (e) {
      setError(e);
    } finally {
      setSyncing(false);
      setProgress(null);
      await refresh().catch(() => undefined);
    }
  }, [onSynced, refresh]);

  return { info, progress, syncing: syncing || (info?.syncing ?? false), error, result, dismissResult: () => setResult(null), sync };
}
