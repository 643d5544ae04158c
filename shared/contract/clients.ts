import { z } from 'zod';
import { channel, isoDateTime, noInput, orgNumber, shortText, uuid } from './define';

export const relationship = z.enum(['REGN', 'REVI', 'FFØR']);

/** A client Altinn would list as available to a system user (any-of) but refuse to delegate (AND rule). */
export const andRuleGapSchema = z.object({ systemUserId: z.string(), missingPackages: z.array(z.string()) });
export type AndRuleGap = z.infer<typeof andRuleGapSchema>;

export const clientRowSchema = z.object({
  orgNumber: z.string(),
  partyUuid: z.string(),
  /** As the service gave it: untrusted text, never markup. */
  name: z.string(),
  variant: z.string(),
  parentOrgNumber: z.string().nullable(),
  isSubUnit: z.boolean(),
  relationships: z.array(relationship),
  packages: z.array(z.string()),
  /** System user ids this client is delegated to. */
  delegatedTo: z.array(z.string()),
  /** The agent system user whose packages this client fully gives, preferring its own relationship. */
  suggestedSystemUserId: z.string().nullable(),
  /** Per system user the client is offered to but would fail; only the filter's system user when one is chosen. */
  andRuleGaps: z.array(andRuleGapSchema),
  firstSeenAt: isoDateTime,
  /** Seen for the first time in the latest sync (never true after the very first sync). */
  isNew: z.boolean(),
  /** When the client was no longer among the firm's clients; null while it still is. */
  goneAt: isoDateTime.nullable(),
});
export type ClientRow = z.infer<typeof clientRowSchema>;

export const clientQuerySchema = z.strictObject({
  /** Name words and/or an org number, with or without spaces (`313 367` finds 313367002). */
  search: z.string().max(200).optional(),
  /** Any of these relationships. */
  relationships: z.array(relationship).max(3).optional(),
  /** Every one of these package codes. */
  packages: z.array(shortText).max(20).optional(),
  /** With `delegated`: delegated or not to this system user (or to any, when absent). */
  systemUserId: uuid.optional(),
  delegated: z.enum(['yes', 'no']).optional(),
  /** Offered to this system user (any-of) but missing at least one of its packages (AND rule). */
  failsAndRuleFor: uuid.optional(),
  onlyNew: z.boolean().optional(),
  subUnits: z.enum(['include', 'exclude', 'only']).optional(),
  /** `current` (the default): the firm's clients now; `gone`: clients that have left the firm. */
  status: z.enum(['current', 'gone']).optional(),
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
  /** Clients delegated to it at the last sync. */
  clientCount: z.number(),
  /** Current clients that give every one of its packages. */
  qualifyingCount: z.number(),
  /** Current clients offered to it that would fail the AND rule. */
  failingCount: z.number(),
  relationship: relationship.nullable(),
  created: z.string(),
});
export type SystemUserRow = z.infer<typeof systemUserSchema>;

const namedClient = z.object({ orgNumber: z.string(), name: z.string() });
/** The callout lists at most this many names; the counts are always complete. */
export const SYNC_LIST_CAP = 200;

export const syncResultSchema = z.object({
  syncedAt: isoDateTime,
  total: z.number(),
  /** The first sync of an environment sets the baseline, so it reports nothing as added. */
  firstSync: z.boolean(),
  addedCount: z.number(),
  removedCount: z.number(),
  added: z.array(namedClient),
  removed: z.array(namedClient),
});
export type SyncResult = z.infer<typeof syncResultSchema>;

/** A CSV of up to ~100 000 clients; larger than the generic long-text cap on purpose. */
const csvText = z.string().max(40_000_000);

export const clientsChannels = {
  'clients.sync': channel(noInput, syncResultSchema),
  'clients.syncInfo': channel(
    noInput,
    z.object({ lastSyncAt: isoDateTime.nullable(), total: z.number(), syncing: z.boolean(), lastResult: syncResultSchema.nullable() }),
  ),
  'clients.query': channel(
    z.strictObject({ query: clientQuerySchema, offset: z.number().int().min(0), limit: z.number().int().min(1).max(1000) }),
    z.object({ total: z.number(), rows: z.array(clientRowSchema) }),
  ),
  /** Every org number matching the query, in the query's order: "select all filtered" and shift-click ranges. */
  'clients.matchingOrgNumbers': channel(z.strictObject({ query: clientQuerySchema }), z.array(z.string())),
  'clients.exportCsv': channel(z.strictObject({ query: clientQuerySchema }), z.object({ filename: z.string(), csv: csvText })),
  'clients.get': channel(z.strictObject({ orgNumber }), clientRowSchema.nullable()),
  'systemUsers.list': channel(noInput, z.array(systemUserSchema)),
};

export const clientsEvents = {
  'clients.syncProgress': z.object({
    phase: z.enum(['systemUsers', 'clients', 'delegations', 'saving', 'done', 'failed']),
    done: z.number(),
    total: z.number(),
  }),
};
