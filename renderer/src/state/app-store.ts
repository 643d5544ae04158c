import { create } from 'zustand';
import type { AppStatus, Settings } from '../../../shared/contract/app';

export type ViewId = 'clients' | 'employees' | 'batches' | 'claims' | 'actorflow' | 'settings' | 'audit';
export const VIEWS: readonly ViewId[] = ['clients', 'employees', 'batches', 'claims', 'actorflow', 'settings', 'audit'];

interface AppState {
  view: ViewId;
  status: AppStatus | null;
  settings: Settings | null;
  /** Org numbers chosen in the client list, handed to the wizard and the claims view. */
  selection: string[];
  setView(view: ViewId): void;
  setStatus(status: AppStatus): void;
  setSettings(settings: Settings): void;
  setSelection(orgNumbers: string[]): void;
}

export const useAppStore = create<AppState>((set) => ({
  view: 'clients',
  status: null,
  settings: null,
  selection: [],
  setView: (view) => set({ view }),
  setStatus: (status) => set({ status }),
  setSettings: (settings) => set({ settings }),
  setSelection: (selection) => set({ selection }),
}));
