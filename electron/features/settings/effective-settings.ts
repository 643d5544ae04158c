// What Settings shows: the stored settings, each environment's addresses, and for the live environment the
// values in force (a demo world describes the firm and the vendor's ids itself).
import type { Settings } from '../../../shared/contract/app';
import { realEndpoints, type EnvironmentConfig, type EnvironmentEndpoints } from '../../platform/environments';

/** The environment the app is connected to; null while it is still connecting. */
export interface LiveEnvironment {
  config: EnvironmentConfig;
  /** The demo world's loopback admin API (faults, reset, traffic), where a world describes the environment. */
  worldAdminUrl: string | null;
}

const urlsOf = (e: EnvironmentEndpoints): Record<string, string> => ({
  maskinporten: e.maskinporten.issuer,
  idporten: e.idporten.issuer,
  altinn: e.altinnPlatform,
  altinnPortal: e.altinnPortal,
  kravOgBetalinger: e.kravOgBetalinger,
});

export function effectiveSettings(stored: Settings, live: LiveEnvironment | null): Settings {
  const current = structuredClone(stored);
  current.environments.test.urls = urlsOf(realEndpoints('test'));
  current.environments.production.urls = urlsOf(realEndpoints('production'));
  // Not connected yet: the demo world's addresses are shown once it runs.
  if (!live) return current;
  const { config } = live;
  const shown = current.environments[config.id];
  shown.urls = urlsOf(config.endpoints);
  if (live.worldAdminUrl) {
    shown.urls.demoAdmin = live.worldAdminUrl;
    Object.assign(shown, {
      firmOrgNumber: config.settings.firmOrgNumber,
      maskinportenClientId: config.settings.maskinportenClientId,
      systemId: config.settings.systemId,
      idportenClientId: config.settings.idportenClientId,
      scopes: [config.settings.scopes.kravOgBetalinger],
    });
  }
  return current;
}
