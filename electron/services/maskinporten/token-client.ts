// POSTs a fresh grant to Maskinporten's token endpoint (maskinporten.md §4) and turns the answer into a
// token or a typed error. Clock skew is handled here: the Date header of every answer updates the offset,
// and a skew rejection is retried once with a grant signed at the corrected time.
import { LocalCodes, ServiceError } from '../../platform/errors';
import type { Clock } from '../../platform/http/clock';
import { postForm } from '../../platform/http/form';
import type { HttpClient, HttpResponse } from '../../platform/http/http-client';
import { parseJsonOrUndefined, readIfFits } from '../../platform/http/lenient-json';
import { ClockOffset } from './clock-offset';
import { isClockSkewError, maskinportenError } from './errors';
import { tokenResponseSchema } from './schemas';
import type { GrantSigningKey } from '../../platform/keys/key-types';
import { buildGrant, type GrantSpec, type SystemUserSelector } from './grant';

export const JWT_BEARER_GRANT_TYPE = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export interface MaskinportenEndpoint {
  /** The grant's `aud`, e.g. `https://test.maskinporten.no/`. */
  issuer: string;
  tokenEndpoint: string;
}

export interface MaskinportenToken {
  accessToken: string;
  tokenType: string;
  expiresInSeconds: number;
  scope?: string;
  /** Local clock, ms. */
  obtainedAt: number;
  /** Local clock, ms; from expires_in, counted from when the request was sent. */
  expiresAt: number;
  kid: string;
}

export interface TokenRequest {
  scopes: readonly string[];
  systemUser?: SystemUserSelector;
  /** The key to sign with; defaults to the options' current signing key. */
  signingKey?: GrantSigningKey;
  signal?: AbortSignal;
}

export interface MaskinportenTokenClientOptions {
  http: HttpClient;
  clock: Clock;
  endpoint: MaskinportenEndpoint;
  clientId: string;
  signingKey: () => Promise<GrantSigningKey>;
  /** Diagnostics only (the headless flow prints the grant): never wire this to the renderer. */
  onGrantSigned?: (grant: string, key: GrantSigningKey) => void;
}

export class MaskinportenTokenClient {
  readonly clockOffset: ClockOffset;
  private requests = 0;

  constructor(private readonly options: MaskinportenTokenClientOptions) {
    this.clockOffset = new ClockOffset(options.clock);
  }

  /** How many token requests reached the wire (retries included). */
  get requestCount(): number {
    return this.requests;
  }

  async requestToken(request: TokenRequest): Promise<MaskinportenToken> {
    try {
      return await this.post(request);
    } catch (e) {
      if (e instanceof ServiceError && isClockSkewError(e)) {
        // post() has already learned the new offset from the failed answer's Date header.
        return this.post(request);
      }
      throw e;
    }
  }

  private async post(request: TokenRequest): Promise<MaskinportenToken> {
    const { http, clock, endpoint, clientId } = this.options;
    const key = request.signingKey ?? (await this.options.signingKey());
    const spec: GrantSpec = { clientId, audience: endpoint.issuer, scopes: request.scopes, systemUser: request.systemUser };
    const sentAt = clock.now();
    const res = await postForm(http, {
      service: 'maskinporten',
      operation: 'token',
      url: endpoint.tokenEndpoint,
      accept: 'application/json',
      // Safe to repeat only because every attempt signs a new grant with a new jti.
      idempotent: true,
      form: async () => {
        this.requests++;
        const grant = await buildGrant(spec, key, this.clockOffset.nowSeconds());
        this.options.onGrantSigned?.(grant, key);
        return { grant_type: JWT_BEARER_GRANT_TYPE, assertion: grant };
      },
      signal: request.signal,
    });
    this.clockOffset.observe(res.headers.get('date'));
    if (!res.ok) throw maskinportenError(res);
    return parseTokenResponse(res, sentAt, key.kid);
  }
}

function parseTokenResponse(res: HttpResponse, sentAt: number, kid: string): MaskinportenToken {
  const body = readIfFits(tokenResponseSchema, parseJsonOrUndefined(res.bodyText));
  if (!body) {
    throw new ServiceError({
      service: 'maskinporten',
      code: LocalCodes.BadResponse,
      status: res.status,
      correlationId: res.correlationId,
      message: 'Maskinporten answered without an access token or expires_in.',
    });
  }
  return {
    accessToken: body.access_token,
    tokenType: body.token_type ?? 'Bearer',
    expiresInSeconds: body.expires_in,
    scope: body.scope,
    obtainedAt: sentAt,
    expiresAt: sentAt + body.expires_in * 1000,
    kid,
  };
}
