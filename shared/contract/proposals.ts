// Proposals after each sync: draft batches for new clients (routed by the firm's rules) and removals for
// clients that have left, for a person to review and submit.
import { z } from 'zod';
import { batchSummarySchema } from './batches';
import { channel, noInput } from './define';

export const proposalSchema = z.object({
  kind: z.enum(['new_clients', 'departed_clients']),
  relationship: z.enum(['REGN', 'REVI', 'FFØR']).nullable(),
  syncedAt: z.string(),
  /** The rule let it go without review; it was submitted when it was made. */
  submittedUnattended: z.boolean(),
  batch: batchSummarySchema,
});
export type Proposal = z.infer<typeof proposalSchema>;

export const proposalsChannels = {
  /** The proposals of the current environment whose batch still exists, newest first. */
  'proposals.list': channel(noInput, z.array(proposalSchema)),
};
