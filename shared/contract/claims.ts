import { z } from 'zod';
import { channel, isoDate, orgNumber, uuid } from './define';

/** One open instalment (kravforfall) of a claim: the table shows one row per instalment still to be paid. */
export const claimSchema = z.object({
  claimId: z.string(),
  instalmentId: z.string(),
  /** kravtype, e.g. RESTSKATT, Mva-melding. */
  type: z.string(),
  /** kravgruppe, e.g. Skatt, Merverdiavgift. */
  group: z.string(),
  description: z.string(),
  period: z.string(),
  dueDate: isoDate.nullable(),
  /** The instalment's original amount (the claim's, when Skatteetaten lists no instalments). */
  originalAmount: z.number(),
  remainingAmount: z.number(),
  kid: z.string().nullable(),
  /** Due before the reference date (`asOf`) and not paid. */
  overdue: z.boolean(),
  /** utsattIverksettelse: enforcement of the claim is deferred. */
  deferred: z.boolean(),
});
export type Claim = z.infer<typeof claimSchema>;

export const claimTotalsSchema = z.object({
  overdue: z.number(),
  notDue: z.number(),
  interest: z.number(),
  unplacedPayments: z.number(),
  balance: z.number(),
});

/**
 * ok: open claims listed; none: nothing open; not_delegated: the agent system user may not act for the client
 * (403 DAS-008); withheld: Skatteetaten shields the data (skjermet), no amounts; error: anything else.
 */
export const claimsOutcome = z.enum(['ok', 'none', 'not_delegated', 'withheld', 'error']);

export const claimsErrorSchema = z.object({ code: z.string(), message: z.string(), correlationId: z.string().nullable() });

export const clientClaimsSchema = z.object({
  orgNumber: z.string(),
  name: z.string().nullable(),
  outcome: claimsOutcome,
  claims: z.array(claimSchema),
  /** Skatteetaten's own totals (totalOversikt); null when withheld or failed. */
  totals: claimTotalsSchema.nullable(),
  error: claimsErrorSchema.nullable(),
});
export type ClientClaims = z.infer<typeof clientClaimsSchema>;

export const openClaimsResultSchema = z.object({
  /** The date "overdue" is measured against: today, or the demo world's clock in the Demo environment. */
  asOf: isoDate,
  clients: z.array(clientClaimsSchema),
});
export type OpenClaimsResult = z.infer<typeof openClaimsResultSchema>;

/** The renderer asks in chunks of at most this many, so it can show progress and stop between chunks. */
export const MAX_ORGS_PER_CLAIMS_CALL = 5000;

export const claimsChannels = {
  'claims.fetchOpen': channel(
    z.strictObject({
      orgNumbers: z.array(orgNumber).min(1).max(MAX_ORGS_PER_CLAIMS_CALL),
      /** Another agent system user of the firm than the configured one; resolved to its externalRef. */
      systemUserId: uuid.optional(),
    }),
    openClaimsResultSchema,
  ),
};
