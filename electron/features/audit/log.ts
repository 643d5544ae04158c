// The audit trail: rows are only ever inserted (the schema's triggers refuse anything else), each one chained
// to the previous row's hash.
import type { Database, Statement } from 'better-sqlite3';
import { auditRowHash, GENESIS_HASH, type HashedAuditFields } from '../../platform/store/audit-hash-chain';

export interface AuditRecord {
  actor: string;
  environment: string;
  action: string;
  outcome: string;
  systemUserId?: string | null;
  clientOrgNumber?: string | null;
  batchId?: string | null;
  code?: string | null;
  correlationId?: string | null;
  detail?: string | null;
}

interface Statements {
  last: Statement<[], { id: number; hash: string | null }>;
  insert: Statement<[Record<string, unknown>]>;
}
const statements = new WeakMap<Database, Statements>();

function prepared(db: Database): Statements {
  let s = statements.get(db);
  if (!s) {
    s = {
      last: db.prepare<[], { id: number; hash: string | null }>('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1'),
      insert: db.prepare<[Record<string, unknown>]>(
        `INSERT INTO audit_log (id, at, actor, environment, action, system_user_id, client_org_number, batch_id, outcome, code, correlation_id, detail, prev_hash, hash)
         VALUES (@id, @at, @actor, @environment, @action, @system_user_id, @client_org_number, @batch_id, @outcome, @code, @correlation_id, @detail, @prev_hash, @hash)`,
      ),
    };
    statements.set(db, s);
  }
  return s;
}

export function appendAudit(db: Database, record: AuditRecord, at: Date = new Date()): number {
  const s = prepared(db);
  // Reading the tail and inserting after it happen in one transaction (nested in the caller's, if any), and
  // one process owns the data folder, so two rows never claim the same predecessor.
  return db.transaction((): number => {
    const last = s.last.get();
    const row: HashedAuditFields = {
      id: (last?.id ?? 0) + 1,
      at: at.toISOString(),
      actor: record.actor,
      environment: record.environment,
      action: record.action,
      system_user_id: record.systemUserId ?? null,
      client_org_number: record.clientOrgNumber ?? null,
      batch_id: record.batchId ?? null,
      outcome: record.outcome,
      code: record.code ?? null,
      correlation_id: record.correlationId ?? null,
      detail: record.detail ?? null,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    s.insert.run({ ...row, prev_hash: prevHash, hash: auditRowHash(row, prevHash) });
    return row.id;
  })();
}
