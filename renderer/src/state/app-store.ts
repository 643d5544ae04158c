// UI state only: which view is open and which clients are chosen. Answers from the main process (settings,
// status, lists) live in the query cache (api/query), not here.
import { create } from 'zustand';

export type ViewId = 'clients' | 'employees' | 'batches' | 'claims' | 'actorflow' | 'settings' | 'audit';
export const VIEWS: readonly ViewId[] = ['clients', 'employees', 'batches', 'claims', 'actorflow', 'settings', 'audit'];

interface AppState {
  view: ViewId;
  /** Org numbers chosen in the client list, handed to the wizard and the claims view. */
  selection: string[];
  setView(view: ViewId): void;
  setSelection(orgNumbers: string[]): void;
}

export const useAppStore = create<AppState>((set) => ({
  view: 'clients',
  selection: [],
  setView: (view) => set({ view }),
  setSelection: (selection) => set({ selection }),
}));
