// The Maskinporten signing keys (maskinporten.md §7.3). Private keys are sealed with a Protector before
// they touch the disk, live in memory only as non-extractable CryptoKeys, and leave this module only as
// the key handle the grant builder signs with. Nothing here serialises a private key in the clear.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { statSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { importPKCS8, type CryptoKey, type JWK } from 'jose';
import { z } from 'zod';
import { KID_PATTERN, type VaultState } from '../../../shared/contract/keys';
import { AppError } from '../../../shared/errors';
import { systemClock, type Clock } from '../http/clock';
import type { GrantSigningKey } from '../../services/maskinporten/grant';
import {
  DEFAULT_SCRYPT,
  MIN_PASSPHRASE_LENGTH,
  passphraseProtector,
  WRONG_PASSPHRASE,
  type KeyProtection,
  type NamedProtector,
  type ProtectionKind,
  type ScryptParams,
} from './protector';

/** pending: generated but not yet uploaded to Maskinporten; active: may sign; retired: kept for the record. */
export type KeyStatus = 'pending' | 'active' | 'retired';

export interface PublicJwk {
  kty: 'RSA';
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

export interface KeyInfo {
  kid: string;
  environment: string;
  createdAt: string;
  /** Maskinporten lets a registered key live one year. */
  expiresAt: string;
  status: KeyStatus;
  publicJwk: PublicJwk;
}

export interface NewKeyOptions {
  environment: string;
  kid?: string;
  /** Default `active`. Rotation adds the new key as `pending`, uploads both, then activates it. */
  status?: KeyStatus;
  /** Runs before the key is kept (e.g. registering it with the demo world); if it throws, nothing is saved. */
  beforeSave?: (info: KeyInfo) => Promise<void>;
}

interface StoredKey extends KeyInfo {
  /** base64 of the Protector-sealed PKCS#8 DER. */
  sealedPrivateKey: string;
}

interface KeyFile {
  format: 'klientdesk-keys';
  version: 1;
  protection: ProtectionKind;
  /** Passphrase files only: a known text sealed with the passphrase, so a wrong one is told apart at once. */
  passphraseCheck?: string;
  /** Entries as read; the ones that fail the schema stay here untouched until the person removes them. */
  keys: unknown[];
}

const storedKeySchema = z.object({
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
interface BadEntry {
  id: string;
  label: string;
  reason: string;
  raw: unknown;
}

const PASSPHRASE_CHECK = Buffer.from('klientdesk key vault passphrase check');

export const MIN_RSA_BITS = 2048;
/** Maskinporten accepts at most five JWKs per client. */
export const MAX_KEYS_PER_ENVIRONMENT = 5;
const KEY_LIFETIME_MS = 365 * 24 * 3600 * 1000;

export interface KeyVaultOptions {
  file: string;
  /** A protector opens the vault at once; a typed passphrase leaves it locked until it is set or typed. */
  protector: KeyProtection;
  clock?: Clock;
}

export class KeyVault {
  readonly #file: string;
  readonly #clock: Clock;
  readonly #kind: ProtectionKind;
  readonly #typed: { scrypt: ScryptParams; legacyPassphraseFile?: string } | null;
  #protector: NamedProtector | null = null;
  #passphraseCheck: string | undefined;
  #keys: StoredKey[] = [];
  #bad: BadEntry[] = [];
  readonly #privateKeys = new Map<string, CryptoKey>();

  private constructor(options: KeyVaultOptions, file: KeyFile | undefined) {
    this.#file = options.file;
    this.#clock = options.clock ?? systemClock;
    const protection = options.protector;
    this.#kind = protection.kind === 'typed-passphrase' ? 'passphrase' : protection.kind;
    this.#typed =
      protection.kind === 'typed-passphrase'
        ? { scrypt: protection.scrypt ?? DEFAULT_SCRYPT, legacyPassphraseFile: protection.legacyPassphraseFile }
        : null;
    this.#passphraseCheck = file?.passphraseCheck;
    for (const raw of file?.keys ?? []) {
      const parsed = storedKeySchema.safeParse(raw);
      if (parsed.success && parsed.data.publicJwk.kid === parsed.data.kid && !this.#keys.some((k) => k.kid === parsed.data.kid)) {
        this.#keys.push(parsed.data as StoredKey);
      } else {
        this.#bad.push(
          badEntry(raw, parsed.success ? 'Its key id is missing, repeated or does not match its public key.' : describeIssue(parsed.error)),
        );
      }
    }
  }

  /**
   * Opens (or starts) the key file. With a protector every key is unsealed here, so a wrong passphrase fails
   * once, at open. With a typed passphrase the vault opens locked (public parts only) unless one was given.
   * An entry that cannot be read or unsealed is set aside as a bad entry instead of failing every call.
   */
  static async open(options: KeyVaultOptions): Promise<KeyVault> {
    const protection = options.protector;
    if (protection.kind !== 'typed-passphrase' && !protection.isAvailable()) {
      throw new AppError('KEY_VAULT_NO_PROTECTION', 'No way to encrypt the key file is available; keys are never stored unencrypted.');
    }
    const file = await readKeyFile(options.file);
    const kind = protection.kind === 'typed-passphrase' ? 'passphrase' : protection.kind;
    if (file && file.protection !== kind) {
      throw new AppError(
        'KEY_VAULT_WRONG_PROTECTION',
        file.protection === 'os'
          ? "The key file is sealed with this computer's key store, which is not available here."
          : 'The key file is sealed with a passphrase; open it with the passphrase.',
        undefined,
        { reason: file.protection === 'os' ? 'os' : 'passphrase' },
      );
    }
    const vault = new KeyVault(options, file);
    if (protection.kind !== 'typed-passphrase') {
      await vault.#openWith(protection);
    } else if (protection.given !== undefined) {
      if (vault.#stateName() === 'unset') await vault.setPassphrase(protection.given);
      else await vault.unlock(protection.given);
    }
    return vault;
  }

  /** The lock state the renderer shows (see the contract's vaultStateSchema). */
  state(): VaultState {
    return {
      protection: this.#kind,
      state: this.#stateName(),
      legacyKeys: this.#legacyKeyCount(),
      minPassphraseLength: MIN_PASSPHRASE_LENGTH,
      badEntries: this.#bad.map(({ id, label, reason }) => ({ id, label, reason })),
    };
  }

  get isUnlocked(): boolean {
    return this.#protector !== null;
  }

  /**
   * The first time only: chooses the passphrase. Keys sealed the old way (with the random passphrase kept
   * beside them) are resealed under it, and the old passphrase file is deleted once the new file is written.
   */
  async setPassphrase(passphrase: string): Promise<VaultState> {
    if (!this.#typed)
      throw new AppError('KEY_VAULT_NO_PASSPHRASE', "The keys are protected by this computer's key store; there is no passphrase to set.");
    if (this.#stateName() !== 'unset')
      throw new AppError('KEY_VAULT_PASSPHRASE_SET', 'A passphrase is already chosen; type it to open the keys.');
    const next = passphraseProtector(passphrase, this.#typed.scrypt, MIN_PASSPHRASE_LENGTH);
    const legacyFile = this.#typed.legacyPassphraseFile;
    const legacyPassphrase = legacyFile ? await readOptional(legacyFile) : undefined;
    if (this.#keys.length > 0) {
      if (legacyPassphrase === undefined)
        throw new AppError('KEY_VAULT_PASSPHRASE_SET', 'The keys are already sealed with a passphrase; type it to open them.');
      const legacy = passphraseProtector(legacyPassphrase.trim(), DEFAULT_SCRYPT, 1);
      const resealed: StoredKey[] = [];
      for (const key of this.#keys) {
        let der: Buffer;
        try {
          der = legacy.decrypt(Buffer.from(key.sealedPrivateKey, 'base64'));
        } catch {
          this.#bad.push(badEntry(key, 'The private key cannot be unsealed with the old passphrase file.'));
          continue;
        }
        resealed.push({ ...key, sealedPrivateKey: sealWith(next, der).toString('base64') });
        der.fill(0);
      }
      this.#keys = resealed;
    }
    this.#passphraseCheck = sealWith(next, PASSPHRASE_CHECK).toString('base64');
    await this.#openWith(next);
    await this.save();
    if (legacyFile && legacyPassphrase !== undefined) await unlink(legacyFile);
    return this.state();
  }

  /** Once per launch: opens the keys with the passphrase chosen earlier. */
  async unlock(passphrase: string): Promise<VaultState> {
    if (!this.#typed)
      throw new AppError('KEY_VAULT_NO_PASSPHRASE', "The keys are protected by this computer's key store; there is no passphrase to type.");
    const state = this.#stateName();
    if (state === 'unlocked') return this.state();
    if (state === 'unset') throw new AppError('KEY_VAULT_PASSPHRASE_UNSET', 'No passphrase is chosen yet; choose one first.');
    const candidate = passphraseProtector(passphrase, this.#typed.scrypt, 1);
    if (this.#passphraseCheck !== undefined) {
      assertCheck(candidate, this.#passphraseCheck);
    } else {
      // Written before the check existed: the passphrase is right when it opens at least one key.
      const opens = this.#keys.some((k) => {
        try {
          candidate.decrypt(Buffer.from(k.sealedPrivateKey, 'base64')).fill(0);
          return true;
        } catch {
          return false;
        }
      });
      if (!opens) throw new AppError(WRONG_PASSPHRASE, 'The passphrase is wrong, or the key file has been altered.');
      this.#passphraseCheck = sealWith(candidate, PASSPHRASE_CHECK).toString('base64');
    }
    await this.#openWith(candidate);
    await this.save();
    return this.state();
  }

  /** Removes an entry reported as bad; the good keys stay as they are. */
  async removeBadEntry(id: string): Promise<VaultState> {
    const before = this.#bad.length;
    this.#bad = this.#bad.filter((b) => b.id !== id);
    if (this.#bad.length === before) throw new AppError('KEY_NOT_FOUND', 'That entry is no longer in the key file.');
    await this.save();
    return this.state();
  }

  async #openWith(protector: NamedProtector): Promise<void> {
    if (this.#passphraseCheck !== undefined && protector.kind === 'passphrase') assertCheck(protector, this.#passphraseCheck);
    let opened = 0;
    const usable: StoredKey[] = [];
    let firstFailure: unknown;
    for (const key of this.#keys) {
      try {
        const der = protector.decrypt(Buffer.from(key.sealedPrivateKey, 'base64'));
        this.#privateKeys.set(key.kid, await toSigningHandle(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })));
        der.fill(0);
        usable.push(key);
        opened++;
      } catch (error) {
        firstFailure ??= error;
        this.#bad.push(badEntry(key, 'The private key cannot be unsealed here (it was sealed on another computer or has been altered).'));
      }
    }
    // With no check to go by, a passphrase that opens none of several keys is wrong, not every key bad.
    if (protector.kind === 'passphrase' && this.#passphraseCheck === undefined && opened === 0 && this.#keys.length > 0) {
      this.#bad = this.#bad.filter((b) => !this.#keys.includes(b.raw as StoredKey));
      throw firstFailure instanceof AppError
        ? firstFailure
        : new AppError(WRONG_PASSPHRASE, 'The passphrase is wrong, or the key file has been altered.');
    }
    this.#keys = usable;
    this.#protector = protector;
    if (protector.kind === 'passphrase' && this.#passphraseCheck === undefined) {
      this.#passphraseCheck = sealWith(protector, PASSPHRASE_CHECK).toString('base64');
    }
  }

  #stateName(): VaultState['state'] {
    if (this.#protector) return 'unlocked';
    if (this.#passphraseCheck !== undefined) return 'locked';
    return this.#keys.length === 0 || this.#legacyKeyCount() > 0 ? 'unset' : 'locked';
  }

  /** Keys still sealed with the old random passphrase file; they are resealed when the passphrase is set. */
  #legacyKeyCount(): number {
    if (!this.#typed?.legacyPassphraseFile || this.#passphraseCheck !== undefined || this.#protector) return 0;
    return existsSyncSafe(this.#typed.legacyPassphraseFile) ? this.#keys.length : 0;
  }

  #unlocked(): NamedProtector {
    if (!this.#protector) {
      throw new AppError(
        'KEY_VAULT_LOCKED',
        this.#stateName() === 'unset'
          ? 'Choose a passphrase for the keys first.'
          : 'The keys are locked. Type the passphrase to open them for this session.',
      );
    }
    return this.#protector;
  }

  list(environment?: string): KeyInfo[] {
    return this.#keys.filter((k) => environment === undefined || k.environment === environment).map(publicInfo);
  }

  async generate(options: NewKeyOptions): Promise<KeyInfo> {
    this.#unlocked();
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: MIN_RSA_BITS, publicExponent: 0x10001 });
    return this.add(privateKey, options);
  }

  /** A PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`); PKCS#1 RSA PEM is accepted too. */
  async importPem(pem: string, options: NewKeyOptions): Promise<KeyInfo> {
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: pem, format: 'pem' });
    } catch {
      throw new AppError('KEY_IMPORT_FAILED', 'The text is not an unencrypted RSA private key in PEM (PKCS#8) form.', undefined, {
        reason: 'pem',
      });
    }
    return this.add(key, options);
  }

  /** A private RSA JWK (with `d`); its `kid` is used unless `options.kid` overrides it. */
  async importJwk(jwk: JWK, options: NewKeyOptions): Promise<KeyInfo> {
    if (jwk.kty !== 'RSA' || typeof jwk.d !== 'string') {
      throw new AppError('KEY_IMPORT_FAILED', 'The JWK is not a private RSA key (kty "RSA" with "d").', undefined, { reason: 'jwkNotRsa' });
    }
    let key: KeyObject;
    try {
      key = createPrivateKey({ key: { ...jwk }, format: 'jwk' });
    } catch {
      throw new AppError('KEY_IMPORT_FAILED', 'The JWK could not be read as an RSA private key.', undefined, { reason: 'jwkUnreadable' });
    }
    return this.add(key, { ...options, kid: options.kid ?? jwk.kid });
  }

  publicJwk(kid: string): PublicJwk {
    return { ...this.find(kid).publicJwk };
  }

  /** The JWKS to upload to Maskinporten: every pending and active key of the environment. */
  publicJwks(environment: string): { keys: PublicJwk[] } {
    return { keys: this.#keys.filter((k) => k.environment === environment && k.status !== 'retired').map((k) => ({ ...k.publicJwk })) };
  }

  /** The newest active, unexpired key: during rotation the new key signs while the old one stays valid. */
  signingKey(environment: string): GrantSigningKey {
    // Locked first: a vault that cannot sign yet says so, even before its first key exists.
    this.#unlocked();
    const now = this.#clock.now();
    const candidates = this.#keys
      .filter((k) => k.environment === environment && k.status === 'active' && Date.parse(k.expiresAt) > now)
      .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.kid.localeCompare(a.kid));
    const chosen = candidates[0];
    if (!chosen) {
      throw new AppError('NO_SIGNING_KEY', `There is no active, unexpired signing key for the ${environment} environment.`, undefined, {
        environment,
      });
    }
    return { kid: chosen.kid, key: this.#privateKeys.get(chosen.kid)! };
  }

  async setStatus(kid: string, status: KeyStatus): Promise<KeyInfo> {
    const key = this.find(kid);
    key.status = status;
    await this.save();
    return publicInfo(key);
  }

  async remove(kid: string): Promise<void> {
    this.find(kid);
    this.#keys = this.#keys.filter((k) => k.kid !== kid);
    this.#privateKeys.delete(kid);
    await this.save();
  }

  // Keep the private handles out of util.inspect/console.log output.
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `KeyVault(${this.#keys.length} keys)`;
  }

  toJSON(): { keys: KeyInfo[] } {
    return { keys: this.list() };
  }

  private find(kid: string): StoredKey {
    const key = this.#keys.find((k) => k.kid === kid);
    if (!key) throw new AppError('KEY_NOT_FOUND', `No key with kid "${kid}".`, undefined, { kid });
    return key;
  }

  private async add(privateKey: KeyObject, options: NewKeyOptions): Promise<KeyInfo> {
    const protector = this.#unlocked();
    if (options.kid !== undefined && !KID_PATTERN.test(options.kid)) {
      throw new AppError('BAD_INPUT', 'A key id has 1–64 characters: letters A–Z and a–z, digits, dot, underscore, colon or hyphen.');
    }
    if (privateKey.asymmetricKeyType !== 'rsa' || (privateKey.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) {
      throw new AppError('KEY_IMPORT_FAILED', `Maskinporten needs an RSA key of at least ${MIN_RSA_BITS} bits.`, undefined, {
        reason: 'tooSmall',
        bits: MIN_RSA_BITS,
      });
    }
    const kid = options.kid ?? newKid(options.environment, this.#clock);
    if (this.#keys.some((k) => k.kid === kid))
      throw new AppError('KEY_EXISTS', `A key with kid "${kid}" already exists.`, undefined, { kid });
    const live = this.#keys.filter((k) => k.environment === options.environment && k.status !== 'retired');
    if (live.length >= MAX_KEYS_PER_ENVIRONMENT) {
      throw new AppError('TOO_MANY_KEYS', `Maskinporten accepts at most ${MAX_KEYS_PER_ENVIRONMENT} keys; retire one first.`, undefined, {
        max: MAX_KEYS_PER_ENVIRONMENT,
      });
    }
    const der = privateKey.export({ format: 'der', type: 'pkcs8' });
    const sealed = sealWith(protector, der);
    der.fill(0);
    const jwk = createPublicKey(privateKey).export({ format: 'jwk' });
    const now = this.#clock.now();
    const stored: StoredKey = {
      kid,
      environment: options.environment,
      createdAt: new Date(now).toISOString(),
      expiresAt: new Date(now + KEY_LIFETIME_MS).toISOString(),
      status: options.status ?? 'active',
      publicJwk: { kty: 'RSA', n: jwk.n!, e: jwk.e!, kid, alg: 'RS256', use: 'sig' },
      sealedPrivateKey: sealed.toString('base64'),
    };
    const handle = await toSigningHandle(privateKey);
    // Registration (the demo world's upload) happens before anything is kept: if it fails, nothing is saved.
    await options.beforeSave?.(publicInfo(stored));
    this.#keys.push(stored);
    try {
      await this.save();
    } catch (error) {
      this.#keys = this.#keys.filter((k) => k !== stored);
      throw error;
    }
    this.#privateKeys.set(kid, handle);
    return publicInfo(stored);
  }

  private async save(): Promise<void> {
    const file: KeyFile = {
      format: 'klientdesk-keys',
      version: 1,
      protection: this.#kind,
      ...(this.#passphraseCheck !== undefined ? { passphraseCheck: this.#passphraseCheck } : {}),
      keys: [...this.#keys, ...this.#bad.map((b) => b.raw)],
    };
    await mkdir(dirname(this.#file), { recursive: true, mode: 0o700 });
    // Write-then-rename so a crash never leaves half a key file behind.
    const tmp = `${this.#file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify(file, null, 2), { mode: 0o600 });
    await chmod(tmp, 0o600);
    await rename(tmp, this.#file);
  }
}

function publicInfo(k: StoredKey): KeyInfo {
  return {
    kid: k.kid,
    environment: k.environment,
    createdAt: k.createdAt,
    expiresAt: k.expiresAt,
    status: k.status,
    publicJwk: { ...k.publicJwk },
  };
}

async function toSigningHandle(key: KeyObject): Promise<CryptoKey> {
  const pem = key.export({ format: 'pem', type: 'pkcs8' }).toString();
  return importPKCS8(pem, 'RS256', { extractable: false });
}

/** A namespaced kid: it must be unique across all Maskinporten customers. */
export function newKid(environment: string, clock: Clock = systemClock): string {
  const day = new Date(clock.now()).toISOString().slice(0, 10).replaceAll('-', '');
  return `klientdesk-${environment}-${day}-${randomBytes(4).toString('hex')}`;
}

// A protector that returns its input (a misconfigured or fake key store) must not make us write plaintext.
function sealWith(protector: NamedProtector, plain: Buffer): Buffer {
  const sealed = protector.encrypt(plain);
  if (sealed.length === 0 || sealed.includes(plain.subarray(0, 64)) || sealed.includes(Buffer.from('PRIVATE KEY'))) {
    throw new AppError('KEY_VAULT_NO_PROTECTION', 'The key store returned unencrypted data; the key was not saved.');
  }
  return sealed;
}

function assertCheck(protector: NamedProtector, check: string): void {
  let opened: Buffer;
  try {
    opened = protector.decrypt(Buffer.from(check, 'base64'));
  } catch {
    throw new AppError(WRONG_PASSPHRASE, 'The passphrase is wrong, or the key file has been altered.');
  }
  if (!opened.equals(PASSPHRASE_CHECK)) throw new AppError(WRONG_PASSPHRASE, 'The passphrase is wrong, or the key file has been altered.');
}

function badEntry(raw: unknown, reason: string): BadEntry {
  const id = createHash('sha256')
    .update(JSON.stringify(raw) ?? 'undefined')
    .digest('hex')
    .slice(0, 16);
  const kid = raw !== null && typeof raw === 'object' ? (raw as { kid?: unknown }).kid : undefined;
  // Shown on screen: only the safe characters of whatever the entry calls itself.
  const printable = typeof kid === 'string' ? kid.replace(/[^A-Za-z0-9._:-]/g, '?').slice(0, 64) : '';
  return { id, label: printable === '' ? '(no key id)' : printable, reason, raw };
}

function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  const field = issue?.path.join('.') || 'entry';
  return `The entry is not a usable key (${field}: ${issue?.message ?? 'invalid'}).`.slice(0, 300);
}

async function readOptional(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

function existsSyncSafe(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

async function readKeyFile(path: string): Promise<KeyFile | undefined> {
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
