// Access Management's view of the firm's agents (altinn.md §10): persons registered as agent, and agent system
// users, which Altinn assigns as agent at their first client. Shared by the read and the write endpoints.
import { packageCode } from '../../../shared/domain/packages';
import type { WorldContext } from '../context';
import type { Reply } from '../http/reply';
import type { RequestContext } from '../http/router';
import { FFOR_VARIANTS, packageInfo, RIGHTS_HOLDER_ROLE, ROLE_BY_RELATIONSHIP, type RoleInfo } from '../seed/catalogue';
import type { ClientEntry } from '../seed/clients';
import { employeeByPid, type Employee } from '../seed/employees';
import { SCOPES } from '../seed/identifiers';
import type { Organisation } from '../seed/organisations';
import { birthDate } from '../seed/people';
import { PACKAGES_BY_RELATIONSHIP } from '../../../shared/domain/packages';
import { endUserAuth } from './client-delegation';
import { mayAdministerClients } from './client-administrator';
import { isGuid, missingParameter, validationProblem } from './problems';

export const AM_BASE = '/accessmanagement/api/v1/enduser/clientdelegations';
const SCOPE_PAIR = { read: SCOPES.clientDelegationsRead, write: SCOPES.clientDelegationsWrite };

export interface RoleAccess {
  role: RoleInfo;
  packages: string[];
}

const blankEntity = {
  parent: null,
  children: null,
  userId: null,
  username: null,
  organizationIdentifier: null,
  personIdentifier: null,
  dateOfBirth: null,
  dateOfDeath: null,
  isDeleted: false,
  deletedAt: null,
};

export const orgEntity = (w: WorldContext, o: Organisation): Record<string, unknown> => {
  const parent = o.parentOrgNo ? w.directory.orgByOrgNo.get(o.parentOrgNo) : undefined;
  return {
    ...blankEntity,
    id: w.directory.partyUuidOfOrg(o.orgNo),
    name: o.name,
    type: 'Organisasjon',
    variant: o.form,
    parent: parent ? orgEntity(w, parent) : null,
    partyid: o.partyId,
    organizationIdentifier: o.orgNo,
  };
};

export const personEntity = (w: WorldContext, p: Employee): Record<string, unknown> => ({
  ...blankEntity,
  id: w.directory.personPartyUuid(p.pid),
  name: p.name,
  type: 'Person',
  variant: 'Person',
  partyid: p.partyId,
  userId: p.userId,
  username: p.username,
  personIdentifier: p.pid,
  dateOfBirth: birthDate(p.pid),
});

const systemUserEntity = (w: WorldContext, id: string, title: string): Record<string, unknown> => ({
  ...blankEntity,
  id,
  name: title,
  type: 'Systembruker',
  variant: 'AgentSystem',
  partyid: null,
  isDeleted: w.store.systemUsers.get(id)?.isDeleted ?? false,
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

export const roleJson = (r: RoleInfo) => ({ id: r.id, code: r.code, urn: r.urn, 'legacyurn ': r.legacyUrn, children: null });

export const packageJson = (code: string) => {
  const info = packageInfo(code);
  return { id: info?.id ?? '', urn: `urn:altinn:accesspackage:${code}`, areaId: info?.areaId ?? '' };
};

export const accessJson = (access: RoleAccess[]) => access.map((a) => ({ role: roleJson(a.role), packages: a.packages.map(packageJson) }));

/** The client's roles towards the firm that carry these packages; AM groups an agent's access by them. */
export const accessThroughRoles = (c: ClientEntry, packages: readonly string[]): RoleAccess[] =>
  clientAccess(c)
    .map((a) => ({ role: a.role, packages: a.packages.filter((p) => packages.includes(p)) }))
    .filter((a) => a.packages.length);

export const ALL_ROLES = [...Object.values(ROLE_BY_RELATIONSHIP), RIGHTS_HOLDER_ROLE];
export const roleMatching = (value: string): RoleInfo | undefined =>
  ALL_ROLES.find((r) => [r.code, r.urn, r.legacyUrn].some((x) => x !== null && x.toLowerCase() === value.toLowerCase()));

export interface FirmAgent {
  kind: 'person' | 'systemUser';
  id: string;
  entity: Record<string, unknown>;
  addedAt: string;
  /** Client org number → package codes delegated from that client. */
  clients: Map<string, string[]>;
}

export function firmAgents(w: WorldContext): FirmAgent[] {
  const out: FirmAgent[] = [];
  for (const a of w.store.personAgents) {
    const p = employeeByPid(a.pid);
    if (!p) continue;
    const clients = new Map(Object.entries(a.access).filter(([, packages]) => packages.length > 0));
    out.push({ kind: 'person', id: w.directory.personPartyUuid(p.pid), entity: personEntity(w, p), addedAt: a.addedAt, clients });
  }
  for (const [suId, orgNos] of w.store.delegations) {
    const su = w.store.systemUsers.get(suId);
    if (!su || su.isDeleted || orgNos.size === 0) continue;
    const packages = su.accessPackages.map((p) => packageCode(p.urn));
    out.push({
      kind: 'systemUser',
      id: su.id,
      entity: systemUserEntity(w, su.id, su.integrationTitle),
      addedAt: su.created,
      clients: new Map([...orgNos].map((o) => [o, packages])),
    });
  }
  return out;
}

export type FirmAuth =
  | {
      ok: true;
      firmOrgNo: string;
      firmUuid: string; /** Who is calling: a person's national id, or a system user's id; failed look-ups are counted per caller. */
      callerPid: string;
    }
  | { ok: false; reply: Reply };

/** Scope, the `party` parameter, then PDP on `altinn_client_administration` for the firm. */
export async function firmAuth(w: WorldContext, ctx: RequestContext): Promise<FirmAuth> {
  const auth = await endUserAuth(w, ctx, ctx.method === 'GET' ? 'read' : 'write', SCOPE_PAIR);
  if (!auth.ok) return auth;
  const party = ctx.query.get('party');
  if (!party) return { ok: false, reply: missingParameter('party') };
  const found = isGuid(party) ? w.directory.partyByUuid(party) : undefined;
  const org = found?.kind === 'organisation' ? found.org : undefined;
  if (!org) return { ok: false, reply: validationProblem([{ code: 'AM.VLD-00006', title: 'Entity do not exists.', paths: ['?party'] }]) };
  if (!mayAdministerClients(auth.administrator, org.orgNo)) return { ok: false, reply: { status: 403 } };
  const caller = auth.administrator.kind === 'person' ? auth.administrator.person.pid : auth.administrator.systemUser.id;
  return { ok: true, firmOrgNo: org.orgNo, firmUuid: party.toLowerCase(), callerPid: caller };
}

export const page = (data: unknown[]) => ({ links: { next: null }, data });
