// The operational phase end to end, without a UI (actors.md §3, phase 3): sign a grant, get the firm's
// system-user token, call Krav og betalinger for the delegated clients, and show what happens for a client
// that is not delegated. Used by `npm run flow` and by the integration tests.
import { importJWK, jwtVerify } from 'jose';
import { isServiceError, type ServiceError } from '../../platform/errors';
import type { Exchange } from '../../platform/http/http-client';
import type { Clock } from '../../platform/http/clock';
import { exchangeToAltinnToken } from '../../services/altinn/token-exchange';
import type { PdpDecision } from '../../services/altinn/pdp';
import type { EnvironmentConfig } from '../../platform/environments';
import { openEnvironment } from '../../services/environment-services';
import type { KeyVault, PublicJwk } from '../../platform/keys/key-vault';
import { summariseAccessToken } from '../../services/maskinporten/access-token';
import { AppError } from '../../../shared/errors';
import type { KravOgBetalingerClient } from '../../services/skatteetaten/krav-og-betalinger-client';

export interface FlowStep {
  name: string;
  ok: boolean;
  detail: string;
}

export interface FlowClientResult {
  orgNumber: string;
  ok: boolean;
  status?: number;
  code?: string;
  message?: string;
  korrelasjonsid?: string;
  openClaims?: { withheld: boolean; claims: number; overdue: number; notDue: number; estimatedInterest: number; balance: number };
}

export interface FlowAuthorization {
  orgNumber: string;
  /** What Skatteetaten answered: 403 DAS-008 is the expected "not delegated". */
  kravOgBetalinger: { status?: number; code: string; korrelasjonsid?: string; message: string };
  /** Altinn's own decision, when the flow could ask the PDP (demo only: it borrows Skatteetaten's client). */
  pdp?: { decision: PdpDecision } | { error: string };
}

export interface FlowReport {
  environment: string;
  grant: string;
  publicJwk: PublicJwk;
  grantVerified: boolean;
  tokenResponse: { token_type: string; expires_in: number; scope?: string };
  tokenClaims: Record<string, unknown>;
  systemUserId?: string;
  tokenRequests: number;
  clients: FlowClientResult[];
  authorization?: FlowAuthorization;
  steps: FlowStep[];
}

export interface PdpAccess {
  /** Skatteetaten's Maskinporten client id (the PDP caller). */
  clientId: string;
  subscriptionKey: string;
  resource: string;
}

export interface FlowOptions {
  config: EnvironmentConfig;
  vault: KeyVault;
  /** Demo: the world's admin API. Real environments: the key must already be uploaded (the flow says so). */
  registerJwk?: (clientId: string, jwk: PublicJwk) => void | Promise<void>;
  delegatedClients: readonly string[];
  undelegatedClient?: string;
  pdp?: PdpAccess;
  onStep?: (step: FlowStep) => void;
  onExchange?: (exchange: Exchange) => void;
  fetch?: typeof fetch;
  clock?: Clock;
}

/** A failed step: the flow stops and the CLI exits non-zero with this message. */
export class FlowStepError extends AppError {
  constructor(
    readonly step: string,
    message: string,
    cause?: unknown,
  ) {
    super('FLOW_STEP_FAILED', `${step}: ${message}`, { step, ...(isServiceError(cause) ? { serviceCode: cause.code } : {}) });
    if (cause !== undefined) (this as { cause?: unknown }).cause = cause;
  }
}

export async function runOperationalFlow(options: FlowOptions): Promise<FlowReport> {
  const { config, vault } = options;
  const { settings } = config;
  const steps: FlowStep[] = [];
  const record = (name: string, ok: boolean, detail: string): void => {
    const step = { name, ok, detail };
    steps.push(step);
    options.onStep?.(step);
  };
  async function step<T>(name: string, run: () => Promise<T>, describe: (v: T) => string): Promise<T> {
    try {
      const value = await run();
      record(name, true, describe(value));
      return value;
    } catch (e) {
      const message = isServiceError(e) ? `${e.code} — ${e.message}` : e instanceof Error ? e.message : String(e);
      record(name, false, message);
      throw new FlowStepError(name, message, e);
    }
  }

  // 1. Key
  const key = await step(
    'signing key',
    async () => {
      const existing = vault.list(config.id).find((k) => k.status === 'active' && (!settings.kid || k.kid === settings.kid));
      return existing ?? vault.generate({ environment: config.id, kid: settings.kid });
    },
    (k) => `RSA-2048 key ${k.kid}, valid until ${k.expiresAt.slice(0, 10)}`,
  );

  // 2. Public key at Maskinporten
  await step(
    'register public JWK',
    async () => {
      if (options.registerJwk) await options.registerJwk(settings.maskinportenClientId, key.publicJwk);
      return Boolean(options.registerJwk);
    },
    (registered) =>
      registered
        ? `registered kid ${key.kid} for client ${settings.maskinportenClientId}`
        : `not registered by the flow: kid ${key.kid} must already be uploaded to Maskinporten`,
  );

  let grant = '';
  const env = openEnvironment(config, {
    vault,
    fetch: options.fetch,
    clock: options.clock,
    onExchange: options.onExchange,
    onGrantSigned: (g) => (grant = g),
  });
  try {
    // 3. Grant → token
    const systemUser = { orgNumber: settings.firmOrgNumber, externalRef: settings.externalRef };
    const token = await step(
      'system-user token',
      () => env.maskinporten.systemUserToken(systemUser, [settings.scopes.kravOgBetalinger]),
      (t) =>
        `token for firm ${settings.firmOrgNumber}${settings.externalRef ? ` (externalRef ${settings.externalRef})` : ''}, expires in ${t.expiresInSeconds} s`,
    );
    const grantVerified = await jwtVerify(grant, await importJWK(key.publicJwk, 'RS256'), {
      issuer: settings.maskinportenClientId,
      audience: config.endpoints.maskinporten.issuer,
    }).then(
      () => true,
      () => false,
    );
    const summary = summariseAccessToken(token.accessToken);
    record(
      'token claims',
      summary !== undefined,
      summary
        ? `system user ${summary.systemUserId ?? '?'} of ${summary.systemUserOrg ?? '?'}, system ${summary.systemId ?? '?'}`
        : 'the token is not a JWT',
    );

    // 4. K&B for the delegated clients (the limiter keeps it at 5 at a time)
    const clients = await Promise.all(options.delegatedClients.map((org) => openClaimsFor(env.kravOgBetalinger, org)));
    const failed = clients.filter((c) => !c.ok);
    record(
      'krav og betalinger',
      failed.length === 0,
      `${clients.length - failed.length} of ${clients.length} delegated clients answered` +
        (failed.length ? `; failed: ${failed.map((f) => `${f.orgNumber} ${f.code}`).join(', ')}` : ''),
    );
    if (failed.length > 0) throw new FlowStepError('krav og betalinger', `${failed[0]!.orgNumber}: ${failed[0]!.message}`);

    // 5. A client that is not delegated
    let authorization: FlowAuthorization | undefined;
    if (options.undelegatedClient) {
      const org = options.undelegatedClient;
      const answer = await openClaimsFor(env.kravOgBetalinger, org);
      if (answer.ok) {
        record('undelegated client', false, `${org} answered 200 although it is not delegated`);
        throw new FlowStepError('undelegated client', `${org} answered 200 although it is not delegated`);
      }
      authorization = {
        orgNumber: org,
        kravOgBetalinger: { status: answer.status, code: answer.code!, korrelasjonsid: answer.korrelasjonsid, message: answer.message! },
      };
      if (options.pdp && summary?.systemUserId) {
        authorization.pdp = await askPdp(options, config, key.publicJwk, summary.systemUserId, org).then(
          (decision) => ({ decision }),
          (e: unknown) => ({ error: e instanceof Error ? e.message : String(e) }),
        );
      }
      record(
        'undelegated client',
        true,
        `${org}: HTTP ${answer.status} ${answer.code}` +
          (authorization.pdp
            ? `; PDP says ${'decision' in authorization.pdp ? authorization.pdp.decision : `(unavailable: ${authorization.pdp.error})`}`
            : ''),
      );
    }

    return {
      environment: config.id,
      grant,
      publicJwk: key.publicJwk,
      grantVerified,
      tokenResponse: { token_type: token.tokenType, expires_in: token.expiresInSeconds, ...(token.scope ? { scope: token.scope } : {}) },
      tokenClaims: (summary?.claims ?? {}) as Record<string, unknown>,
      systemUserId: summary?.systemUserId,
      tokenRequests: env.maskinporten.tokenRequestCount,
      clients,
      authorization,
      steps,
    };
  } finally {
    env.dispose();
  }
}

async function openClaimsFor(kb: KravOgBetalingerClient, orgNumber: string): Promise<FlowClientResult> {
  try {
    const open = await kb.openClaims(orgNumber);
    return {
      orgNumber,
      ok: true,
      status: 200,
      openClaims: {
        withheld: open.withheld,
        claims: open.claims.length,
        overdue: open.totals.overdue,
        notDue: open.totals.notDue,
        estimatedInterest: open.totals.estimatedInterest,
        balance: open.totals.balance,
      },
    };
  } catch (e) {
    if (!isServiceError(e)) throw e;
    const se: ServiceError = e;
    return { orgNumber, ok: false, status: se.status, code: se.code, message: se.message, korrelasjonsid: se.korrelasjonsid };
  }
}

/**
 * Asks Altinn's PDP the question Skatteetaten asks on every call. Only Skatteetaten may ask it, so in the
 * demo the flow registers its public key on Skatteetaten's demo client and plays Skatteetaten for one call.
 */
async function askPdp(
  options: FlowOptions,
  config: EnvironmentConfig,
  jwk: PublicJwk,
  systemUserId: string,
  org: string,
): Promise<PdpDecision> {
  const pdp = options.pdp!;
  // A kid is unique across all Maskinporten clients, so Skatteetaten's role gets a key of its own.
  const keyEnvironment = `${config.id}-pdp`;
  const key =
    options.vault.list(keyEnvironment).find((k) => k.status === 'active') ??
    (await options.vault.generate({ environment: keyEnvironment, kid: `${jwk.kid}-pdp` }));
  if (options.registerJwk) await options.registerJwk(pdp.clientId, key.publicJwk);
  const env = openEnvironment(
    { ...config, settings: { ...config.settings, maskinportenClientId: pdp.clientId } },
    {
      vault: options.vault,
      keyEnvironment,
      fetch: options.fetch,
      clock: options.clock,
      onExchange: options.onExchange,
    },
  );
  try {
    const mpToken = await env.maskinporten.vendorToken(['altinn:authorization/authorize']);
    const altinn = await exchangeToAltinnToken(env.http, config.endpoints.altinnPlatform, mpToken.accessToken, 'maskinporten');
    const answer = await env
      .pdp(() => altinn.token, pdp.subscriptionKey)
      .authorize({ systemUserId, resource: pdp.resource, clientOrgNumber: org });
    return answer.decision;
  } finally {
    env.dispose();
  }
}
