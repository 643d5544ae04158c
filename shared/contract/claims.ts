import { z } from 'zod';
import { channel, orgNumber, uuid } from './define';

export const claimSchema = z.object({
  claimId: z.string(),
  type: z.string(),
  group: z.string(),
  description: z.string(),
  period: z.string(),
  dueDate: z.string().nullable(),
  originalAmount: z.number(),
  remainingAmount: z.number(),
  kid: z.string().nullable(),
  overdue: z.boolean(),
  deferred: z.boolean(),
});
export type Claim = z.infer<typeof claimSchema>;

export const clientClaimsSchema = z.object({
  orgNumber: z.string(),
  name: z.string().nullable(),
  outcome: z.enum(['ok', 'none', 'not_delegated', 'withheld', 'error']),
  claims: z.array(claimSchema),
  totals: z
    .object({ overdue: z.number(), notDue: z.number(), interest: z.number(), unplacedPayments: z.number(), balance: z.number() })
    .nullable(),
  error: z.object({ code: z.string(), message: z.string(), correlationId: z.string().nullable() }).nullable(),
});
export type ClientClaims = z.infer<typeof clientClaimsSchema>;

export const claimsChannels = {
  'claims.fetchOpen': channel(
    z.strictObject({ orgNumbers: z.array(orgNumber).min(1).max(5000), systemUserId: uuid.optional() }),
    z.array(clientClaimsSchema),
  ),
};
