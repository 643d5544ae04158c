// The latest progress of every batch in the works, fed by `batches.progress` events. One subscription for
// the whole app (the global indicator starts it), so every view reads the same numbers.
import { create } from 'zustand';
import type { BatchProgress } from '../../../../shared/contract/batches';
import { call, subscribe } from '../../api/client';
import { onSessionChanged } from '../../state/session-change';

interface ProgressState {
  byId: Record<string, BatchProgress>;
  /** Bumped on every event: views that show a batch refetch their rows when it changes. */
  revision: number;
  /** Which batch the batches view should open (set by the global indicator and the delegation wizard). */
  focusBatchId: string | null;
  /** What to tell the person as the batch opens, e.g. that the wizard just saved it. */
  focusNote: string | null;
  put(progress: BatchProgress): void;
  replaceAll(list: BatchProgress[]): void;
  focus(batchId: string | null, note?: string): void;
}

export const useBatchProgress = create<ProgressState>((set) => ({
  byId: {},
  revision: 0,
  focusBatchId: null,
  focusNote: null,
  put: (p) => set((s) => ({ byId: { ...s.byId, [p.batchId]: p }, revision: s.revision + 1 })),
  replaceAll: (list) => set((s) => ({ byId: Object.fromEntries(list.map((p) => [p.batchId, p])), revision: s.revision + 1 })),
  focus: (focusBatchId, note) => set({ focusBatchId, focusNote: note ?? null }),
}));

// What to open and say next was meant for the person before.
onSessionChanged(() => useBatchProgress.setState({ focusBatchId: null, focusNote: null }));

let listening = 0;
let stop: (() => void) | null = null;

/** Starts listening (counted, so several components may ask); returns the matching stop. */
export function listenForProgress(): () => void {
  if (listening++ === 0) {
    stop = subscribe('batches.progress', (p) => useBatchProgress.getState().put(p));
    void call('batches.activeProgress', {})
      .then((list) => useBatchProgress.getState().replaceAll(list))
      .catch(() => undefined);
  }
  return () => {
    if (--listening === 0) {
      stop?.();
      stop = null;
    }
  };
}

export const isInProgress = (p: BatchProgress): boolean => p.state === 'queued' || p.state === 'running' || p.state === 'paused';
