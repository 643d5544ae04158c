// The app's own service clients, composed for one step of the flow. Unlike the app's environment services
// there is no token cache: every step that needs a token signs its own grant, because seeing that happen is
// the point of the view. Every call is reported to the step's recorder.
import { AltinnSession } from '../../services/altinn/altinn-session';
import { ClientDelegationApi } from '../../services/altinn/client-delegation';
import { VendorApi } from '../../services/altinn/vendor';
import type { EnvironmentConfig } from '../../platform/environments';
import { systemClock, type Clock } from '../../platform/http/clock';
import { createHttpClient, type HttpClient } from '../../platform/http/http-client';
import type { SystemUserSelector } from '../../services/maskinporten/grant';
import { MaskinportenTokenClient, type MaskinportenToken } from '../../services/maskinporten/token-client';
import { KravOgBetalingerClient } from '../../services/skatteetaten/krav-og-betalinger-client';
import type { FlowKey } from './flow-key';
import type { ExchangeRecorder } from './recorder';

export interface FlowServices {
  config: EnvironmentConfig;
  http: HttpClient;
  /** A new token from a new grant; the token's claims are shown on the exchange that fetched it. */
  token(scopes: readonly string[], systemUser?: SystemUserSelector): Promise<MaskinportenToken>;
  vendor: VendorApi;
  clientDelegation: ClientDelegationApi;
  /** Krav og betalinger called with a token the step already holds. */
  kravOgBetalinger(accessToken: string): KravOgBetalingerClient;
}

export interface FlowServicesOptions {
  config: EnvironmentConfig;
  key: FlowKey;
  recorder: ExchangeRecorder;
  /** Morten's Altinn login; it outlives the step that made it. */
  session: AltinnSession;
  fetch?: typeof fetch;
  clock?: Clock;
}

// One try per call: a retried call would show up as a second exchange and muddle the story.
const ATTEMPTS_PER_CALL = 1;

export function createFlowServices(options: FlowServicesOptions): FlowServices {
  const { config, key, recorder, session } = options;
  const http = createHttpClient({
    fetch: options.fetch,
    clock: options.clock,
    onExchange: recorder.onExchange,
    defaultMaxAttempts: ATTEMPTS_PER_CALL,
  });
  const tokenClient = new MaskinportenTokenClient({
    http,
    clock: options.clock ?? systemClock,
    endpoint: config.endpoints.maskinporten,
    clientId: config.settings.maskinportenClientId,
    signingKey: () => Promise.resolve(key.signing),
    onGrantSigned: recorder.onGrantSigned,
  });

  async function token(scopes: readonly string[], systemUser?: SystemUserSelector): Promise<MaskinportenToken> {
    const issued = await tokenClient.requestToken({ scopes, systemUser });
    recorder.noteAccessToken(issued.accessToken);
    return issued;
  }

  const vendorToken = async (): Promise<string> => (await token(config.settings.scopes.vendor)).accessToken;
  const platform = config.endpoints.altinnPlatform;

  return {
    config,
    http,
    token,
    vendor: new VendorApi(http, platform, vendorToken),
    clientDelegation: new ClientDelegationApi(http, platform, () => session.token()),
    kravOgBetalinger: (accessToken) =>
      new KravOgBetalingerClient({
        http,
        baseUrl: config.endpoints.kravOgBetalinger,
        tokens: { getToken: () => Promise.resolve(accessToken), invalidate: () => undefined },
      }),
  };
}
