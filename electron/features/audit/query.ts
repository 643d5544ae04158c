// Reading the audit trail: filters, paging and CSV export. Everything here is SELECT; the log is only ever
// written by appendAudit, and the database refuses updates and deletes of its rows.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import type { AuditEntry, auditFilterSchema } from '../../../shared/contract/audit';
import { environmentId } from '../../../shared/contract/define';
import { wordAuditActor } from '../../../shared/domain/audit-actor';
import { readAuditDetail, wordAuditDetail } from '../../../shared/domain/audit-details';
import { wordAuditAction, wordAuditOutcome, wordEnvironment } from '../../../shared/domain/audit-words';
import { formatSheetDateTime } from '../../../shared/format/format';
import { readSystemUsers } from '../clients/port';
import { targetNames } from '../employees/port';
import { batchTargetTitles } from '../batches/port';
import { csvFilename, toCsv, type CsvColumn } from './csv';
import type { HashedAuditFields } from '../../platform/store/audit-hash-chain';

export type AuditFilter = z.output<typeof auditFilterSchema>;

/** An export is a document for people; this many rows is already more than a spreadsheet shows comfortably. */
export const MAX_EXPORT_ROWS = 200_000;

/** A stored row: the fields its hash covers, and the chain's two hashes. */
interface AuditRow extends HashedAuditFields {
  prev_hash: string | null;
  hash: string | null;
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  actor: r.actor,
  environment: r.environment,
  action: r.action,
  systemUserId: r.system_user_id,
  clientOrgNumber: r.client_org_number,
  batchId: r.batch_id,
  outcome: r.outcome,
  code: r.code,
  correlationId: r.correlation_id,
  ...readAuditDetail(r.detail),
  // The stored text, as the hash chain covers it; detailCode/detailParams are what readers see.
  detail: r.detail,
  prevHash: r.prev_hash,
  hash: r.hash,
});

const SEARCHED_COLUMNS = [
  'actor',
  'action',
  'outcome',
  'client_org_number',
  'system_user_id',
  'batch_id',
  'code',
  'correlation_id',
  'detail',
];

const escapeLike = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A bare date bound means the whole day: `to: 2026-11-24` includes everything on the 24th. */
function bound(value: string, edge: 'from' | 'to'): string {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
  if (edge === 'from') return `${value}T00:00:00.000Z`;
  const next = new Date(`${value}T00:00:00.000Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.toISOString();
}

function whereClause(filter: AuditFilter): { sql: string; args: unknown[] } {
  const parts: string[] = [];
  const args: unknown[] = [];
  const search = filter.search?.trim();
  if (search) {
    // Org numbers are stored without spaces; people type them with.
    const terms = [...new Set([search, search.replace(/\s/g, '')])].filter(Boolean);
    const ors: string[] = [];
    for (const term of terms) {
      for (const column of SEARCHED_COLUMNS) {
        ors.push(`${column} LIKE ? ESCAPE '\\'`);
        args.push(`%${escapeLike(term)}%`);
      }
    }
    parts.push(`(${ors.join(' OR ')})`);
  }
  if (filter.action) {
    // `client` matches client.add and client.remove; an exact action matches itself.
    parts.push("(action = ? OR action LIKE ? ESCAPE '\\')");
    args.push(filter.action, `${escapeLike(filter.action)}.%`);
  }
  if (filter.outcome) {
    parts.push('outcome = ?');
    args.push(filter.outcome);
  }
  if (filter.from) {
    parts.push('at >= ?');
    args.push(bound(filter.from, 'from'));
  }
  if (filter.to) {
    parts.push(/^\d{4}-\d{2}-\d{2}$/.test(filter.to) ? 'at < ?' : 'at <= ?');
    args.push(bound(filter.to, 'to'));
  }
  return { sql: parts.length > 0 ? `WHERE ${parts.join(' AND ')}` : '', args };
}

export function queryAudit(db: Database, filter: AuditFilter, offset: number, limit: number): { total: number; rows: AuditEntry[] } {
  const { sql, args } = whereClause(filter);
  const total = (db.prepare(`SELECT COUNT(*) AS n FROM audit_log ${sql}`).get(...args) as { n: number }).n;
  const rows = db.prepare(`SELECT * FROM audit_log ${sql} ORDER BY id DESC LIMIT ? OFFSET ?`).all(...args, limit, offset) as AuditRow[];
  return { total, rows: rows.map(toEntry) };
}

export type AuditCsvLanguage = 'nb' | 'en';

/**
 * The stored facts, under the same names in every language, so a script reads any export: the id and both
 * hashes let an auditor recompute the chain outside the app (see platform/store/audit-hash-chain.ts).
 */
export const AUDIT_MACHINE_HEADERS = [
  'id',
  'at_utc',
  'actor',
  'environment_code',
  'action_code',
  'system_access_id',
  'client_org_no',
  'batch_id',
  'outcome_code',
  'code',
  'correlation_id',
  'detail',
  'prev_hash',
  'hash',
] as const;

/** The same facts worded for the reader, in the reader's language and local time. */
const HUMAN_HEADERS: Record<AuditCsvLanguage, readonly string[]> = {
  nb: ['Beskrivelse', 'Tid (lokal)', 'Miljø', 'Handling', 'Systemtilgang', 'Utfall', 'Hvem'],
  en: ['Description', 'Time (local)', 'Environment', 'Action', 'System access', 'Outcome', 'Who'],
};

export function exportAuditCsv(
  db: Database,
  filter: AuditFilter,
  language: AuditCsvLanguage,
  now: Date,
  timeZone?: string,
): { filename: string; csv: string } {
  const { rows } = queryAudit(db, filter, 0, MAX_EXPORT_ROWS);
  const m = AUDIT_MACHINE_HEADERS;
  const h = HUMAN_HEADERS[language];
  const titles = new Map<string, string>();
  for (const environment of new Set(rows.map((e) => e.environment))) {
    const parsed = environmentId.safeParse(environment);
    if (!parsed.success) continue;
    // The local copy's name wins; employees stand where a system access would; a batch remembers the name it had.
    for (const su of [...batchTargetTitles(db, parsed.data), ...targetNames(db, parsed.data), ...readSystemUsers(db, parsed.data)])
      titles.set(`${environment}:${su.id}`, su.title);
  }
  const columns: CsvColumn<AuditEntry>[] = [
    { header: m[0], value: (e) => e.id },
    { header: m[1], value: (e) => e.at },
    { header: m[2], value: (e) => e.actor },
    { header: m[3], value: (e) => e.environment },
    { header: m[4], value: (e) => e.action },
    { header: m[5], value: (e) => e.systemUserId },
    { header: m[6], value: (e) => e.clientOrgNumber },
    { header: m[7], value: (e) => e.batchId },
    { header: m[8], value: (e) => e.outcome },
    { header: m[9], value: (e) => e.code },
    { header: m[10], value: (e) => e.correlationId },
    { header: m[11], value: (e) => e.detail },
    { header: m[12], value: (e) => e.prevHash },
    { header: m[13], value: (e) => e.hash },
    // Worded for the reader; the stored detail above is what the hash covers.
    { header: h[0]!, value: (e) => (e.detailCode ? wordAuditDetail(e.detailCode, e.detailParams ?? {}, language) : e.detail) },
    { header: h[1]!, value: (e) => formatSheetDateTime(e.at, language, timeZone) },
    { header: h[2]!, value: (e) => wordEnvironment(e.environment, language) },
    { header: h[3]!, value: (e) => wordAuditAction(e.action, language) },
    // A system access the local copy no longer knows keeps its id, so the row still says which one it was.
    { header: h[4]!, value: (e) => (e.systemUserId ? (titles.get(`${e.environment}:${e.systemUserId}`) ?? e.systemUserId) : '') },
    { header: h[5]!, value: (e) => wordAuditOutcome(e.outcome, language) },
    // Last, so the columns before it keep their places; the stored actor above stays as the hash covers it.
    { header: h[6]!, value: (e) => wordAuditActor(e.actor, language) },
  ];
  return { filename: csvFilename('audit', now), csv: toCsv(rows, columns) };
}

/** The distinct actions and outcomes in the log, for the filter menus. */
export function auditFacets(db: Database): { actions: string[]; outcomes: string[] } {
  const pluck = (column: 'action' | 'outcome'): string[] =>
    (db.prepare(`SELECT DISTINCT ${column} AS v FROM audit_log ORDER BY ${column}`).all() as { v: string }[]).map((r) => r.v);
  return { actions: pluck('action'), outcomes: pluck('outcome') };
}
