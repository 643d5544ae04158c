// Unattended runs as the firm's client-administration system user (altinn.md §8.3): whether it works now.
import { z } from 'zod';
import { channel, noInput } from './define';

export const unattendedCheckSchema = z.object({
  /** The system user Maskinporten found for the firm and externalRef; null if its token did not name one. */
  systemUserId: z.string().nullable(),
  firmOrgNumber: z.string(),
  externalRef: z.string(),
  /** How many agent system users it can administer clients for (the firm's). */
  agentSystemUsers: z.number().int().min(0),
});
export type UnattendedCheck = z.infer<typeof unattendedCheckSchema>;

export const unattendedChannels = {
  /** Signs a grant with the vault's key, gets the system user's token and lists the firm's agents with it. */
  'unattended.check': channel(noInput, unattendedCheckSchema),
};
