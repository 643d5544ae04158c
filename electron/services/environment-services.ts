// One environment's services wired together: HTTP layer, Maskinporten token cache, Altinn clients, and
// Krav og betalinger. Switching environment = dispose() this object and open another, so tokens and
// cached data of one environment can never be used in another.
import type { HttpClient } from '../platform/http/http-client';
import { createHttpClient, type Exchange } from '../platform/http/http-client';
import { systemClock, type Clock } from '../platform/http/clock';
import { AccessManagementApi } from './altinn/access-management';
import { AltinnSession, type AltinnUser } from './altinn/altinn-session';
import { ClientAdministrationApi } from './altinn/client-administration';
import { ClientDelegationApi } from './altinn/client-delegation';
import { loginDemoPerson } from './altinn/demo-login';
import { loginWithSystemBrowser, type IdportenClient } from './altinn/idporten-login';
import { PdpApi } from './altinn/pdp';
import { exchangeToAltinnToken } from './altinn/token-exchange';
import { VendorApi } from './altinn/vendor';
import { AppError } from '../../shared/errors';
import type { KeyVault } from '../platform/keys/key-vault';
import type { GrantSigningKey } from '../platform/keys/key-types';
import type { SystemUserSelector } from './maskinporten/grant';
import { MaskinportenService } from './maskinporten/maskinporten-service';
import { KravOgBetalingerClient } from './skatteetaten/krav-og-betalinger-client';
import type { Pool } from '../platform/http/pool';
import type { EnvironmentConfig } from '../platform/environments';

export interface EnvironmentServicesDeps {
  vault: KeyVault;
  /** Electron's shell.openExternal in main; a test double elsewhere. */
  openExternal?: (url: string) => void | Promise<void>;
  fetch?: typeof fetch;
  clock?: Clock;
  http?: HttpClient;
  onExchange?: (exchange: Exchange) => void;
  /** Diagnostics only (the headless flow prints the grant). */
  onGrantSigned?: (grant: string, key: GrantSigningKey) => void;
  kravOgBetalingerLimiter?: Pool;
  /** Which vault environment holds the signing key; defaults to the environment's id. */
  keyEnvironment?: string;
}

export interface EnvironmentServices {
  readonly config: EnvironmentConfig;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly maskinporten: MaskinportenService;
  /** K&B as the firm's agent system user from the settings (firm org + externalRef). */
  readonly kravOgBetalinger: KravOgBetalingerClient;
  /** K&B as another system user of the same vendor (e.g. a second agent system user's externalRef). */
  kravOgBetalingerAs(systemUser: SystemUserSelector): KravOgBetalingerClient;
  readonly session: AltinnSession;
  readonly clientDelegation: ClientDelegationApi;
  readonly accessManagement: AccessManagementApi;
  /** The firm's employees as agents and their client packages (AM client administration). */
  readonly clientAdministration: ClientAdministrationApi;
  readonly vendor: VendorApi;
  /** PDP with a caller-supplied (service-owner) token and subscription key. */
  pdp(token: () => string | Promise<string>, subscriptionKey: string): PdpApi;
  /** System-browser ID-porten login, then the Altinn exchange; the token stays in `session`. */
  login(signal?: AbortSignal): Promise<AltinnUser>;
  /**
   * Logs in as a test person by national id, through an ID-porten whose login page offers a person picker
   * (the demo world's). The same authorization-code flow as `login`, with the form filled in by the app.
   */
  loginDemo(pid: string): Promise<AltinnUser>;
  logout(): void;
  dispose(): void;
}

export function openEnvironment(config: EnvironmentConfig, deps: EnvironmentServicesDeps): EnvironmentServices {
  const clock = deps.clock ?? systemClock;
  const http = deps.http ?? createHttpClient({ fetch: deps.fetch, clock, onExchange: deps.onExchange });
  const { endpoints, settings } = config;
  let disposed = false;
  const guard = (): void => {
    if (disposed)
      throw new AppError('ENVIRONMENT_CLOSED', `The ${config.label} environment has been closed.`, undefined, { environment: config.id });
  };

  const signingKey = async (): Promise<GrantSigningKey> => {
    guard();
    return deps.vault.signingKey(deps.keyEnvironment ?? config.id);
  };
  const maskinporten = new MaskinportenService({
    environment: config.id,
    http,
    clock,
    endpoint: endpoints.maskinporten,
    clientId: settings.maskinportenClientId,
    signingKey,
    onGrantSigned: deps.onGrantSigned,
  });

  const kravOgBetalingerAs = (systemUser: SystemUserSelector): KravOgBetalingerClient =>
    new KravOgBetalingerClient({
      http,
      baseUrl: endpoints.kravOgBetalinger,
      limiter: deps.kravOgBetalingerLimiter,
      tokens: {
        getToken: async (signal) =>
          (await maskinporten.systemUserToken(systemUser, [settings.scopes.kravOgBetalinger], signal)).accessToken,
        invalidate: (token) => maskinporten.invalidateToken(token),
      },
    });

  const session = new AltinnSession(clock);
  const altinnToken = (): string => {
    guard();
    return session.token();
  };
  const vendorToken = async (): Promise<string> => (await maskinporten.vendorToken(settings.scopes.vendor)).accessToken;
  const idportenClient: IdportenClient = { clientId: settings.idportenClientId, scopes: settings.idportenScopes };

  async function finishLogin(idportenAccessToken: string): Promise<AltinnUser> {
    const token = await exchangeToAltinnToken(http, endpoints.altinnPlatform, idportenAccessToken);
    guard();
    session.set(token);
    return session.user!;
  }

  return {
    config,
    http,
    clock,
    maskinporten,
    kravOgBetalinger: kravOgBetalingerAs({ orgNumber: settings.firmOrgNumber, externalRef: settings.externalRef }),
    kravOgBetalingerAs,
    session,
    clientDelegation: new ClientDelegationApi(http, endpoints.altinnPlatform, altinnToken),
    accessManagement: new AccessManagementApi(http, endpoints.altinnPlatform, altinnToken),
    clientAdministration: new ClientAdministrationApi(http, endpoints.altinnPlatform, altinnToken),
    vendor: new VendorApi(http, endpoints.altinnPlatform, vendorToken),
    pdp: (token, subscriptionKey) => new PdpApi(http, endpoints.altinnPlatform, token, subscriptionKey),
    async login(signal) {
      guard();
      if (!deps.openExternal) throw new AppError('NO_BROWSER', 'No way to open the system browser was provided.');
      const tokens = await loginWithSystemBrowser({
        http,
        endpoints: endpoints.idporten,
        client: idportenClient,
        openExternal: deps.openExternal,
        signal,
      });
      return finishLogin(tokens.accessToken);
    },
    async loginDemo(pid) {
      guard();
      const tokens = await loginDemoPerson({ http, endpoints: endpoints.idporten, client: idportenClient, pid });
      return finishLogin(tokens.accessToken);
    },
    logout: () => session.clear(),
    dispose() {
      disposed = true;
      session.clear();
      maskinporten.dispose();
    },
  };
}
