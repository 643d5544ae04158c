// The end-user client delegation API for agent system users (altinn.md §9): list agents, list available
// and delegated clients, add and remove a client with query parameters and no body.
import { isOfferedTo, missingPackages, packageCode } from '../../../shared/domain/packages';
import type { WorldContext } from '../context';
import { json, type Reply } from '../http/reply';
import type { RequestContext, Router } from '../http/router';
import type { ClientEntry } from '../seed/clients';
import { SCOPES } from '../seed/identifiers';
import type { SystemUser } from '../state/model';
import { hasScope, identifyCaller } from './auth';
import { clientAdministratorOf, mayAdministerClients, type ClientAdministrator } from './client-administrator';
import {
  altinnProblem,
  forbidden,
  isGuid,
  missingParameter,
  plainProblem,
  unauthorized,
  validationProblem,
  type ValidationError,
} from './problems';
import { systemUserInternal } from './wire';

const BASE = '/authentication/api/v1/enduser/systemuser';

type Access = 'read' | 'write';
type AdministratorAuth = { ok: true; administrator: ClientAdministrator } | { ok: false; reply: Reply };

/** Token and scope. The client-administration PDP check comes later, once the owner is known. */
export async function endUserAuth(
  w: WorldContext,
  ctx: RequestContext,
  access: Access,
  scopes: { read: string; write: string },
): Promise<AdministratorAuth> {
  const caller = await identifyCaller(w, ctx);
  if (!caller) return { ok: false, reply: unauthorized() };
  const administrator = clientAdministratorOf(w, caller);
  if (administrator === 401) return { ok: false, reply: unauthorized() };
  const needed = access === 'read' ? [scopes.read, scopes.write, SCOPES.portalEnduser] : [scopes.write, SCOPES.portalEnduser];
  if (administrator === 403 || !hasScope(caller, ...needed)) return { ok: false, reply: forbidden() };
  return { ok: true, administrator };
}

const SCOPE_PAIR = { read: SCOPES.clientDelegationsRead, write: SCOPES.clientDelegationsWrite };

type AgentLookup = { ok: true; systemUser: SystemUser } | { ok: false; errors: ValidationError[] };

function lookupAgent(w: WorldContext, agent: string | null): AgentLookup {
  if (!isGuid(agent))
    return { ok: false, errors: [{ code: 'AUTH.VLD-00014', title: 'The agent query parameter is missing or invalid', paths: ['?agent'] }] };
  const su = w.store.systemUsers.get(agent.toLowerCase());
  // Quirk: an unknown system user reuses AUTH.VLD-00014.
  if (!su || su.isDeleted) return { ok: false, errors: [{ code: 'AUTH.VLD-00014', title: 'System user not found', paths: ['?agent'] }] };
  if (su.userType !== 'agent')
    return { ok: false, errors: [{ code: 'AUTH.VLD-00015', title: 'The system user is not an agent system user', paths: ['?agent'] }] };
  return { ok: true, systemUser: su };
}

const clientInfo = (w: WorldContext, c: ClientEntry) => ({
  clientId: w.directory.partyUuidOfOrg(c.org.orgNo),
  clientOrganizationNumber: c.org.orgNo,
  clientOrganizationName: c.org.name,
});

const paginated = (w: WorldContext, su: SystemUser, clients: ClientEntry[]) => ({
  links: {},
  systemUserInformation: { systemUserId: su.id, systemUserOwnerOrg: su.ownerOrgNo },
  data: clients.map((c) => clientInfo(w, c)),
});

/** A UUID Altinn does not know, or a party that is not a client of the firm, finds nothing. */
const clientFromPartyUuid = (w: WorldContext, uuid: string): ClientEntry | undefined => {
  const party = w.directory.partyByUuid(uuid);
  return party?.kind === 'organisation' ? w.directory.clientByOrgNo.get(party.org.orgNo) : undefined;
};

export function clientDelegationRoutes(w: WorldContext, router: Router): void {
  router.get(`${BASE}/agents`, async (ctx) => {
    const auth = await endUserAuth(w, ctx, 'read', SCOPE_PAIR);
    if (!auth.ok) return auth.reply;
    const party = ctx.query.get('party');
    if (!party) return missingParameter('party');
    if (!w.directory.orgByOrgNo.has(party))
      return plainProblem(404, 'Party not found', `No party information found for organization ${party}`);
    if (!mayAdministerClients(auth.administrator, party)) return forbidden();
    const agents = [...w.store.systemUsers.values()].filter((u) => !u.isDeleted && u.userType === 'agent' && u.ownerOrgNo === party);
    return json(
      200,
      agents.map((u) => systemUserInternal(w, u)),
    );
  });

  const listClients = (which: 'available' | 'delegated') => async (ctx: RequestContext) => {
    const auth = await endUserAuth(w, ctx, 'read', SCOPE_PAIR);
    if (!auth.ok) return auth.reply;
    const agent = lookupAgent(w, ctx.query.get('agent'));
    if (!agent.ok) return validationProblem(agent.errors);
    const su = agent.systemUser;
    if (!mayAdministerClients(auth.administrator, su.ownerOrgNo)) return forbidden();
    const packages = su.accessPackages.map((p) => packageCode(p.urn));
    if (which === 'available') {
      // Any-of, and not filtered by what is already delegated: the portal diffs with /clients itself.
      return json(
        200,
        paginated(
          w,
          su,
          w.directory.clients.filter((c) => isOfferedTo(packages, c.packages)),
        ),
      );
    }
    const delegated = w.store.delegations.get(su.id) ?? new Set<string>();
    return json(
      200,
      paginated(
        w,
        su,
        w.directory.clients.filter((c) => delegated.has(c.org.orgNo)),
      ),
    );
  };
  router.get(`${BASE}/clients/available`, listClients('available'));
  router.get(`${BASE}/clients`, listClients('delegated'));

  const change = (op: 'add' | 'remove') => async (ctx: RequestContext) => {
    const auth = await endUserAuth(w, ctx, 'write', SCOPE_PAIR);
    if (!auth.ok) return auth.reply;
    const agentParam = ctx.query.get('agent');
    const clientParam = ctx.query.get('client');
    const agent = lookupAgent(w, agentParam);
    const errors: ValidationError[] = [];
    // Parameter errors come together in one problem; a missing system user only when the id was well-formed.
    if (!agent.ok) errors.push(...agent.errors);
    if (!isGuid(clientParam))
      errors.push({ code: 'AUTH.VLD-00016', title: 'The client query parameter is missing or invalid', paths: ['?client'] });
    if (!agent.ok || errors.length) return validationProblem(errors);
    const su = agent.systemUser;
    if (!mayAdministerClients(auth.administrator, su.ownerOrgNo)) return forbidden();
    const client = clientFromPartyUuid(w, clientParam!);
    const echo = { agent: su.id, client: clientParam!.toLowerCase() };
    if (op === 'remove') {
      // The DELETE does no client check of its own: Access Management's revoke finds no delegation the firm
      // facilitated from that party, and Authentication words that failure as AUTH-00031.
      if (!client) return altinnProblem(400, 'AUTH-00031', 'Party does not match delegation facilitator.');
      w.store.delegatedTo(su.id).delete(client.org.orgNo);
      w.store.changed();
      return json(200, echo);
    }
    const required = su.accessPackages.map((p) => packageCode(p.urn));
    if (required.length === 0) return altinnProblem(400, 'AUTH-00063', 'The system user has no access packages');
    if (!client) return altinnProblem(400, 'AUTH-00079', 'Client not found.');
    const missing = missingPackages(required, client.packages);
    if (missing.length) return altinnProblem(400, 'AUTH-00080', 'Client does not have the accesspackages the agent system user requires');
    w.store.delegatedTo(su.id).add(client.org.orgNo);
    w.store.changed();
    return json(200, echo);
  };
  router.post(`${BASE}/clients`, change('add'));
  router.delete(`${BASE}/clients`, change('remove'));
}
