// Which cached answers each main-process event makes stale: the one place that knows how the main process's
// work shows up in the renderer's reads. Pure, so the map is tested on its own; server-events.ts applies it.
import type { QueryKey } from '@tanstack/react-query';
import type { EventName, EventPayload } from '../../../../shared/contract';
import { sessionKey } from '../../state/session-change';
import { queryKeys } from './keys';

/** What the map remembers between events, to tell a change from a repeat. */
export interface EventMemory {
  environment: string | null;
  session: string | null;
  /** Whether the environment's services were up, as last seen. */
  connected: boolean | null;
  /** Per batch: its state and how many items have settled, as last seen. */
  batches: ReadonlyMap<string, string>;
}

export const emptyMemory = (): EventMemory => ({ environment: null, session: null, connected: null, batches: new Map() });

export interface Invalidation {
  /** Key prefixes to refetch (active queries) or drop (inactive ones). */
  keys: QueryKey[];
  /** The cached answers belonged to another person or environment: clear them, do not show them while refetching. */
  reset: boolean;
  memory: EventMemory;
}

// Everything that belongs to an environment or a person. Settings are the app's own: they stay, and change through
// the settings mutation, which writes its answer into the cache, and when the environment comes up or goes (they
// show its live addresses only while it is connected; the app answers them before it has connected at start).
const USER_BOUND: QueryKey[] = [
  queryKeys.clients.all,
  queryKeys.systemUsers,
  queryKeys.employees.all,
  queryKeys.batches.all,
  queryKeys.audit.all,
  queryKeys.keys.all,
  queryKeys.actorflow.steps,
];

/** The queries an event makes stale, given what earlier events said. */
export function invalidationsFor<E extends EventName>(event: E, payload: EventPayload<E>, memory: EventMemory): Invalidation {
  switch (event) {
    case 'app.status':
      return forStatus(payload as EventPayload<'app.status'>, memory);
    case 'clients.syncProgress':
      return forSync(payload as EventPayload<'clients.syncProgress'>, memory);
    case 'batches.progress':
      return forBatch(payload as EventPayload<'batches.progress'>, memory);
    default:
      return { keys: [], reset: false, memory };
  }
}

function forStatus(status: EventPayload<'app.status'>, memory: EventMemory): Invalidation {
  const session = sessionKey(status);
  const next = { ...memory, environment: status.environment, session, connected: status.connected };
  const first = memory.environment === null;
  if (first) return { keys: [], reset: false, memory: next };
  // A switch of environment comes through the settings mutation, whose answer is already in the cache.
  if (status.environment !== memory.environment) return { keys: USER_BOUND, reset: true, memory: next };
  // Signing in or out changes what the person may see (the client-admin check, the sync info, audit rows).
  if (session !== memory.session) return { keys: USER_BOUND, reset: true, memory: next };
  // The environment came up (at start, after the settings were answered) or went: its live addresses changed.
  if (status.connected !== memory.connected) return { keys: [queryKeys.settings], reset: false, memory: next };
  return { keys: [], reset: false, memory: next };
}

function forSync(progress: EventPayload<'clients.syncProgress'>, memory: EventMemory): Invalidation {
  if (progress.phase === 'done') return { keys: [queryKeys.clients.all, queryKeys.systemUsers, queryKeys.audit.all], reset: false, memory };
  // A failed sync wrote an audit row and may have stopped half way, but it saved nothing to the client list.
  if (progress.phase === 'failed') return { keys: [queryKeys.clients.syncInfo, queryKeys.audit.all], reset: false, memory };
  // The first progress of a run: the sync info now says "syncing", for a window that did not start it.
  if (progress.phase === 'systemUsers') return { keys: [queryKeys.clients.syncInfo], reset: false, memory };
  return { keys: [], reset: false, memory };
}

function forBatch(progress: EventPayload<'batches.progress'>, memory: EventMemory): Invalidation {
  const { counts } = progress;
  const settled = `${progress.state}|${counts.done}|${counts.failed}|${counts.skipped}|${counts.unknown}|${counts.total}`;
  const before = memory.batches.get(progress.batchId);
  const batches = new Map(memory.batches).set(progress.batchId, settled);
  const own: QueryKey[] = [queryKeys.batches.list, queryKeys.batches.detail(progress.batchId)];
  // Throughput and ETA change with every tick; only a settled item or a new state changes the local client
  // list (a finished item updates it at once) and the audit log.
  if (before === settled) return { keys: own, reset: false, memory: { ...memory, batches } };
  return {
    // Employees are batch targets too: who holds which client changes with a settled item.
    keys: [...own, queryKeys.clients.all, queryKeys.systemUsers, queryKeys.employees.all, queryKeys.audit.all],
    reset: false,
    memory: { ...memory, batches },
  };
}
