// The audit log's channels: read, export and verify only. Rows are written by the features that act (appendAudit).
import type { Feature, FeatureContext } from '../../app/feature';
import { auditFacets, exportAuditCsv, queryAudit } from './query';
import { verifyAuditChain } from './verify';

export function auditFeature(ctx: FeatureContext): Feature {
  return {
    handlers: {
      'audit.query': ({ filter, offset, limit }) => queryAudit(ctx.db, filter, offset, limit),
      'audit.exportCsv': ({ filter }) => exportAuditCsv(ctx.db, filter, ctx.settings.get().language, ctx.now()),
      'audit.facets': () => auditFacets(ctx.db),
      'audit.verify': () => verifyAuditChain(ctx.db),
    },
  };
}
