import { z } from 'zod';
import { channel, environmentId, isoDateTime, longText, noInput, shortText } from './define';

/** Strict: a handler that let a private member (`d`, `p`, `q` …) through fails the output check loudly. */
export const publicJwkSchema = z.strictObject({
  kty: z.literal('RSA'),
  n: z.string(),
  e: z.string(),
  kid: z.string(),
  alg: z.string(),
  use: z.string(),
});
export type PublicJwkInfo = z.infer<typeof publicJwkSchema>;

/** pending: waits to be uploaded to Maskinporten; active: may sign grants; retired: kept, never used. */
export const keyStatus = z.enum(['pending', 'active', 'retired']);
export type KeyStatusName = z.infer<typeof keyStatus>;

/** What the renderer may know about a key: never the private part. */
export const keyInfoSchema = z.object({
  kid: z.string(),
  environment: environmentId,
  createdAt: isoDateTime,
  /** Maskinporten expires an uploaded key one year after upload. */
  expiresAt: isoDateTime,
  status: keyStatus,
  /** The key grants are signed with right now (the newest active, unexpired key). */
  signing: z.boolean(),
  publicJwk: publicJwkSchema,
});
export type KeyInfo = z.infer<typeof keyInfoSchema>;

export const keysChannels = {
  /** The keys of the environment Klientdesk is connected to. */
  'keys.list': channel(noInput, z.array(keyInfoSchema)),
  /** The first key of an environment becomes active; later keys wait as pending until activated (rotation). */
  'keys.generate': channel(z.strictObject({ kid: shortText.optional() }), keyInfoSchema),
  /** A private key as PEM (PKCS#8 or PKCS#1) or as a JWK with `d`; the same activation rule as generate. */
  'keys.import': channel(z.strictObject({ kid: shortText.optional(), material: longText }), keyInfoSchema),
  /** true: may sign; false: retired (left out of the JWKS to upload). */
  'keys.setActive': channel(z.strictObject({ kid: shortText, active: z.boolean() }), keyInfoSchema),
  'keys.remove': channel(z.strictObject({ kid: shortText }), z.object({})),
};
