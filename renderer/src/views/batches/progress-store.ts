// The latest progress of every batch in the works, fed by `batches.progress` events. One subscription for
// the whole app (the global indicator starts it), so every view reads the same numbers.
import { create } from 'zustand';
import type { BatchProgress, BatchSummary } from '../../../../shared/contract/batches';
import { call, subscribe } from '../../api/client';
import { onSessionChanged } from '../../state/session-change';

interface ProgressState {
  byId: Record<string, BatchProgress>;
  /** Which batch the batches view should open (set by the global indicator and the delegation wizard). */
  focusBatchId: string | null;
  /** What to tell the person as the batch opens, e.g. that the wizard just saved it. */
  focusNote: string | null;
  put(progress: BatchProgress): void;
  replaceAll(list: BatchProgress[]): void;
  /**
   * Counts a view fetched itself (batches.get, batches.list) join the same record the events feed, so the
   * page, the list and the status bar read one number. (Refetching on events is the query layer's job.)
   */
  absorb(summaries: readonly BatchSummary[]): void;
  focus(batchId: string | null, note?: string): void;
}

export const useBatchProgress = create<ProgressState>((set) => ({
  byId: {},
  focusBatchId: null,
  focusNote: null,
  put: (p) => set((s) => ({ byId: { ...s.byId, [p.batchId]: p } })),
  replaceAll: (list) => set({ byId: Object.fromEntries(list.map((p) => [p.batchId, p])) }),
  focus: (focusBatchId, note) => set({ focusBatchId, focusNote: note ?? null }),
  absorb: (summaries) =>
    set((s) => {
      let byId: Record<string, BatchProgress> | null = null;
      for (const b of summaries) {
        const known = s.byId[b.id];
        if (!known && !isActiveState(b.state)) continue;
        if (known && known.state === b.state && sameCounts(known.counts, b.counts)) continue;
        byId ??= { ...s.byId };
        byId[b.id] = {
          ...(known ?? { throughputPerMinute: 0, etaSeconds: null, waitingUntil: null }),
          batchId: b.id,
          name: b.name,
          state: b.state,
          pauseReason: b.pauseReason,
          counts: b.counts,
        };
      }
      return byId ? { byId } : {};
    }),
}));

const sameCounts = (a: BatchProgress['counts'], b: BatchProgress['counts']): boolean =>
  a.done === b.done &&
  a.failed === b.failed &&
  a.skipped === b.skipped &&
  a.pending === b.pending &&
  a.in_flight === b.in_flight &&
  a.unknown === b.unknown &&
  a.total === b.total;

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

const isActiveState = (state: BatchProgress['state']): boolean => state === 'queued' || state === 'running' || state === 'paused';
export const isInProgress = (p: BatchProgress): boolean => isActiveState(p.state);
