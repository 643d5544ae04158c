// The signing keys as the rest of the app sees them: public parts and status only, never a private key.
import type { CryptoKey, KeyObject } from 'jose';

/** A private key a Maskinporten grant can be signed with. Only the key vault creates these. */
export interface GrantSigningKey {
  kid: string;
  key: CryptoKey | KeyObject;
}

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
