// Ways the chain breaks, each played for real so the view can show which actor says no, and why.
import type { ActorId, FailureId } from '../../../shared/contract/actorflow';
import { AppError } from '../../../shared/errors';
import { ClientDelegationApi } from '../../services/altinn/client-delegation';
import { systemClock } from '../../platform/http/clock';
import { postForm } from '../../platform/http/form';
import { parseJsonOrUndefined, str } from '../../platform/http/lenient-json';
import { maskinportenError } from '../../services/maskinporten/errors';
import { buildGrant, type GrantSpec } from '../../services/maskinporten/grant';
import { JWT_BEARER_GRANT_TYPE } from '../../services/maskinporten/token-client';
import { systemUserToken } from './operational-steps';
import { ensureKeyInWorld } from './preparation-steps';
import { signInEndUser } from './end-user-login';
import { CLIENTS, TWO_PACKAGE_EXTERNAL_REF } from './story';
import type { StepContext, StepRunner } from './step-context';

export interface FailureCase {
  /** The actor expected to refuse, and the code it refuses with. */
  stopsAt: ActorId;
  code: string;
  /** Relies on the demo world's people and clients. */
  demoOnly: boolean;
  run: StepRunner;
}

// Far enough back that no clock difference between us and Maskinporten can make it look fresh.
const EXPIRED_BY_SECONDS = 600;

export const FAILURE_CASES: Record<FailureId, FailureCase> = {
  notDelegated: {
    stopsAt: 'skatteetaten',
    code: 'DAS-008',
    demoOnly: true,
    async run(ctx) {
      const token = await systemUserToken(ctx);
      ctx.fact('clientOrgNumber', CLIENTS.notDelegatedInReady);
      await ctx.services.kravOgBetalinger(token.accessToken).openClaims(CLIENTS.notDelegatedInReady);
    },
  },
  noClientAdmin: {
    stopsAt: 'altinn',
    code: 'NO_CLIENT_ADMIN',
    demoOnly: true,
    async run(ctx) {
      const kari = await signInEndUser(ctx, 'kari');
      ctx.fact('pid', kari.pid ?? '');
      await new ClientDelegationApi(ctx.services.http, ctx.target.config.endpoints.altinnPlatform, () => kari.token).listAgentSystemUsers(
        ctx.target.config.settings.firmOrgNumber,
      );
    },
  },
  expiredGrant: {
    stopsAt: 'maskinporten',
    code: 'MP-130',
    demoOnly: false,
    async run(ctx) {
      const grant = await signGrant(ctx, nowSeconds() - EXPIRED_BY_SECONDS);
      await postGrant(ctx, grant);
    },
  },
  replayedGrant: {
    stopsAt: 'maskinporten',
    code: 'MP-012',
    demoOnly: false,
    async run(ctx) {
      const grant = await signGrant(ctx, nowSeconds());
      // The first use may succeed or fail for other reasons; either way Maskinporten has now seen the jti.
      await postGrant(ctx, grant).catch(() => undefined);
      await postGrant(ctx, grant);
    },
  },
  missingPackage: {
    stopsAt: 'altinn',
    code: 'AUTH-00080',
    demoOnly: true,
    async run(ctx) {
      if (!ctx.state.session.isLoggedIn) ctx.state.session.set(await signInEndUser(ctx, 'morten'));
      ctx.recorder.actingAs = 'enduser';
      const { settings } = ctx.target.config;
      const api = ctx.services.clientDelegation;
      const agents = await api.listAgentSystemUsers(settings.firmOrgNumber);
      const twoPackages = agents.find((a) => a.externalRef === TWO_PACKAGE_EXTERNAL_REF);
      if (!twoPackages) {
        throw new AppError(
          'NEEDS_READY_PRESET',
          'The system user with two packages (SU-B) exists only in the "ready" state: reset the demo world to "ready" and try again.',
        );
      }
      ctx.fact('systemUserId', twoPackages.id);
      ctx.fact('systemUserPackages', twoPackages.packages.join(', '));
      ctx.fact('clientOrgNumber', CLIENTS.lacksSkattegrunnlag);
      // Offered (it gives one of SU-B's packages), so Altinn names its party UUID; the AND rule then refuses it.
      const offered = (await api.availableClients(twoPackages.id)).find((c) => c.orgNumber === CLIENTS.lacksSkattegrunnlag);
      if (!offered) throw new AppError('CLIENT_NOT_AVAILABLE', `Altinn does not offer ${CLIENTS.lacksSkattegrunnlag} to SU-B.`);
      await api.addClient(twoPackages.id, offered.partyUuid);
    },
  },
};

const nowSeconds = (): number => Math.floor(systemClock.now() / 1000);

/** SmartRegnskap's usual grant, but signed by hand so the case controls its time and how often it is sent. */
async function signGrant(ctx: StepContext, issuedAtSeconds: number): Promise<string> {
  const { config } = ctx.target;
  await ensureKeyInWorld(ctx);
  const spec: GrantSpec = {
    clientId: config.settings.maskinportenClientId,
    audience: config.endpoints.maskinporten.issuer,
    scopes: [config.settings.scopes.kravOgBetalinger],
    systemUser: { orgNumber: config.settings.firmOrgNumber },
  };
  return buildGrant(spec, ctx.key.signing, issuedAtSeconds);
}

/** Posts a given grant once, without the token client's clock-skew retry, which would hide MP-130. */
async function postGrant(ctx: StepContext, grant: string): Promise<void> {
  ctx.recorder.actingAs = 'vendor';
  ctx.recorder.onGrantSigned(grant);
  const res = await postForm(ctx.services.http, {
    service: 'maskinporten',
    operation: 'token',
    url: ctx.target.config.endpoints.maskinporten.tokenEndpoint,
    accept: 'application/json',
    form: { grant_type: JWT_BEARER_GRANT_TYPE, assertion: grant },
  });
  if (!res.ok) throw maskinportenError(res);
  const accessToken = str(parseJsonOrUndefined(res.bodyText), 'access_token');
  if (accessToken) ctx.recorder.noteAccessToken(accessToken);
}
