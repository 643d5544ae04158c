// The view's state, kept outside the component so a run survives switching to another view and back.
import { create } from 'zustand';
import type { FailureId, FlowOverview, PresetId, StepId, StepResult } from '../../../../shared/contract/actorflow';
import { call } from '../../api/client';
import { onSessionChanged } from '../../state/session-change';

/** Long enough to read what happened before the next step starts; short enough not to bore. */
export const RUN_ALL_PAUSE_MS = 900;

export type Notice = { kind: 'reset'; preset: PresetId | null } | { kind: 'saved'; filename: string } | { kind: 'cancelled' };

interface ActorFlowState {
  overview: FlowOverview | null;
  results: Partial<Record<StepId | FailureId, StepResult>>;
  /** How many results each step or case has had; lets a watcher tell a new result from the previous one. */
  runs: Partial<Record<StepId | FailureId, number>>;
  /** The step or failure case shown in the details pane. */
  current: StepId | FailureId | null;
  running: StepId | FailureId | null;
  runningAll: boolean;
  client: string | null;
  problem: unknown;
  notice: Notice | null;
  load(): Promise<void>;
  setClient(orgNumber: string): void;
  select(id: StepId | FailureId): void;
  runStep(id: StepId): Promise<StepResult | null>;
  runFailure(id: FailureId): Promise<StepResult | null>;
  runAll(): Promise<void>;
  cancelRunAll(): void;
  reset(preset: PresetId): Promise<void>;
  exportTraffic(): Promise<{ filename: string; content: string } | null>;
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
  async function attempt<T>(work: () => Promise<T>): Promise<T | null> {
    try {
      set({ problem: null });
      return await work();
    } catch (problem) {
      set({ problem });
      return null;
    }
  }

  async function runOne(id: StepId | FailureId, work: () => Promise<StepResult>): Promise<StepResult | null> {
    set({ running: id, current: id, notice: null });
    const result = await attempt(work);
    set((s) => ({
      running: null,
      results: result ? { ...s.results, [id]: result } : s.results,
      runs: { ...s.runs, [id]: (s.runs[id] ?? 0) + 1 },
    }));
    return result;
  }

  return {
    overview: null,
    results: {},
    runs: {},
    current: null,
    running: null,
    runningAll: false,
    client: null,
    problem: null,
    notice: null,

    async load() {
      const overview = await attempt(() => call('actorflow.steps', {}));
      if (overview) set((s) => ({ overview, client: s.client ?? overview.defaultClient }));
    },

    setClient: (client) => set({ client }),
    select: (current) => set({ current }),

    runStep(id) {
      const client = get().client;
      return runOne(id, () => call('actorflow.run', { stepId: id, ...(client ? { clientOrgNumber: client } : {}) }));
    },

    runFailure(id) {
      return runOne(id, () => call('actorflow.failure', { caseId: id }));
    },

    async runAll() {
      const steps = get().overview?.steps.filter((s) => s.available) ?? [];
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

    async reset(preset) {
      const answer = await attempt(() => call('actorflow.reset', { preset }));
      if (answer) set({ results: {}, current: null, notice: { kind: 'reset', preset: answer.preset } });
      await get().load();
    },

    async exportTraffic() {
      const file = await attempt(() => call('actorflow.exportTraffic', {}));
      if (file) set({ notice: { kind: 'saved', filename: file.filename } });
      return file;
    },
  };
});

// Messages were for the person before; the flow's own results belong to the demo actors and stay.
onSessionChanged(() => useActorFlowStore.setState({ problem: null, notice: null }));
