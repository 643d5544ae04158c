// Verifies a JWT-bearer grant the way Maskinporten does (maskinporten.md §9), in the documented order.
// Each check fails on its own with its own MP code.
import { compactVerify, importJWK, type JWK } from 'jose';
import { isValidOrgNumber } from '../../../shared/domain/orgnr';
import { maskinportenIssuer, type WorldContext } from '../context';
import { decodeJwt, isRecord } from '../jwt';
import type { Reply } from '../http/reply';
import { invalidGrant, invalidRequest, mpError } from './errors';
import { CLOCK_SKEW_SECONDS, findClient, KEY_LIFETIME_MS, MAX_GRANT_LIFETIME_SECONDS, type MaskinportenClient } from './clients';

const ALGORITHMS = ['RS256', 'RS384', 'RS512'];
const SYSTEM_USER_TYPE = 'urn:altinn:systemuser';
const DETAIL_KEYS = new Set(['type', 'systemuser_org', 'externalRef']);

export interface SystemUserDetail {
  ownerOrgNo: string;
  externalRef?: string;
}

export interface VerifiedGrant {
  client: MaskinportenClient;
  kid: string;
  scopes: string[];
  resource?: string[];
  systemUser?: SystemUserDetail;
}

export type GrantResult = { ok: true; grant: VerifiedGrant } | { ok: false; reply: Reply };

const fail = (reply: Reply): GrantResult => ({ ok: false, reply });

/** Seen `jti`s, kept until their grant's `exp` (MP-012). */
export class JtiRegistry {
  private readonly seen = new Map<string, number>();

  useOnce(jti: string, exp: number, now: number): boolean {
    if (this.seen.size > 10_000) for (const [k, e] of this.seen) if (e < now) this.seen.delete(k);
    if (this.seen.has(jti)) return false;
    this.seen.set(jti, exp);
    return true;
  }

  clear(): void {
    this.seen.clear();
  }
}

function findKey(w: WorldContext, kid: string): { clientId: string; jwk: JWK; registeredAt: number } | null {
  for (const [clientId, keys] of w.store.jwks) {
    const hit = keys.find((k) => k.jwk.kid === kid);
    if (hit) return { clientId, jwk: hit.jwk, registeredAt: hit.registeredAt };
  }
  return null;
}

export async function verifyGrant(w: WorldContext, assertion: string, jtis: JtiRegistry): Promise<GrantResult> {
  const decoded = decodeJwt(assertion);
  if (!decoded) return fail(invalidRequest('assertion is not a signed JWT'));
  const { header, claims } = decoded;
  if (!ALGORITHMS.includes(String(header.alg))) return fail(invalidRequest(`unsupported alg ${String(header.alg)}`));

  const hasKid = typeof header.kid === 'string';
  const hasX5c = header.x5c !== undefined;
  if (hasKid === hasX5c) return fail(invalidRequest('exactly one of kid and x5c must be set'));
  if (hasX5c) {
    if (!Array.isArray(header.x5c)) return fail(invalidGrant('Invalid JWT header x5c (MP-123)'));
    // The demo has no certificate clients: a certificate can never be trusted here.
    return fail(invalidGrant('Invalid assertion. Client authentication failed. The JWT is signed with an invalid certificate. (MP-120)'));
  }
  const kid = header.kid as string;
  const key = findKey(w, kid);
  if (!key) return fail(invalidGrant(`Invalid assertion. Client authentication failed. Unknown key id ${kid} (MP-100)`));
  if (w.clock.nowMs() - key.registeredAt > KEY_LIFETIME_MS)
    return fail(invalidGrant('Invalid assertion. Client authentication failed. Expired key (MP-121)'));

  try {
    const publicKey = await importJWK({ ...key.jwk, alg: String(header.alg) }, String(header.alg));
    await compactVerify(assertion, publicKey, { algorithms: ALGORITHMS });
  } catch {
    return fail(invalidGrant('Invalid assertion. Client authentication failed. Invalid JWT signature (MP-124)'));
  }

  const client = typeof claims.iss === 'string' ? findClient(claims.iss) : undefined;
  if (!client || client.clientId !== key.clientId) {
    return fail(invalidGrant('Invalid assertion. Client authentication failed. Client not found (MP-100)'));
  }

  const issuer = maskinportenIssuer(w);
  const acceptedAud = [issuer, issuer.replace(/\/$/, ''), `${w.urls.maskinporten}/token`];
  const aud = claims.aud;
  const audOk =
    typeof aud === 'string' ? acceptedAud.includes(aud) : Array.isArray(aud) && aud.length === 1 && acceptedAud.includes(String(aud[0]));
  if (!audOk) return fail(invalidGrant('Invalid assertion. Client authentication failed. Invalid JWT claim aud (MP-110)'));

  const { iat, exp } = claims;
  if (typeof iat !== 'number' || typeof exp !== 'number') return fail(invalidRequest('iat and exp are required'));
  const now = w.clock.nowSeconds();
  if (iat > now + CLOCK_SKEW_SECONDS)
    return fail(invalidGrant('Invalid assertion. Client authentication failed. Issue time is after now (MP-130)'));
  if (iat < now - CLOCK_SKEW_SECONDS || exp <= now)
    return fail(invalidGrant('Invalid assertion. Client authentication failed. JWT is expired (MP-130)'));
  if (exp - iat > MAX_GRANT_LIFETIME_SECONDS) {
    return fail(
      invalidGrant(`Invalid assertion. Client authentication failed. JWT lifetime exceeds ${MAX_GRANT_LIFETIME_SECONDS} seconds (MP-130)`),
    );
  }

  if (typeof claims.jti !== 'string' || claims.jti === '') return fail(invalidRequest('jti is required'));
  if (!jtis.useOnce(claims.jti, exp, now)) return fail(invalidGrant('Invalid assertion. Grant is used before (MP-012)'));

  const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ').filter(Boolean) : [];
  if (scopes.length === 0)
    return fail(mpError(400, 'invalid_scope', 'Token request contains invalid scopes for client: no scope given (MP-200)'));
  const unregistered = scopes.filter((s) => !client.scopes.includes(s));
  if (unregistered.length > 0) {
    return fail(mpError(400, 'invalid_scope', `Token request contains invalid scopes for client: ${unregistered.join(' ')} (MP-200)`));
  }
  for (const scope of scopes) {
    const accessList = w.store.scopeAccess.get(scope);
    if (accessList && !accessList.has(client.ownerOrgNo)) {
      return fail(mpError(403, 'access_denied', `Consumer has not been granted access to the scope ${scope} (MP-250)`));
    }
  }

  let resource: string[] | undefined;
  if (claims.resource !== undefined) {
    if (!Array.isArray(claims.resource) || !claims.resource.every((r) => typeof r === 'string')) {
      return fail(invalidRequest('resource must be an array'));
    }
    resource = claims.resource as string[];
  }

  const grant: VerifiedGrant = { client, kid, scopes, ...(resource ? { resource } : {}) };
  if (claims.authorization_details === undefined) return { ok: true, grant };
  const detail = parseSystemUserDetail(claims.authorization_details);
  if ('reply' in detail) return fail(detail.reply);
  return { ok: true, grant: { ...grant, systemUser: detail } };
}

function parseSystemUserDetail(raw: unknown): SystemUserDetail | { reply: Reply } {
  const bad = (what: string) => ({ reply: invalidGrant(`Invalid authorization details values: ${what} (MP-303)`) });
  if (!Array.isArray(raw) || raw.length !== 1) return bad('exactly one authorization_details element is supported');
  const el: unknown = raw[0];
  if (!isRecord(el)) return bad('element is not an object');
  if (el.type !== SYSTEM_USER_TYPE) return { reply: invalidGrant(`Unknown authorization details type ${String(el.type)} (MP-301)`) };
  const unknown = Object.keys(el).filter((k) => !DETAIL_KEYS.has(k));
  if (unknown.length) return { reply: invalidGrant(`Unknown fields in the authorization details: ${unknown.join(', ')} (MP-302)`) };
  const org = el.systemuser_org;
  if (!isRecord(org)) return bad('systemuser_org is missing');
  if (org.authority !== 'iso6523-actorid-upis') return bad('systemuser_org.authority');
  const id = org.ID ?? org.id;
  const m = typeof id === 'string' ? /^0192:(\d{9})$/.exec(id) : null;
  if (!m || !isValidOrgNumber(m[1]!)) return bad('systemuser_org.ID');
  if (el.externalRef !== undefined && (typeof el.externalRef !== 'string' || el.externalRef.trim() === '')) return bad('externalRef');
  return { ownerOrgNo: m[1]!, ...(typeof el.externalRef === 'string' ? { externalRef: el.externalRef } : {}) };
}
