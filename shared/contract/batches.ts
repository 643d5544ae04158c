import { z } from 'zod';
import { BATCH_STATES, ITEM_STATES } from '../domain/batch';
import { channel, isoDateTime, longText, noInput, shortText, uuid } from './define';

export const operation = z.enum(['add', 'remove']);
export const batchState = z.enum(BATCH_STATES);
export const itemState = z.enum(ITEM_STATES);

/** What the review step says about one org number before anything is sent. */
export const reviewVerdict = z.enum(['ready', 'already_done', 'fails_and_rule', 'unknown_client', 'invalid_number', 'duplicate']);

export const reviewItemSchema = z.object({
  input: z.string(),
  orgNumber: z.string(),
  name: z.string().nullable(),
  verdict: reviewVerdict,
  missingPackages: z.array(z.string()),
  line: z.number().nullable(),
});
export type ReviewItem = z.infer<typeof reviewItemSchema>;

export const parseErrorSchema = z.object({
  line: z.number(),
  input: z.string(),
  /** What is wrong, as a code the renderer words (with params); `message` is the English text for logs. */
  problem: z.string().max(60).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
  message: z.string(),
});

export const batchItemSchema = z.object({
  id: z.number(),
  orgNumber: z.string(),
  partyUuid: z.string(),
  name: z.string().nullable(),
  operation,
  state: itemState,
  attempts: z.number(),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  correlationId: z.string().nullable(),
  /** For AUTH-00080: the packages the client has not given, when the local client list knows them. */
  missingPackages: z.array(z.string()),
  skipReason: z.string().nullable(),
  updatedAt: isoDateTime,
});
export type BatchItem = z.infer<typeof batchItemSchema>;

export const batchSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  environment: z.string(),
  systemUserId: z.string(),
  systemUserTitle: z.string(),
  state: batchState,
  pauseReason: z.string().nullable(),
  createdAt: isoDateTime,
  createdBy: z.string(),
  updatedAt: isoDateTime,
  counts: z.object({
    pending: z.number(),
    in_flight: z.number(),
    /** Sent, but the answer was lost: settled only from Altinn's list of delegated clients. */
    unknown: z.number(),
    done: z.number(),
    failed: z.number(),
    skipped: z.number(),
    total: z.number(),
  }),
});
export type BatchSummary = z.infer<typeof batchSummarySchema>;

export const progressSchema = z.object({
  batchId: z.string(),
  name: z.string(),
  state: batchState,
  pauseReason: z.string().nullable(),
  counts: batchSummarySchema.shape.counts,
  throughputPerMinute: z.number(),
  etaSeconds: z.number().nullable(),
  /** Set while the runner waits out a Retry-After or a back-off before sending again. */
  waitingUntil: isoDateTime.nullable(),
});
export type BatchProgress = z.infer<typeof progressSchema>;

/** One problem in an imported batch file, by line, so the person can fix the file and try again. */
export type ParseError = z.infer<typeof parseErrorSchema>;

const draftItemInput = z.strictObject({
  orgNumber: z.string().max(20),
  operation,
  /** When the caller already knows it (e.g. from Altinn's available list); otherwise the local client list is asked. */
  partyUuid: uuid.optional(),
});
export type DraftItemInput = z.infer<typeof draftItemInput>;

/** An absolute path (POSIX or Windows) to a .json file, without NUL characters. */
const batchFilePath = z
  .string()
  .min(6)
  .max(4096)
  .regex(/^(\/|[A-Za-z]:[\\/]|\\\\)/, 'must be an absolute path')
  .regex(/\.json$/i, 'must name a .json file')
  .refine((p) => !p.includes('\u0000'), 'must not contain NUL');

export const batchesChannels = {
  'batches.parseOrgNumbers': channel(
    z.strictObject({ text: longText }),
    z.object({ entries: z.array(z.object({ line: z.number(), orgNumber: z.string() })), errors: z.array(parseErrorSchema) }),
  ),
  'batches.review': channel(
    z.strictObject({ systemUserId: uuid, operation, orgNumbers: z.array(z.string().max(40)).max(100_000) }),
    z.array(reviewItemSchema),
  ),
  'batches.create': channel(
    z.strictObject({
      name: shortText,
      systemUserId: uuid,
      systemUserTitle: shortText.optional(),
      items: z.array(draftItemInput).max(100_000),
      submit: z.boolean(),
    }),
    batchSummarySchema,
  ),
  'batches.list': channel(noInput, z.array(batchSummarySchema)),
  'batches.get': channel(
    z.strictObject({
      id: shortText,
      offset: z.number().int().min(0).optional(),
      limit: z.number().int().min(1).max(5000).optional(),
      state: itemState.optional(),
    }),
    z.object({ batch: batchSummarySchema, items: z.array(batchItemSchema), totalItems: z.number() }),
  ),
  'batches.rename': channel(z.strictObject({ id: shortText, name: shortText }), batchSummarySchema),
  'batches.editItems': channel(
    z.strictObject({
      id: shortText,
      add: z.array(draftItemInput).max(100_000).optional(),
      removeOrgNumbers: z.array(z.string().max(20)).max(100_000).optional(),
    }),
    batchSummarySchema,
  ),
  'batches.duplicate': channel(z.strictObject({ id: shortText }), batchSummarySchema),
  'batches.exportFile': channel(z.strictObject({ id: shortText }), z.object({ filename: z.string(), content: longText })),
  /**
   * Large plans: the main process streams the file to and from disk, the renderer names it. The path comes
   * from the person's own save or open dialog; only absolute paths to .json files are accepted.
   */
  'batches.exportToPath': channel(
    z.strictObject({ id: shortText, path: batchFilePath }),
    z.object({ path: z.string(), items: z.number() }),
  ),
  'batches.importFromPath': channel(
    z.strictObject({ path: batchFilePath }),
    z.object({ batch: batchSummarySchema.nullable(), errors: z.array(parseErrorSchema) }),
  ),
  /**
   * In Electron: main shows the native save or open dialog, then streams to or from the chosen file, so no
   * path or content ever comes from the renderer. `cancelled` when the person closed the dialog.
   */
  'batches.exportToChosenFile': channel(
    z.strictObject({ id: shortText }),
    z.object({ cancelled: z.boolean(), path: z.string().nullable(), items: z.number() }),
  ),
  'batches.importChosenFile': channel(
    noInput,
    z.object({ cancelled: z.boolean(), batch: batchSummarySchema.nullable(), errors: z.array(parseErrorSchema) }),
  ),
  /** Nothing is imported unless the whole file is valid; otherwise every problem comes back by line. */
  'batches.importFile': channel(
    z.strictObject({ content: longText }),
    z.object({ batch: batchSummarySchema.nullable(), errors: z.array(parseErrorSchema) }),
  ),
  'batches.submit': channel(z.strictObject({ id: shortText }), batchSummarySchema),
  'batches.pause': channel(z.strictObject({ id: shortText }), batchSummarySchema),
  'batches.resume': channel(z.strictObject({ id: shortText }), batchSummarySchema),
  'batches.cancel': channel(z.strictObject({ id: shortText }), batchSummarySchema),
  'batches.retryFailed': channel(z.strictObject({ id: shortText }), batchSummarySchema),
  'batches.delete': channel(z.strictObject({ id: shortText }), z.object({})),
  'batches.reportCsv': channel(z.strictObject({ id: shortText }), z.object({ filename: z.string(), csv: longText })),
  /** Progress of every batch that is queued, running or paused: what the global indicator shows on start. */
  'batches.activeProgress': channel(noInput, z.array(progressSchema)),
};

export const batchesEvents = {
  'batches.progress': progressSchema,
};
