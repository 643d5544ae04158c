// ID-porten token → Altinn token (altinn.md §4.1). The answer is the raw JWT as text, not JSON.
import { decodeJwt } from 'jose';
import { LocalCodes, ServiceError } from '../../platform/errors';
import type { HttpClient } from '../../platform/http/http-client';
import { readIfFits } from '../../platform/http/lenient-json';
import { altinnError } from './errors';
import { altinnTokenClaimsSchema } from './schemas';

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
  // Claim values may come as strings or numbers; a claim of another type is left out rather than refusing the login.
  const read = readIfFits(altinnTokenClaimsSchema, claims);
  return {
    token,
    expiresAt: read?.exp,
    pid: read?.pid,
    userId: read?.['urn:altinn:userid'],
    partyUuid: read?.['urn:altinn:party:uuid'],
    authLevel: read?.['urn:altinn:authlevel'],
    scopes: read?.scope,
  };
}
