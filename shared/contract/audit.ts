import { z } from 'zod';
import { channel, isoDateTime, longText, noInput } from './define';

export const auditEntrySchema = z.object({
  id: z.number(),
  at: isoDateTime,
  actor: z.string(),
  environment: z.string(),
  action: z.string(),
  systemUserId: z.string().nullable(),
  clientOrgNumber: z.string().nullable(),
  batchId: z.string().nullable(),
  outcome: z.string(),
  code: z.string().nullable(),
  correlationId: z.string().nullable(),
  /** Free text, as rows written before details were codes have it. */
  detail: z.string().nullable(),
  /** The hash chain link (sha256 hex): null only on a row written before the chain existed and never hashed. */
  prevHash: z.string().nullable(),
  hash: z.string().nullable(),
  /** What the Details column says, as a code (shared/domain/audit-details.ts) with params the reader's language words. */
  detailCode: z.string().nullable().optional(),
  detailParams: z
    .record(z.string(), z.union([z.string(), z.number()]))
    .nullable()
    .optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

/** Read-only by design: there is no channel that changes or removes an audit row. */
export const auditFilterSchema = z.strictObject({
  search: z.string().max(200).optional(),
  action: z.string().max(50).optional(),
  outcome: z.string().max(50).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export const auditChannels = {
  'audit.query': channel(
    z.strictObject({ filter: auditFilterSchema, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }),
    z.object({ total: z.number(), rows: z.array(auditEntrySchema) }),
  ),
  'audit.exportCsv': channel(z.strictObject({ filter: auditFilterSchema }), z.object({ filename: z.string(), csv: longText })),
  /** The actions and outcomes present in the log, for the filter menus. */
  'audit.facets': channel(noInput, z.object({ actions: z.array(z.string()), outcomes: z.array(z.string()) })),
  /** Recomputes the hash chain: intact, or the first row that was changed, removed or slipped in. */
  'audit.verify': channel(
    noInput,
    z.object({ intact: z.boolean(), rowsChecked: z.number(), brokenAtId: z.number().nullable(), reason: z.string().nullable() }),
  ),
};
