// Batches and their items in SQLite. Every state change is one transaction that also writes its audit row,
// so the database never holds a change without its evidence, and a crash leaves either both or neither.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { BatchItem, BatchSummary } from '../../../shared/contract/batches';
import { canMoveBatch, canMoveItem, type BatchState, type ItemState, type Operation } from '../../../shared/domain/batch';
import { AppError } from '../../../shared/errors';
import type { AuditRecord } from '../audit/log';
import { BatchCodes, batchNotFound, illegalTransition, notDraft } from './batch-errors';
import { auditDetail } from '../../../shared/domain/audit-details';

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

/** A change Altinn has confirmed, for whoever keeps its own copy of the delegations (the client list). */
export interface ConfirmedChange {
  environment: string;
  systemUserId: string;
  orgNumber: string;
  partyUuid: string;
  name: string | null;
  operation: Operation;
}

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
  /** May have reached Altinn (timeout, dropped connection, another 5xx): settled only from Altinn's list. */
  | { kind: 'unknown'; code: string; message: string; correlationId: string | null };

interface BatchRow {
  id: string;
  name: string;
  environment: string;
  system_user_id: string;
  system_user_title: string;
  state: BatchState;
  pause_reason: string | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  queued_at: string | null;
}

interface ItemRow {
  id: number;
  batch_id: string;
  org_number: string;
  party_uuid: string;
  name: string | null;
  operation: Operation;
  state: ItemState;
  attempts: number;
  error_code: string | null;
  error_message: string | null;
  correlation_id: string | null;
  missing_packages: string | null;
  skip_reason: string | null;
  updated_at: string;
  current_send_id: number | null;
}

type Counts = BatchSummary['counts'];

const emptyCounts = (): Counts => ({ pending: 0, in_flight: 0, unknown: 0, done: 0, failed: 0, skipped: 0, total: 0 });

function toItem(row: ItemRow): BatchItem {
  return {
    id: row.id,
    orgNumber: row.org_number,
    partyUuid: row.party_uuid,
    name: row.name,
    operation: row.operation,
    state: row.state,
    attempts: row.attempts,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    correlationId: row.correlation_id,
    missingPackages: row.missing_packages ? (JSON.parse(row.missing_packages) as string[]) : [],
    skipReason: row.skip_reason,
    updatedAt: row.updated_at,
  };
}

const itemAction = (operation: Operation): string => (operation === 'add' ? 'client.add' : 'client.remove');

export function createBatchStore(db: Database, now: () => Date, audit: AuditWriter, onConfirmed: OnConfirmed = () => {}) {
  const stamp = (): string => now().toISOString();
  // A plain function type, so the store's type can be named in declarations (better-sqlite3's Transaction cannot).
  const tx = <A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) => db.transaction(fn);

  const q = {
    batch: db.prepare<[string], BatchRow>('SELECT * FROM batches WHERE id = ?'),
    stateOf: db.prepare<[string], { state: BatchState }>('SELECT state FROM batches WHERE id = ?'),
    batches: db.prepare<[], BatchRow>('SELECT * FROM batches ORDER BY created_at DESC, id'),
    counts: db.prepare<[string], { state: ItemState; n: number }>(
      'SELECT state, COUNT(*) AS n FROM batch_items WHERE batch_id = ? GROUP BY state',
    ),
    insertBatch: db.prepare(
      `INSERT INTO batches (id, name, environment, system_user_id, system_user_title, state, created_at, created_by, updated_at)
       VALUES (@id, @name, @environment, @systemUserId, @systemUserTitle, 'draft', @at, @createdBy, @at)`,
    ),
    insertItem: db.prepare(
      `INSERT INTO batch_items (batch_id, org_number, party_uuid, name, operation, state, updated_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
    ),
    setBatchState: db.prepare(
      'UPDATE batches SET state = ?, pause_reason = ?, updated_at = ?, queued_at = COALESCE(?, queued_at) WHERE id = ?',
    ),
    rename: db.prepare('UPDATE batches SET name = ?, updated_at = ? WHERE id = ?'),
    touch: db.prepare('UPDATE batches SET updated_at = ? WHERE id = ?'),
    deleteBatch: db.prepare('DELETE FROM batches WHERE id = ?'),
    deleteItem: db.prepare('DELETE FROM batch_items WHERE batch_id = ? AND org_number = ?'),
    item: db.prepare<[number], ItemRow>('SELECT * FROM batch_items WHERE id = ?'),
    allItems: db.prepare<[string], ItemRow>('SELECT * FROM batch_items WHERE batch_id = ? ORDER BY id'),
    itemsInState: db.prepare<[string, ItemState], ItemRow>('SELECT * FROM batch_items WHERE batch_id = ? AND state = ? ORDER BY id'),
    // The next pending item whose client has no unsettled operation for the same system user in any batch:
    // a remove never overtakes an add whose outcome is still open, nor the other way round.
    nextPending: db.prepare<[string, string, string], ItemRow>(
      `SELECT i.* FROM batch_items i WHERE i.batch_id = ? AND i.state = 'pending' AND i.party_uuid != ''
         AND NOT EXISTS (
           SELECT 1 FROM batch_items o JOIN batches ob ON ob.id = o.batch_id
           WHERE o.org_number = i.org_number AND o.state IN ('in_flight', 'unknown') AND ob.system_user_id = ? AND ob.environment = ?)
       ORDER BY i.id LIMIT 1`,
    ),
    claim: db.prepare(
      "UPDATE batch_items SET state = 'in_flight', attempts = attempts + 1, current_send_id = ?, updated_at = ? WHERE id = ? AND state = 'pending'",
    ),
    insertSend: db.prepare('INSERT INTO batch_sends (item_id, started_at, run_id) VALUES (?, ?, ?)'),
    unresolved: db.prepare<[string], ItemRow>(
      "SELECT * FROM batch_items WHERE batch_id = ? AND state = 'pending' AND party_uuid = '' ORDER BY id",
    ),
    markUnknown: db.prepare(
      "UPDATE batch_items SET state = 'unknown', error_code = ?, error_message = ?, correlation_id = ?, updated_at = ? WHERE id = ?",
    ),
    unsettled: db.prepare<[string, string], ItemRow & { batch_state: BatchState; run_id: string | null }>(
      `SELECT i.*, b.state AS batch_state, s.run_id AS run_id FROM batch_items i
         JOIN batches b ON b.id = i.batch_id
         LEFT JOIN batch_sends s ON s.id = i.current_send_id
       WHERE b.environment = ? AND b.system_user_id = ? AND i.state IN ('in_flight', 'unknown') ORDER BY i.id`,
    ),
    unsettledSystemUsers: db.prepare<[string], { system_user_id: string }>(
      `SELECT DISTINCT b.system_user_id FROM batch_items i JOIN batches b ON b.id = i.batch_id
       WHERE b.environment = ? AND i.state IN ('in_flight', 'unknown')`,
    ),
    finishSend: db.prepare('UPDATE batch_sends SET finished = 1, outcome = ? WHERE id = ?'),
    lastSend: db.prepare<[number], { id: number }>('SELECT id FROM batch_sends WHERE item_id = ? ORDER BY id DESC LIMIT 1'),
    markDone: db.prepare(
      `UPDATE batch_items SET state = 'done', error_code = NULL, error_message = NULL, missing_packages = NULL, correlation_id = ?,
         done_by_send_id = ?, updated_at = ? WHERE id = ?`,
    ),
    markFailed: db.prepare(
      'UPDATE batch_items SET state = ?, error_code = ?, error_message = ?, correlation_id = ?, missing_packages = ?, updated_at = ? WHERE id = ?',
    ),
    markPending: db.prepare("UPDATE batch_items SET state = 'pending', updated_at = ? WHERE id = ?"),
    markSkipped: db.prepare("UPDATE batch_items SET state = 'skipped', skip_reason = ?, updated_at = ? WHERE id = ?"),
    updateParty: db.prepare('UPDATE batch_items SET party_uuid = ?, name = COALESCE(?, name) WHERE id = ?'),
    runnable: db.prepare<[string], BatchRow>(
      `SELECT * FROM batches WHERE environment = ? AND state IN ('running', 'queued')
       ORDER BY CASE state WHEN 'running' THEN 0 ELSE 1 END, queued_at, id LIMIT 1`,
    ),
    withStates: (states: readonly BatchState[]) =>
      db.prepare<string[], BatchRow>(`SELECT * FROM batches WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY queued_at, id`),
  };

  function row(id: string): BatchRow {
    const r = q.batch.get(id);
    if (!r) throw batchNotFound(id);
    return r;
  }

  function counts(id: string): Counts {
    const c = emptyCounts();
    for (const { state, n } of q.counts.all(id)) {
      c[state] = n;
      c.total += n;
    }
    return c;
  }

  function toSummary(r: BatchRow): BatchSummary {
    return {
      id: r.id,
      name: r.name,
      environment: r.environment,
      systemUserId: r.system_user_id,
      systemUserTitle: r.system_user_title,
      state: r.state,
      pauseReason: r.pause_reason,
      createdAt: r.created_at,
      createdBy: r.created_by,
      updatedAt: r.updated_at,
      counts: counts(r.id),
    };
  }

  function auditBatch(r: BatchRow, outcome: string, detail: string, action = 'batch.state'): void {
    audit({ action, outcome, environment: r.environment, systemUserId: r.system_user_id, batchId: r.id, detail });
  }

  function auditItem(r: BatchRow, item: ItemRow, outcome: ItemState, extra: Partial<AuditRecord> = {}): void {
    audit({
      action: itemAction(item.operation),
      outcome,
      environment: r.environment,
      systemUserId: r.system_user_id,
      clientOrgNumber: item.org_number,
      batchId: r.id,
      ...extra,
    });
  }

  /** The one place a batch changes state: checked against the state machine, written and audited together. */
  function move(r: BatchRow, to: BatchState, pauseReason: string | null = null): BatchRow {
    if (!canMoveBatch(r.state, to)) throw illegalTransition(r.id, r.state, to);
    const at = stamp();
    q.setBatchState.run(to, to === 'paused' ? pauseReason : null, at, to === 'queued' ? at : null, r.id);
    auditBatch(
      r,
      to,
      pauseReason && to === 'paused'
        ? auditDetail('batch.paused', { from: r.state, to, reason: pauseReason })
        : auditDetail('batch.moved', { from: r.state, to }),
    );
    return row(r.id);
  }

  function requireDraft(r: BatchRow): void {
    if (r.state !== 'draft') throw notDraft(r.id, r.state);
  }

  function insertItems(batchId: string, items: readonly NewItem[], at: string): void {
    for (const it of items) q.insertItem.run(batchId, it.orgNumber, it.partyUuid, it.name, it.operation, at);
  }

  function markDone(
    r: BatchRow,
    item: ItemRow,
    at: string,
    sendId: number | null,
    correlationId: string | null,
    detail: string | null,
  ): void {
    moveItem(item, 'done');
    q.markDone.run(correlationId, sendId, at, item.id);
    auditItem(r, item, 'done', { correlationId, detail });
    onConfirmed({
      environment: r.environment,
      systemUserId: r.system_user_id,
      orgNumber: item.org_number,
      partyUuid: item.party_uuid,
      name: item.name,
      operation: item.operation,
    });
  }

  function moveItem(item: ItemRow, to: ItemState): void {
    if (!canMoveItem(item.state, to)) {
      throw new AppError(
        BatchCodes.IllegalTransition,
        `An item that is ${item.state} cannot become ${to}.`,
        {
          itemId: item.id,
          from: item.state,
          to,
        },
        { reason: 'item', from: item.state, to },
      );
    }
  }

  return {
    summary: (id: string): BatchSummary => toSummary(row(id)),
    /** Cheaper than a summary: the runner asks before every send. */
    stateOf: (id: string): BatchState => {
      const r = q.stateOf.get(id);
      if (!r) throw batchNotFound(id);
      return r.state;
    },
    list: (): BatchSummary[] => q.batches.all().map(toSummary),
    counts,
    withStates: (states: readonly BatchState[]): BatchSummary[] =>
      q
        .withStates(states)
        .all(...states)
        .map(toSummary),

    items(id: string, options: { offset?: number; limit?: number; state?: ItemState } = {}): { items: BatchItem[]; total: number } {
      row(id);
      const where = options.state ? 'batch_id = ? AND state = ?' : 'batch_id = ?';
      const args: unknown[] = options.state ? [id, options.state] : [id];
      const total = (db.prepare(`SELECT COUNT(*) AS n FROM batch_items WHERE ${where}`).get(...args) as { n: number }).n;
      const rows = db
        .prepare(`SELECT * FROM batch_items WHERE ${where} ORDER BY id LIMIT ? OFFSET ?`)
        .all(...args, options.limit ?? 500, options.offset ?? 0) as ItemRow[];
      return { items: rows.map(toItem), total };
    },
    allItems: (id: string): BatchItem[] => q.allItems.all(row(id).id).map(toItem),
    item: (itemId: number): BatchItem | null => {
      const r = q.item.get(itemId);
      return r ? toItem(r) : null;
    },

    createDraft: tx((batch: NewBatch, action: string = 'batch.created'): BatchSummary => {
      const id = randomUUID();
      const at = stamp();
      q.insertBatch.run({
        id,
        name: batch.name,
        environment: batch.environment,
        systemUserId: batch.systemUserId,
        systemUserTitle: batch.systemUserTitle,
        createdBy: batch.createdBy,
        at,
      });
      insertItems(id, batch.items, at);
      const r = row(id);
      auditBatch(r, 'draft', auditDetail('batch.items', { count: batch.items.length }), action);
      return toSummary(r);
    }),

    rename: tx((id: string, name: string): BatchSummary => {
      row(id);
      q.rename.run(name, stamp(), id);
      return toSummary(row(id));
    }),

    editItems: tx((id: string, add: readonly NewItem[], removeOrgNumbers: readonly string[]): BatchSummary => {
      const r = row(id);
      requireDraft(r);
      const at = stamp();
      for (const org of removeOrgNumbers) q.deleteItem.run(id, org);
      insertItems(id, add, at);
      q.touch.run(at, id);
      return toSummary(row(id));
    }),

    deleteDraft: tx((id: string): void => {
      const r = row(id);
      requireDraft(r);
      auditBatch(r, 'deleted', auditDetail('batch.items', { count: counts(id).total }), 'batch.deleted');
      q.deleteBatch.run(id);
    }),

    /** draft → queued. Pending items get the freshest partyUuid from `resolveParty` (the list may have synced since). */
    submit: tx(
      (id: string, resolveParty: (orgNumber: string, known: string) => { partyUuid: string; name: string | null }): BatchSummary => {
        const r = row(id);
        if (counts(id).total === 0) throw new AppError(BatchCodes.Empty, 'The batch has no clients. Add at least one before submitting.');
        if (r.state === 'draft') {
          for (const item of q.itemsInState.all(id, 'pending')) {
            const party = resolveParty(item.org_number, item.party_uuid);
            if (party.partyUuid !== item.party_uuid || (party.name && !item.name)) q.updateParty.run(party.partyUuid, party.name, item.id);
          }
        }
        return toSummary(move(r, 'queued'));
      },
    ),

    move: tx((id: string, to: BatchState, pauseReason: string | null = null): BatchSummary => toSummary(move(row(id), to, pauseReason))),

    /** Only a paused batch resumes; it goes to the back of the queue and the runner picks it up. */
    resume: tx((id: string): BatchSummary => {
      const r = row(id);
      if (r.state !== 'paused') throw illegalTransition(id, r.state, 'queued');
      return toSummary(move(r, 'queued'));
    }),

    /** → cancelled; items not yet sent are skipped, items in flight keep their real outcome when it arrives. */
    cancel: tx((id: string): BatchSummary => {
      const r = move(row(id), 'cancelled');
      const at = stamp();
      for (const item of q.itemsInState.all(id, 'pending')) {
        moveItem(item, 'skipped');
        q.markSkipped.run('CANCELLED', at, item.id);
        auditItem(r, item, 'skipped', { code: 'CANCELLED', detail: auditDetail('item.cancelled') });
      }
      return toSummary(r);
    }),

    /** Failed items go back to pending; a finished batch goes back in the queue. */
    retryFailed: tx((id: string): BatchSummary => {
      let r = row(id);
      const failed = q.itemsInState.all(id, 'failed');
      if (failed.length === 0) return toSummary(r);
      if (r.state === 'completed_with_failures') r = move(r, 'queued');
      else if (r.state === 'draft' || r.state === 'cancelled' || r.state === 'completed') throw illegalTransition(id, r.state, 'queued');
      const at = stamp();
      for (const item of failed) {
        moveItem(item, 'pending');
        q.markPending.run(at, item.id);
      }
      auditBatch(r, r.state, auditDetail('batch.retried', { count: failed.length }), 'batch.retry_failed');
      return toSummary(r);
    }),

    /**
     * Marks the next sendable item in flight and records the send with the run that makes it, in one
     * transaction, before anything is sent.
     */
    claimNext: tx((batchId: string, runId: string): ClaimedItem | null => {
      const r = row(batchId);
      const item = q.nextPending.get(batchId, r.system_user_id, r.environment);
      if (!item) return null;
      const at = stamp();
      moveItem(item, 'in_flight');
      const sendId = Number(q.insertSend.run(item.id, at, runId).lastInsertRowid);
      q.claim.run(sendId, at, item.id);
      return { item: toItem(q.item.get(item.id)!), sendId };
    }),

    /**
     * Records the answer to one send, in one transaction with its audit row. An answer to a send that is no
     * longer the item's current one (the item was settled from Altinn's list meanwhile) is ignored.
     */
    finish: tx((itemId: number, sendId: number, result: ItemResult): { item: BatchItem; ignored: boolean } => {
      const item = q.item.get(itemId);
      if (!item) throw new AppError(BatchCodes.NotFound, `There is no batch item ${itemId}.`, undefined, { reason: 'item' });
      if (item.state !== 'in_flight' || item.current_send_id !== sendId) {
        q.finishSend.run('superseded', sendId);
        return { item: toItem(item), ignored: true };
      }
      const r = row(item.batch_id);
      const at = stamp();
      q.finishSend.run(`${result.kind === 'retry' ? 'retry' : result.kind}${result.kind === 'done' ? '' : `:${result.code}`}`, sendId);
      if (result.kind === 'done') {
        markDone(r, item, at, sendId, result.correlationId, result.detail ?? null);
      } else if (result.kind === 'failed') {
        moveItem(item, 'failed');
        const missing = result.missingPackages && result.missingPackages.length > 0 ? JSON.stringify(result.missingPackages) : null;
        q.markFailed.run('failed', result.code, result.message, result.correlationId, missing, at, itemId);
        auditItem(r, item, 'failed', {
          code: result.code,
          correlationId: result.correlationId,
          detail: auditDetail('item.failed', { errorCode: result.code, message: result.message }),
        });
      } else if (result.kind === 'unknown') {
        moveItem(item, 'unknown');
        q.markUnknown.run(result.code, result.message, result.correlationId, at, itemId);
        auditItem(r, item, 'unknown', {
          code: result.code,
          correlationId: result.correlationId,
          detail: auditDetail('item.unknown', { errorCode: result.code }),
        });
      } else {
        moveItem(item, 'pending');
        q.markPending.run(at, itemId);
      }
      return { item: toItem(q.item.get(itemId)!), ignored: false };
    }),

    /** Pending items whose partyUuid is not known yet (never guessed; the runner asks Altinn). */
    unresolved: (batchId: string): BatchItem[] => q.unresolved.all(batchId).map(toItem),

    /** Gives pending items the partyUuid Altinn knows them by, or fails them with a plain reason before any send. */
    settleParties: tx(
      (batchId: string, found: ReadonlyMap<string, { partyUuid: string; name: string }>, reason: (orgNumber: string) => string) => {
        const r = row(batchId);
        const at = stamp();
        let failed = 0;
        for (const item of q.unresolved.all(batchId)) {
          const party = found.get(item.org_number);
          if (party) {
            q.updateParty.run(party.partyUuid, party.name, item.id);
            continue;
          }
          moveItem(item, 'failed');
          const message = reason(item.org_number);
          q.markFailed.run('failed', 'UNKNOWN_CLIENT', message, null, null, at, item.id);
          auditItem(r, item, 'failed', {
            code: 'UNKNOWN_CLIENT',
            detail: auditDetail('item.failed', { errorCode: 'UNKNOWN_CLIENT', message }),
          });
          failed++;
        }
        return failed;
      },
    ),

    /** System users with items whose outcome is open, in this environment. */
    unsettledSystemUsers: (environment: string): string[] => q.unsettledSystemUsers.all(environment).map((r) => r.system_user_id),

    /**
     * Settles every open item of a system user, in every batch (cancelled and paused ones included), from
     * Altinn's list: an add that is there, or a remove that is gone, is done; anything else is sent again,
     * or skipped when its batch was cancelled. `isLive` names items whose call is still running in this
     * process: their answer is still coming, so they are left alone.
     */
    reconcile: tx(
      (environment: string, systemUserId: string, delegated: DelegatedSet, isLive: (itemId: number, runId: string | null) => boolean) => {
        const at = stamp();
        let done = 0;
        let requeued = 0;
        let skipped = 0;
        const batches = new Map<string, BatchRow>();
        for (const item of q.unsettled.all(environment, systemUserId)) {
          if (item.state === 'in_flight' && isLive(item.id, item.run_id)) continue;
          const r = batches.get(item.batch_id) ?? row(item.batch_id);
          batches.set(item.batch_id, r);
          const present = delegated.partyUuids.has(item.party_uuid) || delegated.orgNumbers.has(item.org_number);
          const reached = item.operation === 'add' ? present : !present;
          const sendId = item.current_send_id;
          if (sendId !== null) q.finishSend.run(reached ? 'reconciled:done' : 'reconciled:not_applied', sendId);
          if (reached) {
            markDone(r, item, at, sendId, item.correlation_id, 'confirmed from Altinn’s list of delegated clients');
            done++;
          } else if (r.state === 'cancelled') {
            moveItem(item, 'skipped');
            q.markSkipped.run('CANCELLED', at, item.id);
            auditItem(r, item, 'skipped', { code: 'CANCELLED', detail: auditDetail('item.notAppliedCancelled') });
            skipped++;
          } else {
            moveItem(item, 'pending');
            q.markPending.run(at, item.id);
            requeued++;
          }
        }
        return { done, requeued, skipped };
      },
    ),

    /** The batch to work on in this environment: one already running first, then the queue in submit order. */
    nextRunnable: (environment: string): BatchSummary | null => {
      const r = q.runnable.get(environment);
      return r ? toSummary(r) : null;
    },

    /** running → completed (or with failures) once nothing is pending or in flight. Returns whether it finished. */
    completeIfDone: tx((id: string): boolean => {
      const r = row(id);
      const c = counts(id);
      if (r.state !== 'running' || c.pending > 0 || c.in_flight > 0 || c.unknown > 0) return false;
      move(r, c.failed > 0 ? 'completed_with_failures' : 'completed');
      return true;
    }),
  };
}

export type BatchStore = ReturnType<typeof createBatchStore>;
