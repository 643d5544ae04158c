// Batch and item state machines. Every transition the runner or the user makes is checked here.
export const BATCH_STATES = ['draft', 'queued', 'running', 'paused', 'completed', 'completed_with_failures', 'cancelled'] as const;
export type BatchState = (typeof BATCH_STATES)[number];

// `unknown`: the call may have reached Altinn (timeout, dropped connection, kill) and only Altinn's own list of
// delegated clients can say whether it did; it is never resent before that list has been read.
export const ITEM_STATES = ['pending', 'in_flight', 'unknown', 'done', 'failed', 'skipped'] as const;
export type ItemState = (typeof ITEM_STATES)[number];

export type Operation = 'add' | 'remove';

/** A delegation Altinn has confirmed made or removed, for whoever keeps its own copy (the client list, targets). */
export interface ConfirmedChange {
  /** The environment the change was made in (a batch's own, not necessarily the one in use now). */
  environment: string;
  systemUserId: string;
  orgNumber: string;
  partyUuid: string;
  /** The name the caller knows, if any; a local list that has the client keeps its own name. */
  name: string | null;
  operation: Operation;
}

const BATCH_TRANSITIONS: Record<BatchState, readonly BatchState[]> = {
  draft: ['queued', 'cancelled'],
  queued: ['running', 'paused', 'cancelled', 'draft'],
  running: ['paused', 'completed', 'completed_with_failures', 'cancelled'],
  paused: ['queued', 'running', 'cancelled'],
  completed: [],
  // "Retry failed" puts a finished batch back in the queue.
  completed_with_failures: ['queued'],
  cancelled: [],
};

const ITEM_TRANSITIONS: Record<ItemState, readonly ItemState[]> = {
  // pending → failed: refused before sending (Altinn does not know the client).
  pending: ['in_flight', 'skipped', 'failed'],
  in_flight: ['done', 'failed', 'pending', 'unknown', 'skipped'],
  unknown: ['done', 'pending', 'skipped'],
  done: [],
  failed: ['pending'],
  skipped: [],
};

export const canMoveBatch = (from: BatchState, to: BatchState): boolean => BATCH_TRANSITIONS[from].includes(to);
export const canMoveItem = (from: ItemState, to: ItemState): boolean => ITEM_TRANSITIONS[from].includes(to);
export const isFinalBatchState = (s: BatchState): boolean => BATCH_TRANSITIONS[s].length === 0 || s === 'completed_with_failures';
