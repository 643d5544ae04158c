// How private keys are sealed at rest. In Electron, main passes safeStorage (the OS key store); where that
// is missing (browser host, a Linux box without a secret service) a passphrase the person types protects the
// file instead, and is never stored. Tests and tools that know their passphrase pass a passphraseProtector.
import { createCipheriv, createDecipheriv, randomBytes, scrypt, scryptSync } from 'node:crypto';
import { AppError } from '../../../shared/errors';

export interface Protector {
  isAvailable(): boolean;
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

/** Recorded in the key file so a file sealed by the OS key store is not fed to a passphrase, or vice versa. */
export type ProtectionKind = 'os' | 'passphrase';

export interface NamedProtector extends Protector {
  kind: ProtectionKind;
  /**
   * Does ahead, off the main thread, the costly part of decrypting these sealed blobs and of sealing new ones,
   * so the calls that follow do not hold up everything else the process is doing (a passphrase's scrypt).
   */
  prepare?(sealed: readonly Buffer[]): Promise<void>;
}

/** Wraps an injected OS protector such as Electron's safeStorage. */
export const osProtector = (protector: Protector): NamedProtector => ({
  kind: 'os',
  isAvailable: () => protector.isAvailable(),
  encrypt: (b) => protector.encrypt(b),
  decrypt: (b) => protector.decrypt(b),
});

/**
 * A passphrase that arrives later: typed by the person once per launch (keys.unlock), or, for unattended
 * runs, given by the administrator (`given`). `legacyPassphraseFile` is where older versions kept a random
 * passphrase beside the keys; keys sealed with it are resealed under the chosen passphrase, then it is deleted.
 */
export interface TypedPassphrase {
  kind: 'typed-passphrase';
  given?: string;
  legacyPassphraseFile?: string;
  scrypt?: ScryptParams;
}

export type KeyProtection = NamedProtector | TypedPassphrase;

export const MIN_PASSPHRASE_LENGTH = 10;

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

// OWASP's scrypt minimum (N=2^17) costs 128 MiB; 2^15 with r=8 (32 MiB, ~100 ms) is the Node default
// ceiling and still makes guessing a decent passphrase expensive.
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 1 };

const MAGIC = Buffer.from('KDP1');
const SALT_BYTES = 16;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = MAGIC.length + 12 + SALT_BYTES + NONCE_BYTES + TAG_BYTES;

export const WRONG_PASSPHRASE = 'KEY_VAULT_WRONG_PASSPHRASE';

/** The scrypt parameters and salt a sealed blob carries after its magic. */
function scryptHeader(sealed: Buffer): { salt: Buffer; p: ScryptParams } {
  const at = MAGIC.length;
  const p: ScryptParams = { N: sealed.readUInt32BE(at), r: sealed.readUInt32BE(at + 4), p: sealed.readUInt32BE(at + 8) };
  return { salt: sealed.subarray(at + 12, at + 12 + SALT_BYTES), p };
}

/**
 * scrypt + AES-256-GCM. Each sealed blob carries its own salt, nonce and scrypt parameters:
 * MAGIC | N r p (3×uint32) | salt | nonce | tag | ciphertext. Derived keys are memoised per salt so
 * unlocking a vault with several keys runs scrypt once.
 */
export function passphraseProtector(passphrase: string, params: ScryptParams = DEFAULT_SCRYPT, minLength = 8): NamedProtector {
  if ([...passphrase].length < minLength) {
    throw new AppError('KEY_VAULT_WEAK_PASSPHRASE', `The passphrase must have at least ${minLength} characters.`, undefined, { minLength });
  }
  const derived = new Map<string, Buffer>();
  const sealingSalt = randomBytes(SALT_BYTES);
  const idOf = (salt: Buffer, p: ScryptParams): string => `${salt.toString('hex')}:${p.N}:${p.r}:${p.p}`;
  const costOf = (p: ScryptParams) => ({ N: p.N, r: p.r, p: p.p, maxmem: 256 * p.N * p.r + 1024 * 1024 });
  const derive = (salt: Buffer, p: ScryptParams): Buffer => {
    const id = idOf(salt, p);
    let key = derived.get(id);
    if (!key) {
      key = scryptSync(passphrase.normalize('NFC'), salt, 32, costOf(p));
      derived.set(id, key);
    }
    return key;
  };
  /** The same derivation on libuv's thread pool, into the same memo; one at a time, as derive would. */
  const deriveAhead = (salt: Buffer, p: ScryptParams): Promise<void> =>
    derived.has(idOf(salt, p))
      ? Promise.resolve()
      : new Promise((resolve, reject) =>
          scrypt(passphrase.normalize('NFC'), salt, 32, costOf(p), (error, key) => {
            if (error) return reject(error);
            derived.set(idOf(salt, p), key);
            resolve();
          }),
        );

  return {
    kind: 'passphrase',
    isAvailable: () => true,
    async prepare(sealed) {
      await deriveAhead(sealingSalt, params);
      for (const blob of sealed) {
        // A blob that is not ours is left to decrypt, which says so.
        if (blob.length < HEADER_BYTES || !blob.subarray(0, MAGIC.length).equals(MAGIC)) continue;
        const { salt, p } = scryptHeader(blob);
        await deriveAhead(salt, p).catch(() => undefined);
      }
    },
    encrypt(plain) {
      const nonce = randomBytes(NONCE_BYTES);
      const cipher = createCipheriv('aes-256-gcm', derive(sealingSalt, params), nonce);
      const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
      const numbers = Buffer.alloc(12);
      numbers.writeUInt32BE(params.N, 0);
      numbers.writeUInt32BE(params.r, 4);
      numbers.writeUInt32BE(params.p, 8);
      return Buffer.concat([MAGIC, numbers, sealingSalt, nonce, cipher.getAuthTag(), ciphertext]);
    },
    decrypt(sealed) {
      if (sealed.length < HEADER_BYTES || !sealed.subarray(0, MAGIC.length).equals(MAGIC)) {
        throw new AppError('KEY_VAULT_CORRUPT', 'The key file is damaged or was not sealed with a passphrase.');
      }
      const { salt, p } = scryptHeader(sealed);
      let at = MAGIC.length + 12 + SALT_BYTES;
      const nonce = sealed.subarray(at, (at += NONCE_BYTES));
      const tag = sealed.subarray(at, (at += TAG_BYTES));
      const decipher = createDecipheriv('aes-256-gcm', derive(salt, p), nonce);
      decipher.setAuthTag(tag);
      try {
        return Buffer.concat([decipher.update(sealed.subarray(at)), decipher.final()]);
      } catch {
        throw new AppError(WRONG_PASSPHRASE, 'The passphrase is wrong, or the key file has been altered.');
      }
    },
  };
}
