// What a user pastes or picks as "a private key": a PEM, a private JWK, or a JWKS holding one. The text is
// never echoed back in an error (it may be a real production key pasted into the wrong box).
import type { JWK } from 'jose';
import { AppError } from '../../../shared/errors';

export type KeyMaterial = { kind: 'pem'; pem: string } | { kind: 'jwk'; jwk: JWK };

const IMPORT_FAILED = 'KEY_IMPORT_FAILED';

export function readKeyMaterial(material: string): KeyMaterial {
  const text = material.trim();
  if (text.startsWith('-----BEGIN')) {
    if (/ENCRYPTED PRIVATE KEY|Proc-Type: 4,ENCRYPTED/.test(text)) {
      throw new AppError(
        IMPORT_FAILED,
        'The key is protected with a password. Export it without a password and import it again.',
        undefined,
        { reason: 'password' },
      );
    }
    if (/BEGIN (RSA )?PUBLIC KEY|BEGIN CERTIFICATE/.test(text)) throw publicOnly();
    return { kind: 'pem', pem: text };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new AppError(IMPORT_FAILED, 'The text is neither a PEM key ("-----BEGIN PRIVATE KEY-----") nor a JWK in JSON.', undefined, {
      reason: 'format',
    });
  }
  const jwk = singleJwk(parsed);
  if (typeof jwk.d !== 'string') throw publicOnly();
  return { kind: 'jwk', jwk };
}

function singleJwk(value: unknown): JWK {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new AppError(IMPORT_FAILED, 'The JSON is not a JWK object.', undefined, { reason: 'notJwk' });
  }
  const keys = (value as { keys?: unknown }).keys;
  if (keys === undefined) return value as JWK;
  if (!Array.isArray(keys) || keys.length !== 1) {
    throw new AppError(IMPORT_FAILED, 'The JWK set holds more than one key; import them one at a time.', undefined, { reason: 'jwkSet' });
  }
  return singleJwk(keys[0]);
}

const publicOnly = (): AppError =>
  new AppError(
    IMPORT_FAILED,
    'This is a public key. Klientdesk needs the private key to sign with; the public part is derived from it.',
    undefined,
    { reason: 'publicKey' },
  );
