// The audit trail: rows are only ever inserted (the schema's triggers refuse anything else).
import type { Database } from 'better-sqlite3';

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

export function appendAudit(db: Database, record: AuditRecord, at: Date = new Date()): number {
  const info = db
    .prepare(
      `INSERT INTO audit_log (at, actor, environment, action, system_user_id, client_org_number, batch_id, outcome, code, correlation_id, detail)
       VALUES (@at, @actor, @environment, @action, @systemUserId, @clientOrgNumber, @batchId, @outcome, @code, @correlationId, @detail)`,
    )
    .run({
      at: at.toISOString(),
      actor: record.actor,
      environment: record.environment,
      action: record.action,
      systemUserId: record.systemUserId ?? null,
      clientOrgNumber: record.clientOrgNumber ?? null,
      batchId: record.batchId ?? null,
      outcome: record.outcome,
      code: record.code ?? null,
      correlationId: record.correlationId ?? null,
      detail: record.detail ?? null,
    });
  return Number(info.lastInsertRowid);
}
