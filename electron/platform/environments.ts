// The three places the app can talk to: a demo world (default; its endpoints and ids come from the world's
// own description), Digdir/Altinn/Skatteetaten test (TT02), and production. Everything environment-specific
// is resolved here, so no other module hard-codes a host.
import { AppError } from '../../shared/errors';
import { isValidOrgNumber } from '../../shared/domain/orgnr';

export type EnvironmentId = 'demo' | 'test' | 'production';

export const KRAV_OG_BETALINGER_SCOPE = 'skatteetaten:kravogbetalinger';
export const VENDOR_SCOPES = {
  systemRegister: 'altinn:authentication/systemregister.write',
  requestWrite: 'altinn:authentication/systemuser.request.write',
  requestRead: 'altinn:authentication/systemuser.request.read',
} as const;
/** What the client administrator's calls need (altinn.md §3, §4.1), and so what the login asks for. */
export const ALTINN_END_USER_SCOPES = {
  clientDelegationsRead: 'altinn:clientdelegations.read',
  clientDelegationsWrite: 'altinn:clientdelegations.write',
  /** `enduser/authorizedparties`: how the app learns the firm's own party UUID. */
  authorizedParties: 'altinn:accessmanagement/authorizedparties',
} as const;
export const CLIENT_ADMIN_LOGIN_SCOPES = ['openid', ...Object.values(ALTINN_END_USER_SCOPES)] as const;

export interface EnvironmentEndpoints {
  maskinporten: { issuer: string; tokenEndpoint: string };
  idporten: { issuer: string; authorizationEndpoint: string; tokenEndpoint: string };
  /** Altinn platform host, no trailing slash: authentication/, accessmanagement/, authorization/ hang off it. */
  altinnPlatform: string;
  /** Access-management portal, the host of confirmUrl. */
  altinnPortal: string;
  /** Krav og betalinger base including `/v1`. */
  kravOgBetalinger: string;
}

/** What the user (or the firm's setup) configures per environment. */
export interface EnvironmentSettings {
  firmOrgNumber: string;
  /** The firm's name where the environment tells it; the org number is shown otherwise. */
  firmName?: string;
  /** The date open claims are counted against when the environment's services run on a clock of their own. */
  referenceDate?: string;
  maskinportenClientId: string;
  /** The kid registered at Maskinporten; the vault's newest active key is used when absent. */
  kid?: string;
  scopes: { kravOgBetalinger: string; vendor: readonly string[] };
  idportenClientId: string;
  idportenScopes: readonly string[];
  systemId: string;
  /** The agent system user's externalRef, when it was created with one. */
  externalRef?: string;
  /** The Altinn resource K&B authorises against (for PDP look-ups). */
  kravOgBetalingerResource: string;
  /** Ocp-Apim-Subscription-Key for the PDP, when the firm has one. */
  pdpSubscriptionKey?: string;
}

export interface EnvironmentConfig {
  id: EnvironmentId;
  label: string;
  endpoints: EnvironmentEndpoints;
  settings: EnvironmentSettings;
}

const REAL_ENDPOINTS: Record<Exclude<EnvironmentId, 'demo'>, EnvironmentEndpoints> = {
  test: {
    maskinporten: { issuer: 'https://test.maskinporten.no/', tokenEndpoint: 'https://test.maskinporten.no/token' },
    // ID-porten's published OIDC metadata; the reference marks the hosts UNCONFIRMED, so keep them overridable.
    idporten: {
      issuer: 'https://test.idporten.no',
      authorizationEndpoint: 'https://login.test.idporten.no/authorize',
      tokenEndpoint: 'https://test.idporten.no/token',
    },
    altinnPlatform: 'https://platform.tt02.altinn.no',
    altinnPortal: 'https://am.ui.tt02.altinn.no/accessmanagement/ui/',
    kravOgBetalinger: 'https://kravogbetalinger.api.skatteetaten-test.no/v1',
  },
  production: {
    maskinporten: { issuer: 'https://maskinporten.no/', tokenEndpoint: 'https://maskinporten.no/token' },
    idporten: {
      issuer: 'https://idporten.no',
      authorizationEndpoint: 'https://login.idporten.no/authorize',
      tokenEndpoint: 'https://idporten.no/token',
    },
    altinnPlatform: 'https://platform.altinn.no',
    altinnPortal: 'https://am.ui.altinn.no/accessmanagement/ui/',
    kravOgBetalinger: 'https://kravogbetalinger.api.skatteetaten.no/v1',
  },
};

export function realEndpoints(id: 'test' | 'production'): EnvironmentEndpoints {
  return structuredClone(REAL_ENDPOINTS[id]);
}

/** The URLs a running demo world reports (`DemoWorld.urls`, K&B without /v1). */
export interface DemoWorldUrlsLike {
  maskinporten: string;
  idporten: string;
  altinn: string;
  skatteetaten: string;
}

export function demoEndpoints(urls: DemoWorldUrlsLike, maskinportenIssuer?: string): EnvironmentEndpoints {
  const base = (u: string): string => u.replace(/\/+$/, '');
  return {
    maskinporten: {
      issuer: maskinportenIssuer ?? `${base(urls.maskinporten)}/`,
      tokenEndpoint: `${base(urls.maskinporten)}/token`,
    },
    idporten: {
      issuer: base(urls.idporten),
      authorizationEndpoint: `${base(urls.idporten)}/authorize`,
      tokenEndpoint: `${base(urls.idporten)}/token`,
    },
    altinnPlatform: base(urls.altinn),
    altinnPortal: `${base(urls.altinn)}/accessmanagement/ui/`,
    kravOgBetalinger: `${base(urls.skatteetaten)}/v1`,
  };
}

const COMMON_SETTINGS = {
  scopes: { kravOgBetalinger: KRAV_OG_BETALINGER_SCOPE, vendor: Object.values(VENDOR_SCOPES) },
  idportenScopes: CLIENT_ADMIN_LOGIN_SCOPES,
  kravOgBetalingerResource: 'ske-krav-og-betalinger',
};

/** The demo world's seed (actors.md §5). */
export const DEMO_SETTINGS: EnvironmentSettings = {
  ...COMMON_SETTINGS,
  firmOrgNumber: '310000027',
  maskinportenClientId: 'b7e2c0de-5a4f-4c1b-9e3d-7f6a5b4c3d21',
  kid: 'smartcloud-demo-2026-1',
  idportenClientId: '3f9a1c52-7d4e-4b8a-a1c0-5e6f7a8b9c0d',
  systemId: '310000019_smartregnskap',
};

/** Defaults for a real environment; the firm and vendor fill in their own ids. */
export function emptySettings(): EnvironmentSettings {
  return { ...COMMON_SETTINGS, firmOrgNumber: '', maskinportenClientId: '', idportenClientId: '', systemId: '' };
}

/**
 * What each environment brings of its own. Demo has no fixed addresses (a demo world describes the endpoints it
 * listens on) and its settings default to the world's seed; Test and Production have the documented real hosts
 * and settings the firm and vendor fill in.
 */
interface CatalogEntry {
  label: string;
  fixedEndpoints: () => EnvironmentEndpoints | undefined;
  defaults: () => EnvironmentSettings;
}

const CATALOG: Record<EnvironmentId, CatalogEntry> = {
  demo: { label: 'Demo', fixedEndpoints: () => undefined, defaults: () => DEMO_SETTINGS },
  test: { label: 'Test (TT02)', fixedEndpoints: () => realEndpoints('test'), defaults: emptySettings },
  production: { label: 'Production', fixedEndpoints: () => realEndpoints('production'), defaults: emptySettings },
};

/** Whether the environment's addresses are known without a demo world to describe them. */
export const hasFixedEndpoints = (id: EnvironmentId): boolean => CATALOG[id].fixedEndpoints() !== undefined;

export function buildEnvironment(
  id: EnvironmentId,
  settings: Partial<EnvironmentSettings>,
  options: {
    /** Where a demo world describes the environment: the endpoints it listens on. */
    endpoints?: EnvironmentEndpoints;
    demoUrls?: DemoWorldUrlsLike;
    demoMaskinportenIssuer?: string;
    endpointOverrides?: Partial<EnvironmentEndpoints>;
  } = {},
): EnvironmentConfig {
  const entry = CATALOG[id];
  const endpoints =
    options.endpoints ?? (options.demoUrls ? demoEndpoints(options.demoUrls, options.demoMaskinportenIssuer) : entry.fixedEndpoints());
  if (!endpoints) throw new AppError('DEMO_NOT_RUNNING', 'The demo world is not running, so its addresses are unknown.');
  const merged: EnvironmentSettings = { ...entry.defaults(), ...settings };
  return { id, label: entry.label, endpoints: { ...endpoints, ...options.endpointOverrides }, settings: merged };
}

export type SettingsProblem = { field: keyof EnvironmentSettings; message: string };

/** What is missing before the operational flow can run in this environment. */
export function settingsProblems(settings: EnvironmentSettings): SettingsProblem[] {
  const problems: SettingsProblem[] = [];
  if (!isValidOrgNumber(settings.firmOrgNumber))
    problems.push({ field: 'firmOrgNumber', message: 'The firm organisation number is missing or invalid.' });
  if (!/^[0-9a-f-]{36}$/i.test(settings.maskinportenClientId))
    problems.push({ field: 'maskinportenClientId', message: 'The Maskinporten client id must be a UUID.' });
  if (!/^\d{9}_\S+$/.test(settings.systemId))
    problems.push({ field: 'systemId', message: 'The system id must look like <vendor org number>_<name>.' });
  return problems;
}

/** The portal page where the end user approves a system-user request (altinn.md §6.3). */
export function confirmUrl(endpoints: EnvironmentEndpoints, requestId: string, kind: 'agent' | 'standard'): string {
  const page = kind === 'agent' ? 'systemuser/agentrequest' : 'systemuser/request';
  return `${endpoints.altinnPortal}${page}?id=${encodeURIComponent(requestId)}&DONTCHOOSEREPORTEE=true`;
}
