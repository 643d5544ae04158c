// The JWT grant (assertion) Maskinporten authenticates us by (maskinporten.md §3). A new one is built
// for every token request: Maskinporten refuses a replayed jti (MP-012).
import { randomUUID } from 'node:crypto';
import { SignJWT } from 'jose';
import { isValidOrgNumber, normaliseOrgNumber, toIso6523 } from '../../../shared/domain/orgnr';
import { AppError } from '../../../shared/errors';
import type { GrantSigningKey } from '../../platform/keys/key-types';

export const SYSTEM_USER_DETAILS_TYPE = 'urn:altinn:systemuser';
export const MAX_GRANT_LIFETIME_SECONDS = 120;
export const DEFAULT_GRANT_LIFETIME_SECONDS = 60;

/** Which system user the token should act as: the owner org (for an agent system user, the firm). */
export interface SystemUserSelector {
  orgNumber: string;
  /** Must equal the externalRef the system user was created with; omit when none was given. */
  externalRef?: string;
}

export interface GrantSpec {
  clientId: string;
  /** The environment's Maskinporten issuer, e.g. `https://test.maskinporten.no/`. */
  audience: string;
  scopes: readonly string[];
  systemUser?: SystemUserSelector;
  lifetimeSeconds?: number;
}

export interface SystemUserAuthorizationDetail {
  type: typeof SYSTEM_USER_DETAILS_TYPE;
  systemuser_org: { authority: 'iso6523-actorid-upis'; ID: string };
  externalRef?: string;
}

export function systemUserAuthorizationDetails(selector: SystemUserSelector): SystemUserAuthorizationDetail[] {
  const org = normaliseOrgNumber(selector.orgNumber);
  if (!isValidOrgNumber(org)) {
    throw new AppError('INVALID_ORG_NUMBER', `"${selector.orgNumber}" is not a valid organisation number.`, undefined, {
      orgNumber: selector.orgNumber.slice(0, 40),
    });
  }
  const detail: SystemUserAuthorizationDetail = {
    type: SYSTEM_USER_DETAILS_TYPE,
    systemuser_org: { authority: 'iso6523-actorid-upis', ID: toIso6523(org) },
  };
  if (selector.externalRef !== undefined && selector.externalRef !== '') detail.externalRef = selector.externalRef;
  // Exactly one element: one owner org per token (MP-303 otherwise).
  return [detail];
}

/** Signs a grant issued at `issuedAtSeconds` (already corrected for Maskinporten's clock). */
export async function buildGrant(spec: GrantSpec, signingKey: GrantSigningKey, issuedAtSeconds: number): Promise<string> {
  const lifetime = spec.lifetimeSeconds ?? DEFAULT_GRANT_LIFETIME_SECONDS;
  if (!(lifetime > 0 && lifetime <= MAX_GRANT_LIFETIME_SECONDS)) {
    throw new AppError('INVALID_GRANT_LIFETIME', `A grant may live at most ${MAX_GRANT_LIFETIME_SECONDS} s.`, undefined, {
      seconds: MAX_GRANT_LIFETIME_SECONDS,
    });
  }
  if (spec.scopes.length === 0) throw new AppError('MISSING_SCOPE', 'A Maskinporten grant needs at least one scope.');
  const claims: Record<string, unknown> = { scope: spec.scopes.join(' ') };
  if (spec.systemUser) claims['authorization_details'] = systemUserAuthorizationDetails(spec.systemUser);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: signingKey.kid })
    .setIssuer(spec.clientId)
    .setAudience(spec.audience)
    .setIssuedAt(issuedAtSeconds)
    .setExpirationTime(issuedAtSeconds + lifetime)
    .setJti(randomUUID())
    .sign(signingKey.key);
}
