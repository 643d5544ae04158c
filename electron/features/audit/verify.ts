// Walks the audit log's hash chain from the first row and names the first row that does not fit.
import type { Database } from 'better-sqlite3';
import { auditRowHash, GENESIS_HASH, type HashedAuditFields } from '../../platform/store/audit-hash-chain';

export interface AuditVerification {
  intact: boolean;
  rowsChecked: number;
  /** The first row whose link or content does not match, when the chain is broken. */
  brokenAtId: number | null;
  reason: string | null;
}

type StoredRow = HashedAuditFields & { prev_hash: string | null; hash: string | null };

export function verifyAuditChain(db: Database): AuditVerification {
  let prev = GENESIS_HASH;
  let expectedId: number | null = null;
  let checked = 0;
  for (const row of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<StoredRow>) {
    const broken = (reason: string): AuditVerification => ({ intact: false, rowsChecked: checked, brokenAtId: row.id, reason });
    if (expectedId !== null && row.id !== expectedId) return broken(`row ${expectedId} is missing before row ${row.id}`);
    if (row.prev_hash !== prev) return broken(`row ${row.id} does not follow the row before it`);
    if (row.hash !== auditRowHash(row, prev)) return broken(`row ${row.id} was changed after it was written`);
    prev = row.hash;
    expectedId = row.id + 1;
    checked++;
  }
  return { intact: true, rowsChecked: checked, brokenAtId: null, reason: null };
}
