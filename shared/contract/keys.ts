import { z } from 'zod';
import { channel, environmentId, isoDateTime, longText, noInput, shortText } from './define';

export const publicJwkSchema = z.object({
  kty: z.literal('RSA'),
  n: z.string(),
  e: z.string(),
  kid: z.string(),
  alg: z.string(),
  use: z.string(),
});

/** What the renderer may know about a key: never the private part. */
export const keyInfoSchema = z.object({
  kid: z.string(),
  environment: environmentId,
  createdAt: isoDateTime,
  expiresAt: isoDateTime,
  active: z.boolean(),
  signing: z.boolean(),
  publicJwk: publicJwkSchema,
});
export type KeyInfo = z.infer<typeof keyInfoSchema>;

export const keysChannels = {
  'keys.list': channel(noInput, z.array(keyInfoSchema)),
  'keys.generate': channel(z.strictObject({ kid: shortText.optional() }), keyInfoSchema),
  'keys.import': channel(z.strictObject({ kid: shortText.optional(), material: longText }), keyInfoSchema),
  'keys.setActive': channel(z.strictObject({ kid: shortText, active: z.boolean() }), keyInfoSchema),
  'keys.remove': channel(z.strictObject({ kid: shortText }), z.object({})),
};
