import { z } from 'zod';
import { channel, isoDateTime, longText, noInput, orgNumber, shortText, uuid } from './define';

export const relationship = z.enum(['REGN', 'REVI', 'FFØR']);

export const clientRowSchema = z.object({
  orgNumber: z.string(),
  partyUuid: z.string(),
  name: z.string(),
  variant: z.string(),
  parentOrgNumber: z.string().nullable(),
  relationships: z.array(relationship),
  packages: z.array(z.string()),
  /** System user ids this client is delegated to. */
  delegatedTo: z.array(z.string()),
  firstSeenAt: isoDateTime,
  isNew: z.boolean(),
});
export type ClientRow = z.infer<typeof clientRowSchema>;

export const clientQuerySchema = z.strictObject({
  search: z.string().max(200).optional(),
  relationships: z.array(relationship).max(3).optional(),
  packages: z.array(shortText).max(20).optional(),
  /** Delegated or not to this system user. */
  systemUserId: uuid.optional(),
  delegated: z.enum(['yes', 'no']).optional(),
  /** Would fail the AND rule for this system user. */
  failsAndRuleFor: uuid.optional(),
  onlyNew: z.boolean().optional(),
  subUnits: z.enum(['include', 'exclude', 'only']).optional(),
  sort: z.enum(['name', 'orgNumber', 'firstSeenAt']).optional(),
  direction: z.enum(['asc', 'desc']).optional(),
});
export type ClientQuery = z.infer<typeof clientQuerySchema>;

export const systemUserSchema = z.object({
  id: z.string(),
  title: z.string(),
  systemId: z.string(),
  externalRef: z.string(),
  packages: z.array(z.string()),
  clientCount: z.number(),
  relationship: relationship.nullable(),
  created: z.string(),
});
export type SystemUserRow = z.infer<typeof systemUserSchema>;

export const syncResultSchema = z.object({
  syncedAt: isoDateTime,
  total: z.number(),
  added: z.array(z.object({ orgNumber: z.string(), name: z.string() })),
  removed: z.array(z.object({ orgNumber: z.string(), name: z.string() })),
});

export const clientsChannels = {
  'clients.sync': channel(noInput, syncResultSchema),
  'clients.syncInfo': channel(
    noInput,
    z.object({ lastSyncAt: isoDateTime.nullable(), total: z.number(), lastResult: syncResultSchema.nullable() }),
  ),
  'clients.query': channel(
    z.strictObject({ query: clientQuerySchema, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }),
    z.object({ total: z.number(), rows: z.array(clientRowSchema) }),
  ),
  /** Every org number matching the query: "select all filtered". */
  'clients.matchingOrgNumbers': channel(z.strictObject({ query: clientQuerySchema }), z.array(z.string())),
  'clients.exportCsv': channel(z.strictObject({ query: clientQuerySchema }), z.object({ filename: z.string(), csv: longText })),
  'clients.get': channel(z.strictObject({ orgNumber }), clientRowSchema.nullable()),
  'systemUsers.list': channel(noInput, z.array(systemUserSchema)),
};

export const clientsEvents = {
  'clients.syncProgress': z.object({ phase: z.string(), done: z.number(), total: z.number() }),
};
