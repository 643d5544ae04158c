// Other views ask for the delegation wizard here; the client list opens it, because the wizard works from the
// list's selection, filters and system users. Kept apart from the app store so only these two views know of it.
import { create } from 'zustand';
import type { Operation } from '../../../../../shared/domain/batch';
import { onSessionChanged } from '../../../state/session-change';

interface WizardLaunch {
  /** The wizard the client list should open when it shows next (or now, if it is showing). */
  pending: { operation: Operation } | null;
  request(operation: Operation): void;
  clear(): void;
}

export const useWizardLaunch = create<WizardLaunch>((set) => ({
  pending: null,
  request: (operation) => set({ pending: { operation } }),
  clear: () => set({ pending: null }),
}));

onSessionChanged(() => useWizardLaunch.setState({ pending: null }));
