// Access Management's client list (altinn.md §10): each client with the roles and packages it gives the
// firm. Quirks kept: the role key `"legacyurn "` with a trailing space, lower-case `partyid`, nulls
// written, `links.next: null`, paging headers accepted and ignored.
import { PACKAGES_BY_RELATIONSHIP, packageCode } from '../../../shared/domain/packages';
import type { WorldContext } from '../context';
import { json, type Reply } from '../http/reply';
import type { RequestContext, Router } from '../http/router';
import { AGENT_ROLE, FFOR_VARIANTS, packageInfo, RIGHTS_HOLDER_ROLE, ROLE_BY_RELATIONSHIP, type RoleInfo } from '../seed/catalogue';
import type { ClientEntry } from '../seed/clients';
import type { Organisation } from '../seed/organisations';
import { birthDate, PERSONS, type SeedPerson } from '../seed/people';
import { SCOPES } from '../seed/identifiers';
import { endUserAuth } from './client-delegation';
import { mayAdministerClients } from './client-administrator';
import { isGuid, missingParameter, validationProblem } from './problems';

const BASE = '/accessmanagement/api/v1/enduser/clientdelegations';
const SCOPE_PAIR = { read: SCOPES.clientDelegationsRead, write: SCOPES.clientDelegationsWrite };

interface RoleAccess {
  role: RoleInfo;
  packages: string[];
}

const entityOf = (w: WorldContext, o: Organisation): Record<string, unknown> => ({
  id: w.directory.partyUuidOfOrg(o.orgNo),
  name: o.name,
  type: 'Organisasjon',
  variant: o.form,
  parent: o.parentOrgNo && w.directory.orgByOrgNo.get(o.parentOrgNo) ? entityOf(w, w.directory.orgByOrgNo.get(o.parentOrgNo)!) : null,
  children: null,
  partyid: o.partyId,
  userId: null,
  username: null,
  organizationIdentifier: o.orgNo,
  personIdentifier: null,
  dateOfBirth: null,
  dateOfDeath: null,
  isDeleted: false,
  deletedAt: null,
});

const personEntity = (w: WorldContext, p: SeedPerson): Record<string, unknown> => ({
  id: w.directory.personPartyUuid(p.pid),
  name: p.name,
  type: 'Person',
  variant: 'Person',
  parent: null,
  children: null,
  partyid: p.partyId,
  userId: p.userId,
  username: null,
  organizationIdentifier: null,
  personIdentifier: p.pid,
  dateOfBirth: birthDate(p.pid),
  dateOfDeath: null,
  isDeleted: false,
  deletedAt: null,
});

const systemUserEntity = (w: WorldContext, id: string, title: string): Record<string, unknown> => ({
  id,
  name: title,
  type: 'Systembruker',
  variant: 'AgentSystem',
  parent: null,
  children: null,
  partyid: null,
  userId: null,
  username: null,
  organizationIdentifier: null,
  personIdentifier: null,
  dateOfBirth: null,
  dateOfDeath: null,
  isDeleted: w.store.systemUsers.get(id)?.isDeleted ?? false,
  deletedAt: null,
});

/** Role-derived packages respect the variant (forretningsfører only for BRL/ESEK); direct ones come as rettighetshaver. */
export function clientAccess(c: ClientEntry): RoleAccess[] {
  const access: RoleAccess[] = [];
  for (const r of c.roles) {
    const packages = r === 'FFØR' && !FFOR_VARIANTS.has(c.org.form) ? [] : [...PACKAGES_BY_RELATIONSHIP[r]];
    if (packages.length) access.push({ role: ROLE_BY_RELATIONSHIP[r], packages });
  }
  if (c.direct.length) access.push({ role: RIGHTS_HOLDER_ROLE, packages: c.direct });
  return access;
}

const roleJson = (r: RoleInfo) => ({ id: r.id, code: r.code, urn: r.urn, 'legacyurn ': r.legacyUrn, children: null });

const packageJson = (code: string) => {
  const info = packageInfo(code);
  return { id: info?.id ?? '', urn: `urn:altinn:accesspackage:${code}`, areaId: info?.areaId ?? '' };
};

const accessJson = (access: RoleAccess[]) => access.map((a) => ({ role: roleJson(a.role), packages: a.packages.map(packageJson) }));

const ALL_ROLES = [...Object.values(ROLE_BY_RELATIONSHIP), RIGHTS_HOLDER_ROLE];
const roleMatching = (value: string): RoleInfo | undefined =>
  ALL_ROLES.find((r) => [r.code, r.urn, r.legacyUrn].some((x) => x !== null && x.toLowerCase() === value.toLowerCase()));

type FirmAuth = { ok: true } | { ok: false; reply: Reply };

async function firmAuth(w: WorldContext, ctx: RequestContext): Promise<FirmAuth & { firmOrgNo?: string }> {
  const auth = await endUserAuth(w, ctx, ctx.method === 'GET' ? 'read' : 'write', SCOPE_PAIR);
  if (!auth.ok) return auth;
  const party = ctx.query.get('party');
  if (!party) return { ok: false, reply: missingParameter('party') };
  const found = isGuid(party) ? w.directory.partyByUuid(party) : undefined;
  const org = found?.kind === 'organisation' ? found.org : undefined;
  if (!org)
    return { ok: false, reply: validationProblem([{ code: 'AM.VLD-00006', title: 'The entity does not exist', paths: ['?party'] }]) };
  if (!mayAdministerClients(auth.administrator, org.orgNo)) return { ok: false, reply: { status: 403 } };
  return { ok: true, firmOrgNo: org.orgNo };
}

const page = (data: unknown[]) => ({ links: { next: null }, data });

export function accessManagementRoutes(w: WorldContext, router: Router): void {
  router.get(`${BASE}/clients`, async (ctx) => {
    const auth = await firmAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const roles: RoleInfo[] = [];
    for (const v of ctx.query
      .getAll('roles')
      .flatMap((x) => x.split(','))
      .filter(Boolean)) {
      const role = roleMatching(v);
      if (!role) return validationProblem([{ code: 'AM.VLD-00029', title: 'Invalid role', paths: ['?roles'] }]);
      roles.push(role);
    }
    const packages = ctx.query
      .getAll('packages')
      .flatMap((x) => x.split(','))
      .filter(Boolean)
      .map(packageCode);
    if (packages.some((p) => !packageInfo(p)?.delegable))
      return validationProblem([{ code: 'AM.VLD-00030', title: 'Invalid package', paths: ['?packages'] }]);
    const data: unknown[] = [];
    for (const c of w.directory.clients) {
      const access = clientAccess(c);
      if (roles.length && !access.some((a) => roles.includes(a.role))) continue;
      if (packages.length && !access.some((a) => a.packages.some((p) => packages.includes(p)))) continue;
      data.push({ client: entityOf(w, c.org), access: accessJson(access) });
    }
    return json(200, page(data));
  });

  /** Agents of the firm: persons registered as agent (Kari) and agent system users with clients. */
  function agents(): Array<{ entity: Record<string, unknown>; id: string; addedAt: string; clients: Map<string, string[]> }> {
    const out: Array<{ entity: Record<string, unknown>; id: string; addedAt: string; clients: Map<string, string[]> }> = [];
    for (const a of w.store.personAgents) {
      const p = PERSONS.find((x) => x.pid === a.pid);
      if (p)
        out.push({
          entity: personEntity(w, p),
          id: w.directory.personPartyUuid(p.pid),
          addedAt: a.addedAt,
          clients: new Map(a.clients.map((c) => [c, a.packages])),
        });
    }
    for (const [suId, orgNos] of w.store.delegations) {
      const su = w.store.systemUsers.get(suId);
      if (!su || su.isDeleted || orgNos.size === 0) continue;
      const packages = su.accessPackages.map((p) => packageCode(p.urn));
      out.push({
        entity: systemUserEntity(w, su.id, su.integrationTitle),
        id: su.id,
        addedAt: su.created,
        clients: new Map([...orgNos].map((o) => [o, packages])),
      });
    }
    return out;
  }

  const agentRoleAccess = (packages: Iterable<string>) => [
    { role: roleJson(AGENT_ROLE), packages: [...new Set(packages)].map(packageJson) },
  ];

  router.get(`${BASE}/agents`, async (ctx) => {
    const auth = await firmAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    return json(
      200,
      page(agents().map((a) => ({ agent: a.entity, agentAddedAt: a.addedAt, access: agentRoleAccess([...a.clients.values()].flat()) }))),
    );
  });

  router.get(`${BASE}/agents/accesspackages`, async (ctx) => {
    const auth = await firmAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const to = (ctx.query.get('to') ?? '').toLowerCase();
    const agent = agents().find((a) => a.id.toLowerCase() === to);
    if (!agent) return validationProblem([{ code: 'AM.VLD-00006', title: 'The entity does not exist', paths: ['?to'] }]);
    const data = [...agent.clients].flatMap(([orgNo, packages]) => {
      const c = w.directory.clientByOrgNo.get(orgNo);
      if (!c) return [];
      const access = clientAccess(c)
        .map((a) => ({ role: a.role, packages: a.packages.filter((p) => packages.includes(p)) }))
        .filter((a) => a.packages.length);
      return [{ client: entityOf(w, c.org), access: accessJson(access) }];
    });
    return json(200, page(data));
  });

  router.get(`${BASE}/clients/accesspackages`, async (ctx) => {
    const auth = await firmAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const from = w.directory.partyByUuid(ctx.query.get('from') ?? '');
    const client = from?.kind === 'organisation' ? w.directory.clientByOrgNo.get(from.org.orgNo) : undefined;
    if (!client) return validationProblem([{ code: 'AM.VLD-00006', title: 'The entity does not exist', paths: ['?from'] }]);
    const data = agents()
      .filter((a) => a.clients.has(client.org.orgNo))
      .map((a) => ({ agent: a.entity, agentAddedAt: a.addedAt, access: agentRoleAccess(a.clients.get(client.org.orgNo)!) }));
    return json(200, page(data));
  });
}
