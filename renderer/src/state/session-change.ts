// Signing out, signing in as someone else or switching environment ends one person's session: everything the
// last person saw or was told must go with it (Kari's refusal must not greet Morten). Stores subscribe here.
import type { AppStatus } from '../../../shared/contract/app';
import { useAppStore } from './app-store';

/** Who is signed in where; '' when nobody is. Two statuses with the same key belong to the same session. */
export function sessionKey(status: AppStatus | null): string {
  const s = status?.session;
  return s ? `${s.environment}|${s.firm.orgNumber}|${s.person.pid}|${s.signedInAt}` : '';
}

const listeners = new Set<() => void>();
let current: string | null = null;

/** Feeds a status in; tells every listener when it belongs to another session than the one before. */
export function noteStatus(status: AppStatus | null): void {
  if (status === null) return;
  const key = sessionKey(status);
  const changed = current !== null && key !== current;
  current = key;
  if (changed) for (const listener of [...listeners]) listener();
}

/** Calls `listener` each time the session changes; returns the unsubscribe. */
export function onSessionChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The key the main pane is remounted on, so no view keeps what the last person saw. */
export const useSessionKey = (): string => useAppStore((s) => sessionKey(s.status));

useAppStore.subscribe((state) => noteStatus(state.status));
// The selection is the last person's choice of clients.
onSessionChanged(() => useAppStore.setState({ selection: [] }));
