// Batches and their items in SQLite. Every state change is one transaction that also writes its audit row,
// so the database never holds a change without its evidence, and a crash leaves either both or neither.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { BatchItem, BatchSummary } from '../../../shared/contract/batches';
import { canMoveBatch, canMoveItem, type BatchState, type ItemState, type Operation } from '../../../shared/domain/batch';
import { AppError } from '../../../shared/errors';
import type { AuditRecord } from '../audit/port';
import { BatchCodes, batchNotFound, illegalItemTransition, illegalTransition, notDraft } from './batch-errors';
import { auditDetail } from '../../../shared/domain/audit-details';
import { emptyCounts, prepareBatchStatements, toItem, type BatchRow, type Counts, type ItemRow } from './batch-rows';
import type { AuditWriter, ClaimedItem, DelegatedSet, ItemResult, NewBatch, NewItem, OnConfirmed } from './batch-types';

/** The skip reason of an item whose change Altinn's list shows already holds. */
export const ALREADY_DONE = 'ALREADY_DONE';

export type { AuditWriter, ClaimedItem, ConfirmedChange, DelegatedSet, ItemResult, NewBatch, NewItem, OnConfirmed } from './batch-types';

const itemAction = (operation: Operation): string => (operation === 'add' ? 'client.add' : 'client.remove');

export function createBatchStore(db: Database, now: () => Date, audit: AuditWriter, onConfirmed: OnConfirmed = () => {}) {
  const stamp = (): string => now().toISOString();
  // A plain function type, so the store's type can be named in declarations (better-sqlite3's Transaction cannot).
  const tx = <A extends unknown[], R>(fn: (...args: A) => R): ((...args: A) => R) => db.transaction(fn);

  const q = prepareBatchStatements(db);

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
    confirmed(r, item);
  }

  function confirmed(r: BatchRow, item: ItemRow): void {
    const { org_number: orgNumber, party_uuid: partyUuid, name, operation } = item;
    onConfirmed({ environment: r.environment, systemUserId: r.system_user_id, orgNumber, partyUuid, name, operation });
  }

  function moveItem(item: ItemRow, to: ItemState): void {
    if (!canMoveItem(item.state, to)) throw illegalItemTransition(item.id, item.state, to);
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
      } else if (result.kind === 'already_done') {
        moveItem(item, 'skipped');
        q.markSkipped.run(ALREADY_DONE, at, itemId);
        auditItem(r, item, 'skipped', {
          code: ALREADY_DONE,
          correlationId: result.correlationId,
          detail: auditDetail('item.alreadyDone', { errorCode: result.code }),
        });
        // Altinn's state is what the item asked for, so the local copy follows it like a confirmed change.
        confirmed(r, item);
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
