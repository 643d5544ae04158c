// What the rest of the app uses: "a token for this firm's system user" or "a vendor token", cached per
// environment, client, key, scopes, owner org and externalRef.
import type { Clock } from '../../platform/http/clock';
import type { HttpClient } from '../../platform/http/http-client';
import { normaliseOrgNumber } from '../../../shared/domain/orgnr';
import type { GrantSigningKey } from '../../platform/keys/key-types';
import type { SystemUserSelector } from './grant';
import { TokenCache } from './token-cache';
import { MaskinportenTokenClient, type MaskinportenEndpoint, type MaskinportenToken } from './token-client';

export interface MaskinportenServiceOptions {
  environment: string;
  http: HttpClient;
  clock: Clock;
  endpoint: MaskinportenEndpoint;
  clientId: string;
  /** The current signing key (the newest active one in the vault). */
  signingKey: () => Promise<GrantSigningKey>;
  refreshMarginSeconds?: number;
  onGrantSigned?: (grant: string, key: GrantSigningKey) => void;
}

export class MaskinportenService {
  readonly client: MaskinportenTokenClient;
  private readonly cache: TokenCache;

  constructor(private readonly options: MaskinportenServiceOptions) {
    this.client = new MaskinportenTokenClient(options);
    this.cache = new TokenCache(options.clock, options.refreshMarginSeconds);
  }

  /** A token acting as the system user owned by `systemUser.orgNumber` (for agent system users: the firm). */
  async systemUserToken(systemUser: SystemUserSelector, scopes: readonly string[], signal?: AbortSignal): Promise<MaskinportenToken> {
    const selector = { orgNumber: normaliseOrgNumber(systemUser.orgNumber), externalRef: systemUser.externalRef || undefined };
    return this.cached(scopes, selector, signal);
  }

  /** A plain vendor token (no authorization_details), e.g. for the system register and request endpoints. */
  async vendorToken(scopes: readonly string[], signal?: AbortSignal): Promise<MaskinportenToken> {
    return this.cached(scopes, undefined, signal);
  }

  /** After a 401 from an API: make the next caller fetch a new token. */
  invalidateToken(accessToken: string): void {
    this.cache.invalidateToken(accessToken);
  }

  get tokenRequestCount(): number {
    return this.client.requestCount;
  }

  get clockOffsetMs(): number {
    return this.client.clockOffset.offsetMs;
  }

  dispose(): void {
    this.cache.dispose();
  }

  private async cached(
    scopes: readonly string[],
    systemUser: SystemUserSelector | undefined,
    signal?: AbortSignal,
  ): Promise<MaskinportenToken> {
    const key = await this.options.signingKey();
    return this.cache
      .get(
        {
          environment: this.options.environment,
          clientId: this.options.clientId,
          kid: key.kid,
          scopes,
          systemUserOrg: systemUser?.orgNumber,
          externalRef: systemUser?.externalRef,
        },
        // A shared request must not die because the first caller gave up, so the signal is not passed on.
        () => this.client.requestToken({ scopes, systemUser, signingKey: key }),
      )
      .then((token) => {
        if (signal?.aborted) throw signal.reason;
        return token;
      });
  }
}
