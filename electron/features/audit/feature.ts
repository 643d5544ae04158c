// The audit log's channels: read, export and verify only. Rows are written by the features that act, through
// the audit port the composition root builds on appendAudit.
import type { Database } from 'better-sqlite3';
import type { ChannelsOf, Feature, HandlersOf } from '../../app/feature';
import type { ClockPort, LanguagePort } from '../../app/ports';
import { auditFacets, exportAuditCsv, queryAudit } from './query';
import { verifyAuditChain } from './verify';

export type AuditChannel = ChannelsOf<'audit.'>;

export interface AuditDeps {
  /** The store holding the audit log. */
  db: Database;
  language: LanguagePort;
  now: ClockPort;
}

export function auditFeature(deps: AuditDeps): Feature<AuditChannel> {
  const { db } = deps;
  const handlers = {
    'audit.query': ({ filter, offset, limit }) => queryAudit(db, filter, offset, limit),
    'audit.exportCsv': ({ filter }) => exportAuditCsv(db, filter, deps.language(), deps.now()),
    'audit.facets': () => auditFacets(db),
    'audit.verify': () => verifyAuditChain(db),
  } satisfies HandlersOf<AuditChannel>;
  return { handlers };
}
