// Signing keys and JWT helpers shared by the simulated services. Every service of the world has its own
// RS256 key; the keys never leave the process except into the optional state file.
import {
  calculateJwkThumbprint,
  decodeJwt as joseDecodeJwt,
  decodeProtectedHeader,
  exportJWK,
  generateKeyPair,
  importJWK,
  SignJWT,
  type CryptoKey,
  type JWK,
  type JWTPayload,
} from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  /** Public JWK with `kid`, `alg` and `use`, as published on a `/jwk` endpoint. */
  publicJwk: JWK & { kid: string };
  /** Kept only so the state file can restore the key after a restart. */
  privateJwk: JWK;
}

async function fromPrivateJwk(privateJwk: JWK, kid: string): Promise<SigningKey> {
  const privateKey = (await importJWK({ ...privateJwk, alg: 'RS256' }, 'RS256')) as CryptoKey;
  const { kty, n, e } = privateJwk;
  return { kid, privateKey, privateJwk, publicJwk: { kty: kty!, n: n!, e: e!, kid, alg: 'RS256', use: 'sig' } };
}

/** A new RSA 2048 key; `kid` defaults to the JWK thumbprint, like Digdir's own key ids. */
export async function generateSigningKey(kid?: string): Promise<SigningKey> {
  const { privateKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const privateJwk = await exportJWK(privateKey);
  return fromPrivateJwk(privateJwk, kid ?? (await calculateJwkThumbprint(privateJwk)));
}

export const restoreSigningKey = (privateJwk: JWK, kid: string): Promise<SigningKey> => fromPrivateJwk(privateJwk, kid);

export async function signJwt(key: SigningKey, claims: JWTPayload, header: Record<string, unknown> = {}): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ ...header, alg: 'RS256', kid: key.kid }).sign(key.privateKey);
}

const JWT_SHAPE = /^[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]{2,}\.[A-Za-z0-9_-]*$/;

export interface DecodedToken {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

/**
 * Decodes without verifying: for logging and for reading a grant before its key is known. Stricter than jose
 * alone, like the real services: three base64url parts (no JWE, no stray characters) and a header naming `alg`.
 */
export function decodeJwt(token: string): DecodedToken | null {
  if (!JWT_SHAPE.test(token)) return null;
  try {
    const header = decodeProtectedHeader(token);
    const claims = joseDecodeJwt(token);
    if (typeof header.alg !== 'string') return null;
    return { header: { ...header }, claims: { ...claims } };
  } catch {
    return null;
  }
}

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
