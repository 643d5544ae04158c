// The batch tables' rows as SQLite hands them back, their mapping to the contract, and every statement the
// batch store runs, prepared once per database.
import type { Database, RunResult } from 'better-sqlite3';
import type { BatchItem, BatchSummary } from '../../../shared/contract/batches';
import type { BatchState, ItemState, Operation } from '../../../shared/domain/batch';

export interface BatchRow {
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

export interface ItemRow {
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

export type Counts = BatchSummary['counts'];

export const emptyCounts = (): Counts => ({ pending: 0, in_flight: 0, unknown: 0, done: 0, failed: 0, skipped: 0, total: 0 });

export function toItem(row: ItemRow): BatchItem {
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

/** What the store uses of a prepared statement, under a name its declarations can spell. */
export interface BatchStatement<P extends unknown[], R> {
  get(...params: P): R | undefined;
  all(...params: P): R[];
  run(...params: P): RunResult;
}

export function prepareBatchStatements(db: Database) {
  const prepare = <P extends unknown[] = unknown[], R = unknown>(sql: string): BatchStatement<P, R> => db.prepare<P, R>(sql);
  return {
    batch: prepare<[string], BatchRow>('SELECT * FROM batches WHERE id = ?'),
    stateOf: prepare<[string], { state: BatchState }>('SELECT state FROM batches WHERE id = ?'),
    batches: prepare<[], BatchRow>('SELECT * FROM batches ORDER BY created_at DESC, id'),
    counts: prepare<[string], { state: ItemState; n: number }>(
      'SELECT state, COUNT(*) AS n FROM batch_items WHERE batch_id = ? GROUP BY state',
    ),
    insertBatch: prepare(
      `INSERT INTO batches (id, name, environment, system_user_id, system_user_title, state, created_at, created_by, updated_at)
       VALUES (@id, @name, @environment, @systemUserId, @systemUserTitle, 'draft', @at, @createdBy, @at)`,
    ),
    insertItem: prepare(
      `INSERT INTO batch_items (batch_id, org_number, party_uuid, name, operation, state, updated_at)
       VALUES (?, ?, ?, ?, ?, 'pending', ?)`,
    ),
    setBatchState: prepare(
      'UPDATE batches SET state = ?, pause_reason = ?, updated_at = ?, queued_at = COALESCE(?, queued_at) WHERE id = ?',
    ),
    rename: prepare('UPDATE batches SET name = ?, updated_at = ? WHERE id = ?'),
    touch: prepare('UPDATE batches SET updated_at = ? WHERE id = ?'),
    deleteBatch: prepare('DELETE FROM batches WHERE id = ?'),
    deleteItem: prepare('DELETE FROM batch_items WHERE batch_id = ? AND org_number = ?'),
    item: prepare<[number], ItemRow>('SELECT * FROM batch_items WHERE id = ?'),
    allItems: prepare<[string], ItemRow>('SELECT * FROM batch_items WHERE batch_id = ? ORDER BY id'),
    itemsInState: prepare<[string, ItemState], ItemRow>('SELECT * FROM batch_items WHERE batch_id = ? AND state = ? ORDER BY id'),
    // The next pending item whose client has no unsettled operation for the same system user in any batch:
    // a remove never overtakes an add whose outcome is still open, nor the other way round.
    nextPending: prepare<[string, string, string], ItemRow>(
      `SELECT i.* FROM batch_items i WHERE i.batch_id = ? AND i.state = 'pending' AND i.party_uuid != ''
         AND NOT EXISTS (
           SELECT 1 FROM batch_items o JOIN batches ob ON ob.id = o.batch_id
           WHERE o.org_number = i.org_number AND o.state IN ('in_flight', 'unknown') AND ob.system_user_id = ? AND ob.environment = ?)
       ORDER BY i.id LIMIT 1`,
    ),
    claim: prepare(
      "UPDATE batch_items SET state = 'in_flight', attempts = attempts + 1, current_send_id = ?, updated_at = ? WHERE id = ? AND state = 'pending'",
    ),
    insertSend: prepare('INSERT INTO batch_sends (item_id, started_at, run_id) VALUES (?, ?, ?)'),
    unresolved: prepare<[string], ItemRow>(
      "SELECT * FROM batch_items WHERE batch_id = ? AND state = 'pending' AND party_uuid = '' ORDER BY id",
    ),
    markUnknown: prepare(
      "UPDATE batch_items SET state = 'unknown', error_code = ?, error_message = ?, correlation_id = ?, updated_at = ? WHERE id = ?",
    ),
    unsettled: prepare<[string, string], ItemRow & { batch_state: BatchState; run_id: string | null }>(
      `SELECT i.*, b.state AS batch_state, s.run_id AS run_id FROM batch_items i
         JOIN batches b ON b.id = i.batch_id
         LEFT JOIN batch_sends s ON s.id = i.current_send_id
       WHERE b.environment = ? AND b.system_user_id = ? AND i.state IN ('in_flight', 'unknown') ORDER BY i.id`,
    ),
    unsettledSystemUsers: prepare<[string], { system_user_id: string }>(
      `SELECT DISTINCT b.system_user_id FROM batch_items i JOIN batches b ON b.id = i.batch_id
       WHERE b.environment = ? AND i.state IN ('in_flight', 'unknown')`,
    ),
    finishSend: prepare('UPDATE batch_sends SET finished = 1, outcome = ? WHERE id = ?'),
    lastSend: prepare<[number], { id: number }>('SELECT id FROM batch_sends WHERE item_id = ? ORDER BY id DESC LIMIT 1'),
    markDone: prepare(
      `UPDATE batch_items SET state = 'done', error_code = NULL, error_message = NULL, missing_packages = NULL, correlation_id = ?,
         done_by_send_id = ?, updated_at = ? WHERE id = ?`,
    ),
    markFailed: prepare(
      'UPDATE batch_items SET state = ?, error_code = ?, error_message = ?, correlation_id = ?, missing_packages = ?, updated_at = ? WHERE id = ?',
    ),
    markPending: prepare("UPDATE batch_items SET state = 'pending', updated_at = ? WHERE id = ?"),
    markSkipped: prepare("UPDATE batch_items SET state = 'skipped', skip_reason = ?, updated_at = ? WHERE id = ?"),
    updateParty: prepare('UPDATE batch_items SET party_uuid = ?, name = COALESCE(?, name) WHERE id = ?'),
    runnable: prepare<[string], BatchRow>(
      `SELECT * FROM batches WHERE environment = ? AND state IN ('running', 'queued')
       ORDER BY CASE state WHEN 'running' THEN 0 ELSE 1 END, queued_at, id LIMIT 1`,
    ),
    withStates: (states: readonly BatchState[]) =>
      prepare<string[], BatchRow>(`SELECT * FROM batches WHERE state IN (${states.map(() => '?').join(', ')}) ORDER BY queued_at, id`),
  };
}
