// The audit log's tamper evidence: each row's hash covers its own fields and the previous row's hash, so a
// row changed, removed or slipped in outside Klientdesk breaks the chain from that row on. An auditor can
// recompute it from the CSV export: sha256 over the previous hash, a line feed, and the row as canonical JSON.
import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The stored columns a hash covers, by their column names. */
export interface HashedAuditFields {
  id: number;
  at: string;
  actor: string;
  environment: string;
  action: string;
  system_user_id: string | null;
  client_org_number: string | null;
  batch_id: string | null;
  outcome: string;
  code: string | null;
  correlation_id: string | null;
  detail: string | null;
}

const FIELD_ORDER: readonly (keyof HashedAuditFields)[] = [
  'id',
  'at',
  'actor',
  'environment',
  'action',
  'system_user_id',
  'client_org_number',
  'batch_id',
  'outcome',
  'code',
  'correlation_id',
  'detail',
];

/** A JSON array in a fixed field order: no key-order or whitespace ambiguity for an outside checker. */
export function canonicalAuditRow(row: HashedAuditFields): string {
  return JSON.stringify(FIELD_ORDER.map((f) => row[f] ?? null));
}

export function auditRowHash(row: HashedAuditFields, prevHash: string): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalAuditRow(row)}`)
    .digest('hex');
}
