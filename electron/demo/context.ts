// What every simulated service of one world shares: seed data, mutable state, clock, keys and URLs.
import { importJWK, jwtVerify, type CryptoKey, type JWTPayload } from 'jose';
import type { WorldClock } from './clock';
import type { SigningKey } from './jwt';
import type { ClaimsFixture } from './seed/claims-model';
import type { Directory } from './seed/clients';
import type { WorldStore } from './state/store';
import type { DemoWorldUrls, MaskinportenErrorForm } from './types';

export interface WorldKeys {
  maskinporten: SigningKey;
  idporten: SigningKey;
  altinn: SigningKey;
  /** Skatteetaten's Maskinporten client key (kid `skd-demo-pdp-1`), used for its own PDP token. */
  skatteetatenClient: SigningKey;
}

export interface WorldSettings {
  maskinportenErrors: MaskinportenErrorForm;
  /** Days until a request nobody answered reads as `Timedout`. */
  requestTimeoutDays: number;
}

export interface WorldContext {
  seed: number;
  demoDate: string;
  clock: WorldClock;
  store: WorldStore;
  directory: Directory;
  keys: WorldKeys;
  /** Filled in once the servers listen; handlers only read it at request time. */
  urls: DemoWorldUrls;
  claimsFor(orgNo: string): ClaimsFixture | null;
  /** Switches the admin API may change while the world runs. */
  settings: WorldSettings;
  log(line: string): void;
}

export const maskinportenIssuer = (w: WorldContext): string => `${w.urls.maskinporten}/`;
export const idportenIssuer = (w: WorldContext): string => w.urls.idporten;
export const altinnIssuer = (w: WorldContext): string => `${w.urls.altinn}/authentication/api/v1/openid/`;

/**
 * Verifies a token one of the world's own services issued. Altinn uses this for Maskinporten and
 * ID-porten tokens (same trust, no network needed); Skatteetaten deliberately does not (it fetches JWKS).
 */
export async function verifyIssuedToken(w: WorldContext, token: string, key: SigningKey, issuer: string): Promise<JWTPayload | null> {
  try {
    const { payload } = await jwtVerify(token, await publicKeyOf(key), {
      issuer,
      algorithms: ['RS256'],
      currentDate: new Date(w.clock.nowMs()),
    });
    return payload;
  } catch {
    return null;
  }
}

const publicKeys = new WeakMap<SigningKey, CryptoKey>();
async function publicKeyOf(key: SigningKey): Promise<CryptoKey> {
  let pub = publicKeys.get(key);
  if (!pub) {
    pub = (await importJWK(key.publicJwk, 'RS256')) as CryptoKey;
    publicKeys.set(key, pub);
  }
  return pub;
}
