// The key file on disk: its format, the schema an entry must pass, sealing and the passphrase check, and an
// atomic write. Entries that fail the schema are kept as read, so nothing the person had is lost by an update.
import { createHash, createPublicKey, randomBytes, type KeyObject } from 'node:crypto';
import { statSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { importPKCS8, type CryptoKey } from 'jose';
import { z } from 'zod';
import { KID_PATTERN } from '../../../shared/contract/keys';
import { AppError } from '../../../shared/errors';
import { systemClock, type Clock } from '../http/clock';
import type { KeyInfo, KeyStatus } from './key-types';
import { WRONG_PASSPHRASE, type NamedProtector, type ProtectionKind } from './protector';

export interface StoredKey extends KeyInfo {
  /** base64 of the Protector-sealed PKCS#8 DER. */
  sealedPrivateKey: string;
}

export interface KeyFile {
  format: 'klientdesk-keys';
  version: 1;
  protection: ProtectionKind;
  /** Passphrase files only: a known text sealed with the passphrase, so a wrong one is told apart at once. */
  passphraseCheck?: string;
  /** Entries as read; the ones that fail the schema stay here untouched until the person removes them. */
  keys: unknown[];
}

export const storedKeySchema = z.object({
  kid: z.string().regex(KID_PATTERN),
  environment: z.string().min(1).max(40),
  createdAt: z.string().max(40),
  expiresAt: z.string().max(40),
  status: z.enum(['pending', 'active', 'retired']),
  publicJwk: z.object({
    kty: z.literal('RSA'),
    n: z.string().min(1),
    e: z.string().min(1),
    kid: z.string(),
    alg: z.literal('RS256'),
    use: z.literal('sig'),
  }),
  sealedPrivateKey: z.string().min(1),
});

/** An entry of the key file that cannot be used: it is reported, kept as it is, and removed only on request. */
export interface BadEntry {
  id: string;
  label: string;
  reason: string;
  raw: unknown;
}

export const PASSPHRASE_CHECK = Buffer.from('klientdesk key vault passphrase check');

export function publicInfo(k: StoredKey): KeyInfo {
  return {
    kid: k.kid,
    environment: k.environment,
    createdAt: k.createdAt,
    expiresAt: k.expiresAt,
    status: k.status,
    publicJwk: { ...k.publicJwk },
  };
}

export async function toSigningHandle(key: KeyObject): Promise<CryptoKey> {
  const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
  return importPKCS8(pem, 'RS256', { extractable: false });
}

// A protector that returns its input (a misconfigured or fake key store) must not make us write plaintext.
export function sealWith(protector: NamedProtector, plain: Buffer): Buffer {
  const sealed = protector.encrypt(plain);
  if (sealed.length === 0 || sealed.includes(plain.subarray(0, 64)) || sealed.includes(Buffer.from('PRIVATE KEY'))) {
    throw new AppError('KEY_VAULT_NO_PROTECTION', 'The key store returned unencrypted data; the key was not saved.');
  }
  return sealed;
}

export function assertCheck(protector: NamedProtector, check: string): void {
  let opened: Buffer;
  try {
    opened = protector.decrypt(Buffer.from(check, 'base64'));
  } catch {
    throw new AppError(WRONG_PASSPHRASE, 'The passphrase is wrong, or the key file has been altered.');
  }
  if (!opened.equals(PASSPHRASE_CHECK)) throw new AppError(WRONG_PASSPHRASE, 'The passphrase is wrong, or the key file has been altered.');
}

export function badEntry(raw: unknown, reason: string): BadEntry {
  const id = createHash('sha256')
    .update(JSON.stringify(raw) ?? 'undefined')
    .digest('hex')
    .slice(0, 16);
  const kid = raw !== null && typeof raw === 'object' ? (raw as { kid?: unknown }).kid : undefined;
  // Shown on screen: only the safe characters of whatever the entry calls itself.
  const printable = typeof kid === 'string' ? kid.replace(/[^A-Za-z0-9._:-]/g, '?').slice(0, 64) : '';
  return { id, label: printable === '' ? '(no key id)' : printable, reason, raw };
}

export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'entry';
  return `The entry is not a usable key (${field}: ${issue?.message ?? 'invalid'}).`.slice(0, 300);
}

export async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

export function existsSyncSafe(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

export async function readKeyFile(path: string): Promise<KeyFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let parsed: Partial<KeyFile>;
  try {
    parsed = JSON.parse(text) as Partial<KeyFile>;
  } catch {
    throw new AppError('KEY_VAULT_CORRUPT', 'The key file is not valid JSON; it may have been edited by hand.');
  }
  if (
    parsed === null ||
    typeof parsed !== 'object' ||
    parsed.format !== 'klientdesk-keys' ||
    parsed.version !== 1 ||
    !Array.isArray(parsed.keys)
  ) {
    throw new AppError('KEY_VAULT_CORRUPT', 'The key file is not a Klientdesk key file.');
  }
  return parsed as KeyFile;
}

/** Write-then-rename so a crash never leaves half a key file behind. */
export async function writeKeyFile(path: string, file: KeyFile): Promise<void> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const tmp = `${path}.${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(tmp, JSON.stringify(file, null, 2), { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, path);
}

export const MIN_RSA_BITS = 2048;
const KEY_LIFETIME_MS = 365 * 24 * 3600 * 1000;

export function assertUsableRsaKey(privateKey: KeyObject): void {
  if (privateKey.asymmetricKeyType !== 'rsa' || (privateKey.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) {
    throw new AppError('KEY_IMPORT_FAILED', `Maskinporten needs an RSA key of at least ${MIN_RSA_BITS} bits.`, undefined, {
      reason: 'tooSmall',
      bits: MIN_RSA_BITS,
    });
  }
}

/** The entry a new key is kept as: its private key sealed (and the clear DER wiped), its public JWK beside it. */
export function sealNewKey(
  privateKey: KeyObject,
  protector: NamedProtector,
  entry: { kid: string; environment: string; status: KeyStatus; now: number },
): StoredKey {
  const der = privateKey.export({ format: 'der', type: 'pkcs8' });
  const sealed = sealWith(protector, der);
  der.fill(0);
  const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
  return {
    kid: entry.kid,
    environment: entry.environment,
    createdAt: new Date(entry.now).toISOString(),
    expiresAt: new Date(entry.now + KEY_LIFETIME_MS).toISOString(),
    status: entry.status,
    publicJwk: { kty: 'RSA', n: jwk.n!, e: jwk.e!, kid: entry.kid, alg: 'RS256', use: 'sig' },
    sealedPrivateKey: sealed.toString('base64'),
  };
}

/** A namespaced kid: it must be unique across all Maskinporten customers. */
export function newKid(environment: string, clock: Clock = systemClock): string {
  const day = new Date(clock.now()).toISOString().slice(0, 10).replaceAll('-', '');
  return `klientdesk-${environment}-${day}-${randomBytes(4).toString('hex')}`;
}

/** The passphrase check and every key as sealed, for a protector to prepare before it opens them. */
export function sealedBlobs(check: string | undefined, keys: readonly StoredKey[]): Buffer[] {
  return [...(check === undefined ? [] : [check]), ...keys.map((k) => k.sealedPrivateKey)].map((b) => Buffer.from(b, 'base64'));
}

export function sealedPassphraseCheck(protector: NamedProtector): string {
  return sealWith(protector, PASSPHRASE_CHECK).toString('base64');
}

/** The file's entries split into usable keys and bad ones; a repeated kid or a JWK of another kid is bad. */
export function sortEntries(raws: readonly unknown[]): { usable: StoredKey[]; bad: BadEntry[] } {
  const usable: StoredKey[] = [];
  const bad: BadEntry[] = [];
  for (const raw of raws) {
    const parsed = storedKeySchema.safeParse(raw);
    if (parsed.success && parsed.data.publicJwk.kid === parsed.data.kid && !usable.some((k) => k.kid === parsed.data.kid)) {
      usable.push(parsed.data as StoredKey);
    } else {
      bad.push(
        badEntry(raw, parsed.success ? 'Its key id is missing, repeated or does not match its public key.' : describeIssue(parsed.error)),
      );
    }
  }
  return { usable, bad };
}
