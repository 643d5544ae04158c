import { z } from 'zod';
import { channel, environmentId, isoDateTime, longText, noInput } from './define';

/** Strict: a handler that let a private member (`d`, `p`, `q` …) through fails the output check loudly. */
export const publicJwkSchema = z.strictObject({
  kty: z.literal('RSA'),
  n: z.string(),
  e: z.string(),
  kid: z.string(),
  alg: z.string(),
  use: z.string(),
});

/** pending: waits to be uploaded to Maskinporten; active: may sign grants; retired: kept, never used. */
export const keyStatus = z.enum(['pending', 'active', 'retired']);

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

/**
 * A key id as Maskinporten and the JWKS carry it: 1–64 printable ASCII characters from a small, safe set, so
 * no NUL, right-to-left mark or markup can reach the key file, a log line or the screen.
 */
export const KID_PATTERN = /^[A-Za-z0-9._:-]{1,64}$/;
export const kidSchema = z
  .string()
  .regex(KID_PATTERN, 'a key id has 1–64 characters: letters A–Z and a–z, digits, dot, underscore, colon or hyphen');

/**
 * How the private keys are protected on this computer. `os`: the system key store, nothing to type.
 * `passphrase`: sealed with a passphrase the person chooses; `unset` until it is chosen, `locked` until it is
 * typed once in this launch. `legacyKeys` counts keys still sealed the old way (migrated when the passphrase
 * is set); `badEntries` are entries of the key file that cannot be used and may be removed.
 */
export const vaultStateSchema = z.object({
  protection: z.enum(['os', 'passphrase']),
  state: z.enum(['unset', 'locked', 'unlocked']),
  legacyKeys: z.number().int().min(0),
  minPassphraseLength: z.number().int().min(1),
  badEntries: z.array(z.object({ id: z.string().max(64), label: z.string().max(80), reason: z.string().max(300) })),
});
export type VaultState = z.infer<typeof vaultStateSchema>;

/** A passphrase as typed; its length rules are checked by the vault so the explanation comes from one place. */
const passphraseInput = z.string().min(1).max(1024);

export const keysChannels = {
  /** Whether a passphrase must be chosen or typed before keys can be made or used, and any unusable entries. */
  'keys.lockState': channel(noInput, vaultStateSchema),
  /** The first time only: chooses the passphrase, and reseals keys sealed the old way under it. */
  'keys.setPassphrase': channel(z.strictObject({ passphrase: passphraseInput }), vaultStateSchema),
  /** Once per launch: opens the keys with the passphrase chosen earlier. */
  'keys.unlock': channel(z.strictObject({ passphrase: passphraseInput }), vaultStateSchema),
  /** Removes an unusable entry of the key file (see `badEntries`). */
  'keys.removeBadEntry': channel(z.strictObject({ id: z.string().regex(/^[0-9a-f]{16}$/) }), vaultStateSchema),
  /** The keys of the environment Klientdesk is connected to. */
  'keys.list': channel(noInput, z.array(keyInfoSchema)),
  /** The first key of an environment becomes active; later keys wait as pending until activated (rotation). */
  'keys.generate': channel(z.strictObject({ kid: kidSchema.optional() }), keyInfoSchema),
  /** A private key as PEM (PKCS#8 or PKCS#1) or as a JWK with `d`; the same activation rule as generate. */
  'keys.import': channel(z.strictObject({ kid: kidSchema.optional(), material: longText }), keyInfoSchema),
  /** true: may sign; false: retired (left out of the JWKS to upload). */
  'keys.setActive': channel(z.strictObject({ kid: kidSchema, active: z.boolean() }), keyInfoSchema),
  'keys.remove': channel(z.strictObject({ kid: kidSchema }), z.object({})),
};
