// The runs' state, kept outside the component so a run survives switching to another view and back. The
// overview, the reset and the export are queries and mutations (api/query/actorflow.ts).
import { create } from 'zustand';
import type { FailureId, PresetId, StepId, StepInfo, StepResult } from '../../../../shared/contract/actorflow';
import { call } from '../../api/client';
import { onSessionChanged } from '../../state/session-change';

/** Long enough to read what happened before the next step starts; short enough not to bore. */
export const RUN_ALL_PAUSE_MS = 900;

export type Notice = { kind: 'reset'; preset: PresetId | null } | { kind: 'saved'; filename: string } | { kind: 'cancelled' };

interface ActorFlowState {
  results: Partial<Record<StepId | FailureId, StepResult>>;
  /** How many results each step or case has had; lets a watcher tell a new result from the previous one. */
  runs: Partial<Record<StepId | FailureId, number>>;
  /** The step or failure case shown in the details pane. */
  current: StepId | FailureId | null;
  running: StepId | FailureId | null;
  runningAll: boolean;
  client: string | null;
  /** Why the last run could not give a result (a failed step is a result, not a problem). */
  problem: unknown;
  notice: Notice | null;
  setClient(orgNumber: string): void;
  select(id: StepId | FailureId): void;
  runStep(id: StepId): Promise<StepResult | null>;
  runFailure(id: FailureId): Promise<StepResult | null>;
  runAll(steps: readonly StepInfo[]): Promise<void>;
  cancelRunAll(): void;
  /** The world was reset: earlier results say nothing about it any more. */
  cleared(preset: PresetId | null): void;
  saved(filename: string): void;
}

// The pause between steps of "Run all"; aborting it is how Cancel takes effect at once.
let pause: AbortController | null = null;

function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(true), ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve(false);
    });
  });
}

export const useActorFlowStore = create<ActorFlowState>((set, get) => {
  async function runOne(id: StepId | FailureId, work: () => Promise<StepResult>): Promise<StepResult | null> {
    set({ running: id, current: id, notice: null, problem: null });
    const result = await work().catch((problem: unknown) => {
      set({ problem });
      return null;
    });
    set((s) => ({
      running: null,
      results: result ? { ...s.results, [id]: result } : s.results,
      runs: { ...s.runs, [id]: (s.runs[id] ?? 0) + 1 },
    }));
    return result;
  }

  return {
    results: {},
    runs: {},
    current: null,
    running: null,
    runningAll: false,
    client: null,
    problem: null,
    notice: null,

    setClient: (client) => set({ client }),
    select: (current) => set({ current }),

    runStep(id) {
      const client = get().client;
      return runOne(id, () => call('actorflow.run', { stepId: id, ...(client ? { clientOrgNumber: client } : {}) }));
    },

    runFailure(id) {
      return runOne(id, () => call('actorflow.failure', { caseId: id }));
    },

    async runAll(all) {
      const steps = all.filter((s) => s.available);
      pause = new AbortController();
      const signal = pause.signal;
      set({ runningAll: true, notice: null });
      try {
        for (const [i, step] of steps.entries()) {
          if (signal.aborted) break;
          const result = await get().runStep(step.id);
          // A stopped chain cannot go on: the next step builds on this one.
          if (!result?.ok) break;
          if (i < steps.length - 1 && !(await sleep(RUN_ALL_PAUSE_MS, signal))) break;
        }
      } finally {
        set({ runningAll: false, ...(signal.aborted ? { notice: { kind: 'cancelled' as const } } : {}) });
        pause = null;
      }
    },

    cancelRunAll() {
      pause?.abort();
    },

    cleared: (preset) => set({ results: {}, current: null, problem: null, notice: { kind: 'reset', preset } }),
    saved: (filename) => set({ notice: { kind: 'saved', filename } }),
  };
});

// Messages were for the person before; the flow's own results belong to the demo actors and stay.
onSessionChanged(() => useActorFlowStore.setState({ problem: null, notice: null }));
