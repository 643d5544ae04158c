// The state-changing actions of a batch, which ones apply in which state, and one place for their errors.
import { useCallback, useState } from 'react';
import type { BatchSummary } from '../../../../shared/contract/batches';
import type { BatchState } from '../../../../shared/domain/batch';
import { call } from '../../api/client';

export type RunAction = 'submit' | 'pause' | 'resume' | 'cancel' | 'retryFailed';

/** Which run actions make sense now; the main process refuses the others anyway. */
export function runActionsFor(state: BatchState, counts: { failed: number }): RunAction[] {
  switch (state) {
    case 'draft':
      return ['submit'];
    case 'queued':
    case 'running':
      return counts.failed > 0 ? ['pause', 'retryFailed', 'cancel'] : ['pause', 'cancel'];
    case 'paused':
      return counts.failed > 0 ? ['resume', 'retryFailed', 'cancel'] : ['resume', 'cancel'];
    case 'completed_with_failures':
      return ['retryFailed'];
    default:
      return [];
  }
}

const CHANNELS = {
  submit: 'batches.submit',
  pause: 'batches.pause',
  resume: 'batches.resume',
  cancel: 'batches.cancel',
  retryFailed: 'batches.retryFailed',
} as const;

export function useBatchActions(onChanged?: (batch: BatchSummary) => void, onError?: (error: unknown) => void) {
  const [busy, setBusy] = useState<RunAction | null>(null);
  const run = useCallback(
    async (action: RunAction, id: string) => {
      setBusy(action);
      try {
        onChanged?.(await call(CHANNELS[action], { id }));
      } catch (e) {
        onError?.(e);
      } finally {
        setBusy(null);
      }
    },
    [onChanged, onError],
  );
  return { run, busy };
}
