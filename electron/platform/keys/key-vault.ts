// The Maskinporten signing keys (maskinporten.md §7.3). Private keys are sealed with a Protector before
// they touch the disk, live in memory only as non-extractable CryptoKeys, and leave this module only as
// the key handle the grant builder signs with. Nothing here serialises a private key in the clear.
import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { unlink } from 'node:fs/promises';
import { type CryptoKey, type JWK } from 'jose';
import { KID_PATTERN, type VaultState } from '../../../shared/contract/keys';
import { AppError } from '../../../shared/errors';
import { systemClock, type Clock } from '../http/clock';
import {
  assertCheck,
  badEntry,
  existsSyncSafe,
  newKid,
  publicInfo,
  MIN_RSA_BITS,
  readKeyFile,
  sealNewKey,
  sealedBlobs,
  sealedPassphraseCheck,
  assertUsableRsaKey,
  readOptional,
  sealWith,
  sortEntries,
  toSigningHandle,
  writeKeyFile,
  type BadEntry,
  type KeyFile,
  type StoredKey,
} from './key-file';
import type { GrantSigningKey, KeyInfo, KeyStatus, NewKeyOptions, PublicJwk } from './key-types';
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

export type { KeyInfo, KeyStatus, NewKeyOptions, PublicJwk } from './key-types';

export { MIN_RSA_BITS, newKid } from './key-file';
/** Maskinporten accepts at most five JWKs per client. */
export const MAX_KEYS_PER_ENVIRONMENT = 5;

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
    const entries = sortEntries(file?.keys ?? []);
    this.#keys = entries.usable;
    this.#bad = entries.bad;
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
    await next.prepare?.([]);
    const legacyFile = this.#typed.legacyPassphraseFile;
    const legacyPassphrase = legacyFile ? await readOptional(legacyFile) : undefined;
    if (this.#keys.length > 0) {
      if (legacyPassphrase === undefined)
        throw new AppError('KEY_VAULT_PASSPHRASE_SET', 'The keys are already sealed with a passphrase; type it to open them.');
      const legacy = passphraseProtector(legacyPassphrase.trim(), DEFAULT_SCRYPT, 1);
      await legacy.prepare?.(sealedBlobs(this.#passphraseCheck, this.#keys));
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
    this.#passphraseCheck = sealedPassphraseCheck(next);
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
    await candidate.prepare?.(sealedBlobs(this.#passphraseCheck, this.#keys));
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
      this.#passphraseCheck = sealedPassphraseCheck(candidate);
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
    await protector.prepare?.(sealedBlobs(this.#passphraseCheck, this.#keys));
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
      this.#passphraseCheck = sealedPassphraseCheck(protector);
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
    assertUsableRsaKey(privateKey);
    const kid = options.kid ?? newKid(options.environment, this.#clock);
    if (this.#keys.some((k) => k.kid === kid))
      throw new AppError('KEY_EXISTS', `A key with kid "${kid}" already exists.`, undefined, { kid });
    const live = this.#keys.filter((k) => k.environment === options.environment && k.status !== 'retired');
    if (live.length >= MAX_KEYS_PER_ENVIRONMENT) {
      throw new AppError('TOO_MANY_KEYS', `Maskinporten accepts at most ${MAX_KEYS_PER_ENVIRONMENT} keys; retire one first.`, undefined, {
        max: MAX_KEYS_PER_ENVIRONMENT,
      });
    }
    const stored = sealNewKey(privateKey, protector, {
      kid,
      environment: options.environment,
      status: options.status ?? 'active',
      now: this.#clock.now(),
    });
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
    await writeKeyFile(this.#file, {
      format: 'klientdesk-keys',
      version: 1,
      protection: this.#kind,
      ...(this.#passphraseCheck !== undefined ? { passphraseCheck: this.#passphraseCheck } : {}),
      keys: [...this.#keys, ...this.#bad.map((b) => b.raw)],
    });
  }
}
