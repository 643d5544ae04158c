// Phases 0–2 of the example: Skatteetaten's resource, SmartCloud registering SmartRegnskap and asking the
// firm for an agent system user, and Morten approving it and delegating a client.
import { AppError } from '../../../shared/errors';
import { isServiceError } from '../../platform/errors';
import { field, parseJsonOrUndefined, str } from '../../platform/http/lenient-json';
import { decideInDemoPortal } from './approval-page';
import { signInEndUser } from './end-user-login';
import { jwkThumbprint } from './flow-key';
import { AGENT_REQUEST, personPid, POLICY_PACKAGES, SKATTEETATEN, SYSTEM, vendorOrgOfSystem } from './story';
import { RunFirstError, type StepContext } from './step-context';

/** Skatteetaten's resource and scope. Real Altinn publishes the resource openly; the demo world does not, so the seed stands in. */
export async function showResource(ctx: StepContext): Promise<void> {
  const { settings, endpoints } = ctx.target.config;
  ctx.recorder.actingAs = 'skatteetaten';
  const resourceId = settings.kravOgBetalingerResource;
  const res = await ctx.services.http.send({
    service: 'altinn',
    operation: 'resource registry',
    method: 'GET',
    url: `${endpoints.altinnPlatform}/resourceregistry/api/v1/resource/${encodeURIComponent(resourceId)}`,
    headers: { Accept: 'application/json' },
  });
  const published = res.ok ? parseJsonOrUndefined(res.bodyText) : undefined;
  ctx.fact('resourceId', str(published, 'identifier') ?? resourceId);
  ctx.fact('resourceTitle', str(field(published, 'title'), 'nb') ?? 'Krav og betalinger');
  ctx.fact('competentAuthority', str(field(published, 'hasCompetentAuthority'), 'organization') ?? SKATTEETATEN.orgNumber);
  ctx.fact('scope', settings.scopes.kravOgBetalinger);
  if (ctx.target.world) {
    ctx.fact('policyPackages', POLICY_PACKAGES.join(', '));
    ctx.fact('scopeGrantedTo', ctx.target.world.info.vendor.orgNo);
  }
  if (!published) ctx.fact('note', 'resourceFromSeed');
}

/** SmartCloud's Maskinporten client and public key. In the demo world its admin API plays Samarbeidsportalen. */
export async function registerKey(ctx: StepContext): Promise<void> {
  const world = ctx.target.world;
  if (!world) throw new AppError('DEMO_ONLY', 'In a real environment the key is uploaded in Samarbeidsportalen; see Keys.');
  const clientId = ctx.target.config.settings.maskinportenClientId;
  await ctx.keys.register(world, clientId, ctx.key);
  ctx.fact('maskinportenClient', clientId);
  ctx.fact('kid', ctx.key.publicJwk.kid);
  ctx.fact('keySource', ctx.key.source);
  ctx.fact('jwkThumbprint', await jwkThumbprint(ctx.key.publicJwk));
  ctx.fact('clientScopes', world.info.vendor.scopes.join(' '));
  ctx.fact('note', 'keyRegisteredByAdmin');
}

export async function registerSystem(ctx: StepContext): Promise<void> {
  const { settings } = ctx.target.config;
  await ensureKeyInWorld(ctx);
  ctx.recorder.actingAs = 'vendor';
  try {
    const internalId = await ctx.services.vendor.registerSystem({
      id: settings.systemId,
      vendorOrgNumber: vendorOrgOfSystem(settings.systemId),
      name: { ...SYSTEM.name },
      description: { ...SYSTEM.description },
      accessPackages: SYSTEM.packages,
      clientIds: [settings.maskinportenClientId],
      allowedRedirectUrls: ctx.target.world ? [SYSTEM.demoRedirectUrl] : [],
      // Client packages are never assignable, so the system must stay out of the portal's list.
      isVisible: false,
    });
    ctx.fact('systemInternalId', internalId);
  } catch (e) {
    // "The System already exist": the registration is done, which is all this step is about.
    if (!(isServiceError(e) && e.status === 409)) throw e;
    ctx.fact('note', 'systemAlreadyRegistered');
  }
  ctx.fact('systemId', settings.systemId);
  ctx.fact('systemPackages', SYSTEM.packages.join(', '));
}

export async function requestSystemUser(ctx: StepContext): Promise<void> {
  const { settings } = ctx.target.config;
  await ensureKeyInWorld(ctx);
  ctx.recorder.actingAs = 'vendor';
  try {
    const { request, created } = await ctx.services.vendor.createAgentRequest({
      systemId: settings.systemId,
      partyOrgNo: settings.firmOrgNumber,
      accessPackages: AGENT_REQUEST.packages,
      integrationTitle: AGENT_REQUEST.title,
      redirectUrl: ctx.target.world ? SYSTEM.demoRedirectUrl : undefined,
    });
    ctx.state.request = request;
    ctx.fact('requestOutcome', created ? 'created' : 'existing');
  } catch (e) {
    // AUTH-00004: the firm already approved this request, so the system user exists. Show the request as it stands.
    if (!(isServiceError(e) && e.code === 'AUTH-00004')) throw e;
    ctx.state.request = await ctx.services.vendor.getAgentRequestByExternalRef(
      settings.systemId,
      settings.firmOrgNumber,
      settings.firmOrgNumber,
    );
    ctx.fact('requestOutcome', 'systemUserExists');
  }
  const request = ctx.state.request;
  ctx.fact('requestId', request.id);
  ctx.fact('requestStatus', request.status);
  ctx.fact('partyOrgNo', request.partyOrgNo);
  if (request.confirmUrl) ctx.fact('confirmUrl', request.confirmUrl);
}

export async function signIn(ctx: StepContext): Promise<void> {
  const altinn = await signInEndUser(ctx, 'morten');
  ctx.state.session.set(altinn);
  if (altinn.pid) ctx.fact('pid', altinn.pid);
  if (altinn.authLevel) ctx.fact('authLevel', altinn.authLevel);
  ctx.fact('scopes', ctx.target.config.settings.idportenScopes.join(' '));
}

export async function approveRequest(ctx: StepContext): Promise<void> {
  const request = ctx.state.request;
  if (!request?.confirmUrl)
    throw new RunFirstError('vendor.request', 'SmartCloud has not sent the request yet: run "The request to the firm" first.');
  const world = ctx.target.world;
  ctx.fact('confirmUrl', request.confirmUrl);
  if (world && request.status === 'New') {
    ctx.recorder.actingAs = 'enduser';
    await decideInDemoPortal(ctx.services.http, { confirmUrl: request.confirmUrl, pid: personPid(world, 'morten'), decision: 'approve' });
  } else if (!world) {
    ctx.fact('note', 'openConfirmUrl');
  }
  // SmartCloud learns the outcome only by asking (the portal's redirect carries nothing).
  ctx.recorder.actingAs = 'vendor';
  ctx.state.request = await ctx.services.vendor.getAgentRequest(request.id);
  ctx.fact('requestStatus', ctx.state.request.status);
}

export async function delegateClient(ctx: StepContext): Promise<void> {
  if (!ctx.state.session.isLoggedIn) throw new RunFirstError('enduser.login', 'Morten is not signed in: run "Morten signs in" first.');
  const { settings } = ctx.target.config;
  const api = ctx.services.clientDelegation;
  ctx.recorder.actingAs = 'enduser';
  const agents = await api.listAgentSystemUsers(settings.firmOrgNumber);
  // The story's system user is the one created without an externalRef, which Altinn stores as the firm's org number.
  const agent =
    agents.find((a) => a.systemId === settings.systemId && (a.externalRef ?? settings.firmOrgNumber) === settings.firmOrgNumber) ??
    agents.find((a) => a.systemId === settings.systemId);
  if (!agent)
    throw new RunFirstError('enduser.approve', 'The firm has no agent system user for SmartRegnskap yet: approve the request first.');
  ctx.state.systemUserId = agent.id;
  const available = await api.availableClients(agent.id);
  // Altinn addresses the client by the party UUID it listed; an organisation it does not offer has none to send.
  const chosen = available.find((c) => c.orgNumber === ctx.clientOrgNumber && c.partyUuid !== '');
  if (!chosen) {
    throw new AppError(
      'CLIENT_NOT_AVAILABLE',
      `Altinn does not offer ${ctx.clientOrgNumber} as a client for this system user, so there is nothing to delegate.`,
    );
  }
  const echo = await api.addClient(agent.id, chosen.partyUuid);
  ctx.fact('systemUserId', agent.id);
  ctx.fact('systemUserPackages', agent.packages.join(', '));
  ctx.fact('availableClients', available.length);
  ctx.fact('clientOrgNumber', ctx.clientOrgNumber);
  ctx.fact('clientName', chosen.name);
  ctx.fact('delegated', `${echo.agent} ← ${echo.client}`);
}

/** Steps can be clicked in any order; a world that has never seen the key would refuse every grant. */
export async function ensureKeyInWorld(ctx: StepContext): Promise<void> {
  if (ctx.target.world) await ctx.keys.ensureRegistered(ctx.target.world, ctx.target.config.settings.maskinportenClientId, ctx.key);
}
