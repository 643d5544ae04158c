// ID-porten token → Altinn token (altinn.md §4.1). The answer is the raw JWT as text, not JSON.
import { decodeJwt } from 'jose';
import { LocalCodes, ServiceError } from '../../platform/errors';
import type { HttpClient } from '../../platform/http/http-client';
import { num, str } from '../../platform/http/lenient-json';
import { altinnError } from './errors';

export interface AltinnToken {
  token: string;
  /** Seconds since the epoch; the exchanged token expires with the ID-porten token. */
  expiresAt?: number;
  pid?: string;
  userId?: string;
  partyUuid?: string;
  authLevel?: string;
  /** The scopes the login was granted, copied from the ID-porten token (space-separated in the claim). */
  scopes?: string[];
}

/** `id-porten` for the client administrator's login; `maskinporten` for a service owner's PDP token. */
export type ExchangeProvider = 'id-porten' | 'maskinporten';

export async function exchangeToAltinnToken(
  http: HttpClient,
  altinnPlatform: string,
  sourceAccessToken: string,
  provider: ExchangeProvider = 'id-porten',
): Promise<AltinnToken> {
  const res = await http.send({
    service: 'altinn',
    operation: 'token exchange',
    method: 'GET',
    url: `${altinnPlatform}/authentication/api/v1/exchange/${provider}`,
    headers: { Authorization: `Bearer ${sourceAccessToken}`, Accept: 'text/plain, application/json' },
  });
  if (!res.ok) throw altinnError(res, 'token-exchange');
  // Probably text/plain; some proxies wrap it in JSON quotes.
  const token = res.bodyText.trim().replace(/^"|"$/g, '');
  let claims: Record<string, unknown>;
  try {
    claims = decodeJwt(token);
  } catch {
    throw new ServiceError({
      service: 'altinn',
      code: LocalCodes.BadResponse,
      status: res.status,
      correlationId: res.correlationId,
      message: 'Altinn’s token exchange did not return a token.',
    });
  }
  // Claim values may come as strings or numbers.
  return {
    token,
    expiresAt: num(claims, 'exp'),
    pid: str(claims, 'pid'),
    userId: str(claims, 'urn:altinn:userid'),
    partyUuid: str(claims, 'urn:altinn:party:uuid'),
    authLevel: str(claims, 'urn:altinn:authlevel'),
    scopes: scopesOf(claims.scope),
  };
}

/** `scope` is a space-separated string in OAuth; some issuers send a list. */
function scopesOf(claim: unknown): string[] | undefined {
  if (typeof claim === 'string') return claim.split(/\s+/).filter(Boolean);
  if (Array.isArray(claim)) return claim.filter((s): s is string => typeof s === 'string');
  return undefined;
}
