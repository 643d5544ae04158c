// The Maskinporten signing keys (maskinporten.md §7.3). Private keys are sealed with a Protector before
// they touch the disk, live in memory only as non-extractable CryptoKeys, and leave this module only as
// the key handle the grant builder signs with. Nothing here serialises a private key in the clear.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, type KeyObject } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { importPKCS8, type CryptoKey, type JWK } from 'jose';
import { AppError } from '../../../shared/errors';
import { systemClock, type Clock } from '../http/clock';
import type { GrantSigningKey } from '../maskinporten/grant';
import type { NamedProtector, ProtectionKind } from './protector';

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
}

interface StoredKey extends KeyInfo {
  /** base64 of the Protector-sealed PKCS#8 DER. */
  sealedPrivateKey: string;
}

interface KeyFile {
  format: 'klientdesk-keys';
  version: 1;
  protection: ProtectionKind;
  keys: StoredKey[];
}

export const MIN_RSA_BITS = 2048;
/** Maskinporten accepts at most five JWKs per client. */
export const MAX_KEYS_PER_ENVIRONMENT = 5;
const KEY_LIFETIME_MS = 365 * 24 * 3600 * 1000;

export interface KeyVaultOptions {
  file: string;
  protector: NamedProtector;
  clock?: Clock;
}

export class KeyVault {
  readonly #file: string;
  readonly #protector: NamedProtector;
  readonly #clock: Clock;
  #keys: StoredKey[];
  readonly #privateKeys = new Map<string, CryptoKey>();

  private constructor(options: KeyVaultOptions, keys: StoredKey[]) {
    this.#file = options.file;
    this.#protector = options.protector;
    this.#clock = options.clock ?? systemClock;
    this.#keys = keys;
  }

  /** Opens (or starts) the key file and unseals every key, so a wrong passphrase fails here, once. */
  static async open(options: KeyVaultOptions): Promise<KeyVault> {
    if (!options.protector.isAvailable()) {
      throw new AppError('KEY_VAULT_NO_PROTECTION', 'No way to encrypt the key file is available; keys are never stored unencrypted.');
    }
    const file = await readKeyFile(options.file);
    if (file && file.protection !== options.protector.kind) {
      throw new AppError(
        'KEY_VAULT_WRONG_PROTECTION',
        file.protection === 'os'
          ? "The key file is sealed with this computer's key store, which is not available here."
          : 'The key file is sealed with a passphrase; open it with the passphrase.',
        undefined,
        { reason: file.protection === 'os' ? 'os' : 'passphrase' },
      );
    }
    const vault = new KeyVault(options, file?.keys ?? []);
    for (const key of vault.#keys) {
      const der = options.protector.decrypt(Buffer.from(key.sealedPrivateKey, 'base64'));
      vault.#privateKeys.set(key.kid, await toSigningHandle(createPrivateKey({ key: der, format: 'der', type: 'pkcs8' })));
      der.fill(0);
    }
    return vault;
  }

  list(environment?: string): KeyInfo[] {
    return this.#keys.filter((k) => environment === undefined || k.environment === environment).map(publicInfo);
  }

  async generate(options: NewKeyOptions): Promise<KeyInfo> {
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
    const sealed = this.#protector.encrypt(der);
    assertSealed(sealed, der);
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
    this.#privateKeys.set(kid, await toSigningHandle(privateKey));
    this.#keys.push(stored);
    await this.save();
    return publicInfo(stored);
  }

  private async save(): Promise<void> {
    const file: KeyFile = { format: 'klientdesk-keys', version: 1, protection: this.#protector.kind, keys: this.#keys };
    await mkdir(dirname(this.#file), { recursive: true });
    // Write-then-rename so a crash never leaves half a key file behind.
    const tmp = `${this.#file}.${randomBytes(4).toString('hex')}.tmp`;
    await writeFile(tmp, JSON.stringify(file, null, 2), { mode: 0o600 });
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
function assertSealed(sealed: Buffer, plain: Buffer): void {
  if (sealed.length === 0 || sealed.includes(plain.subarray(0, 64)) || sealed.includes(Buffer.from('PRIVATE KEY'))) {
    throw new AppError('KEY_VAULT_NO_PROTECTION', 'The key store returned unencrypted data; the key was not saved.');
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
  const parsed = JSON.parse(text) as Partial<KeyFile>;
  if (parsed.format !== 'klientdesk-keys' || parsed.version !== 1 || !Array.isArray(parsed.keys)) {
    throw new AppError('KEY_VAULT_CORRUPT', 'The key file is not a Klientdesk key file.');
  }
  return parsed as KeyFile;
}
