// The Altinn token of a system user acting with nobody present (altinn.md §8.3): a Maskinporten system-user
// token (authorization_details naming the owner org and externalRef) exchanged at Altinn. It lives in memory
// only, is reused until shortly before it expires, and is dropped after Altinn refuses it.
import { decodeJwt } from 'jose';
import { ALTINN_END_USER_SCOPES } from '../../platform/environments';
import type { Clock } from '../../platform/http/clock';
import type { HttpClient } from '../../platform/http/http-client';
import type { SystemUserSelector } from '../maskinporten/grant';
import type { MaskinportenService } from '../maskinporten/maskinporten-service';
import { exchangeToAltinnToken } from './token-exchange';

/** What the client-administration APIs need: read and write, and the parties list for the firm's party UUID. */
export const CLIENT_ADMIN_SYSTEM_USER_SCOPES = [
  ALTINN_END_USER_SCOPES.clientDelegationsRead,
  ALTINN_END_USER_SCOPES.clientDelegationsWrite,
  ALTINN_END_USER_SCOPES.authorizedParties,
] as const;

const RENEW_BEFORE_EXPIRY_SECONDS = 60;

export interface SystemUserAltinnToken {
  /** A valid exchanged token; a new one is fetched when none is cached or it is about to expire. */
  token(): Promise<string>;
  /** The system user id Maskinporten put in the token (`authorization_details[0].systemuser_id[0]`), once known. */
  systemUserId(): string | null;
  forget(): void;
}

export function systemUserAltinnToken(deps: {
  http: HttpClient;
  altinnPlatform: string;
  maskinporten: MaskinportenService;
  selector: SystemUserSelector;
  clock: Clock;
}): SystemUserAltinnToken {
  let cached: { token: string; expiresAt: number | undefined } | null = null;
  let systemUserId: string | null = null;
  let pending: Promise<string> | null = null;

  const fresh = (): boolean =>
    cached !== null && (cached.expiresAt === undefined || cached.expiresAt - RENEW_BEFORE_EXPIRY_SECONDS > deps.clock.now() / 1000);

  async function fetchToken(): Promise<string> {
    const mp = await deps.maskinporten.systemUserToken(deps.selector, CLIENT_ADMIN_SYSTEM_USER_SCOPES);
    const exchanged = await exchangeToAltinnToken(deps.http, deps.altinnPlatform, mp.accessToken, 'maskinporten');
    cached = { token: exchanged.token, expiresAt: exchanged.expiresAt };
    systemUserId = systemUserIdOf(exchanged.token);
    return exchanged.token;
  }

  return {
    async token() {
      if (fresh()) return cached!.token;
      // Five parallel sends share one exchange instead of starting five.
      pending ??= fetchToken().finally(() => (pending = null));
      return pending;
    },
    systemUserId: () => systemUserId,
    forget() {
      cached = null;
    },
  };
}

function systemUserIdOf(jwt: string): string | null {
  try {
    const details = decodeJwt(jwt).authorization_details;
    const first: unknown = Array.isArray(details) ? details[0] : undefined;
    const ids: unknown = first && typeof first === 'object' ? (first as { systemuser_id?: unknown }).systemuser_id : undefined;
    return Array.isArray(ids) && typeof ids[0] === 'string' ? ids[0] : null;
  } catch {
    return null;
  }
}
