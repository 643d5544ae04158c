// Signing out, signing in as someone else or switching environment ends one person's session: everything the
// last person saw or was told must go with it (Kari's refusal must not greet Morten). Stores subscribe here.
import { useSyncExternalStore } from 'react';
import type { AppStatus } from '../../../shared/contract/app';
import { queryClient } from '../api/query/app-query-client';
import { queryKeys } from '../api/query/keys';
import { useAppStore } from './app-store';

/** Who is signed in where; '' when nobody is. Two statuses with the same key belong to the same session. */
export function sessionKey(status: AppStatus | null): string {
  const s = status?.session;
  return s ? `${s.environment}|${s.firm.orgNumber}|${s.person.pid}|${s.signedInAt}` : '';
}

const listeners = new Set<() => void>();
let current: string | null = null;
/** How many sessions have ended since the app started. */
let ended = 0;

/**
 * Feeds a status in; tells every listener when a person's session has ended (signed out, or replaced by another).
 * Signing in after nobody was signed in keeps what is on screen: it belonged to no one, and the person who just
 * signed in may be in the middle of it (a batch that waited for the sign-in).
 */
export function noteStatus(status: AppStatus | null): void {
  if (status === null) return;
  const key = sessionKey(status);
  const changed = current !== null && current !== '' && key !== current;
  current = key;
  if (!changed) return;
  ended++;
  for (const listener of [...listeners]) listener();
}

/** Calls `listener` each time the session changes; returns the unsubscribe. */
export function onSessionChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The key the main pane is remounted on, so no view keeps what the last person saw. */
export const useSessionKey = (): number => useSyncExternalStore(onSessionChanged, () => ended);

// The status lives in the query cache, fed by the `app.status` event and by the sign-in dialog.
queryClient.getQueryCache().subscribe((event) => {
  if (event.type === 'updated' && event.query.queryHash === statusHash)
    noteStatus((event.query.state.data as AppStatus | undefined) ?? null);
});
const statusHash = JSON.stringify(queryKeys.status);
// The selection is the last person's choice of clients.
onSessionChanged(() => useAppStore.setState({ selection: [] }));
