// When a call fails because the keys are locked, the unlock dialog opens; views that show keys reload when
// the vault opens. A tiny store, so the API client, the dialog and the views never import each other.
import { create } from 'zustand';

interface VaultLockStore {
  /** The dialog is showing. */
  open: boolean;
  /** Bumped each time the vault is opened, for views to reload. */
  unlockedCount: number;
  request(): void;
  dismiss(): void;
  unlocked(): void;
}

export const useVaultLock = create<VaultLockStore>((set) => ({
  open: false,
  unlockedCount: 0,
  request: () => set({ open: true }),
  dismiss: () => set({ open: false }),
  unlocked: () => set((s) => ({ open: false, unlockedCount: s.unlockedCount + 1 })),
}));

/** The error code of every call that needs the keys open. */
export const VAULT_LOCKED = 'KEY_VAULT_LOCKED';
