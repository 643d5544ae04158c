// The audit log's channels: read and export only. Rows are written by the features that act (appendAudit).
import type { Feature, FeatureContext } from '../app/feature';
import { auditFacets, exportAuditCsv, queryAudit } from './query';

export function auditFeature(ctx: FeatureContext): Feature {
  return {
    handlers: {
      'audit.query': ({ filter, offset, limit }) => queryAudit(ctx.db, filter, offset, limit),
      'audit.exportCsv': ({ filter }) => exportAuditCsv(ctx.db, filter, ctx.settings.get().language, ctx.now()),
      'audit.facets': () => auditFacets(ctx.db),
    },
  };
}
