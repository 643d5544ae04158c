// The batch store's words for what comes in and goes out: new batches and items, the runner's claims and
// results, and the changes Altinn has confirmed.
import type { BatchItem } from '../../../shared/contract/batches';
import type { ConfirmedChange, Operation } from '../../../shared/domain/batch';
import type { AuditRecord } from '../audit/port';

/** Writes one audit row in the caller's transaction. The batch's own environment is passed, not the current one. */
export type AuditWriter = (record: Omit<AuditRecord, 'actor'>) => void;

export interface NewItem {
  orgNumber: string;
  partyUuid: string;
  name: string | null;
  operation: Operation;
}

export interface NewBatch {
  name: string;
  environment: string;
  systemUserId: string;
  systemUserTitle: string;
  createdBy: string;
  items: readonly NewItem[];
}

export type { ConfirmedChange };

/**
 * Called inside the transaction that marks an item done, so a copy kept in the same database changes together
 * with the item: if the hook throws, the item stays in flight and is reconciled, never done without the copy.
 */
export type OnConfirmed = (change: ConfirmedChange) => void;

/** An item the runner has claimed: marked in flight, with its send recorded, before any call leaves. */
export interface ClaimedItem {
  item: BatchItem;
  sendId: number;
}

/** What Altinn's list of delegated clients for one system user says, for settling unsettled items. */
export interface DelegatedSet {
  partyUuids: ReadonlySet<string>;
  orgNumbers: ReadonlySet<string>;
}

export type ItemResult =
  | { kind: 'done'; correlationId: string | null; detail?: string }
  | { kind: 'failed'; code: string; message: string; correlationId: string | null; missingPackages?: readonly string[] }
  /** Provably not applied (connection refused, 429, 503); it goes back in the queue. */
  | { kind: 'retry'; code: string }
  /** Altinn refused the change, and its own list shows the change already holds (a removal whose delegation is gone). */
  | { kind: 'already_done'; code: string; correlationId: string | null }
  /** May have reached Altinn (timeout, dropped connection, another 5xx): settled only from Altinn's list. */
  | { kind: 'unknown'; code: string; message: string; correlationId: string | null };
