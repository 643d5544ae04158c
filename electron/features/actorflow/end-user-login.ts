// An end user's way to an Altinn token: ID-porten (authorization code + PKCE), then Altinn's token exchange.
// In the demo world a test person is picked by national id; in Test the real login runs in the system browser.
import { AppError } from '../../../shared/errors';
import { loginDemoPerson } from '../../services/altinn/demo-login';
import { loginWithSystemBrowser } from '../../services/altinn/idporten-login';
import { exchangeToAltinnToken, type AltinnToken } from '../../services/altinn/token-exchange';
import { personPid } from './story';
import type { StepContext } from './step-context';

export async function signInEndUser(ctx: StepContext, who: 'morten' | 'kari'): Promise<AltinnToken> {
  const { config, world } = ctx.target;
  const { endpoints, settings } = config;
  const http = ctx.services.http;
  const client = { clientId: settings.idportenClientId, scopes: settings.idportenScopes };
  ctx.recorder.actingAs = 'enduser';
  let idporten: { accessToken: string };
  if (world) {
    idporten = await loginDemoPerson({ http, endpoints: endpoints.idporten, client, pid: personPid(world, who) });
  } else {
    if (!ctx.openExternal) throw new AppError('NO_BROWSER', 'Signing in needs the system browser, which only the desktop app can open.');
    idporten = await loginWithSystemBrowser({ http, endpoints: endpoints.idporten, client, openExternal: ctx.openExternal });
  }
  return exchangeToAltinnToken(http, endpoints.altinnPlatform, idporten.accessToken);
}
