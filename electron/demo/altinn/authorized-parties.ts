// Access Management's "who may I act for" list (altinn.md §3, §9): GET enduser/authorizedparties, for a
// person (exchanged ID-porten token) or a system user (exchanged Maskinporten system-user token). Both need
// the scope `altinn:accessmanagement/authorizedparties`; without it the answer is an empty 403.
import { packageUrn } from '../../../shared/domain/packages';
import type { WorldContext } from '../context';
import { json, type Reply } from '../http/reply';
import type { RequestContext, Router } from '../http/router';
import { isRecord } from '../jwt';
import type { Organisation } from '../seed/organisations';
import { FIRM } from '../seed/organisations';
import { birthDate, personByPid, type SeedPerson } from '../seed/people';
import { SCOPES } from '../seed/identifiers';
import { identifyCaller, hasScope } from './auth';
import { forbidden, traceId, unauthorized } from './problems';
import { problemJson } from '../http/reply';

const PATH = '/accessmanagement/api/v1/enduser/authorizedparties';
const BOOLEAN_QUERIES = ['includeRoles', 'includeAccessPackages', 'includeResources', 'includeInstances'] as const;
type Include = Record<(typeof BOOLEAN_QUERIES)[number], boolean>;

/** What the subject holds for one party, before the include flags trim it. */
interface Access {
  roles: string[];
  packages: string[];
}

function orgParty(w: WorldContext, org: Organisation, access: Access, include: Include): Record<string, unknown> {
  return {
    partyUuid: w.directory.partyUuidOfOrg(org.orgNo),
    name: org.name,
    organizationNumber: org.orgNo,
    parentId: org.parentOrgNo ? w.directory.partyUuidOfOrg(org.parentOrgNo) : null,
    personId: null,
    dateOfBirth: null,
    partyId: org.partyId,
    type: 'Organization',
    unitType: org.form,
    isDeleted: false,
    onlyHierarchyElementWithNoAccess: false,
    ...lists(access, include),
    subunits: [],
  };
}

function personParty(w: WorldContext, p: SeedPerson, include: Include): Record<string, unknown> {
  return {
    partyUuid: w.directory.personPartyUuid(p.pid),
    name: p.name,
    organizationNumber: null,
    parentId: null,
    personId: p.pid,
    dateOfBirth: birthDate(p.pid),
    partyId: p.partyId,
    type: 'Person',
    unitType: null,
    isDeleted: false,
    onlyHierarchyElementWithNoAccess: false,
    ...lists({ roles: ['PRIV'], packages: [] }, include),
    subunits: [],
  };
}

const lists = (access: Access, include: Include) => ({
  authorizedAccessPackages: include.includeAccessPackages ? access.packages.map(packageUrn) : [],
  authorizedResources: [],
  authorizedRoles: include.includeRoles ? access.roles : [],
  authorizedInstances: [],
});

/** The firm for its employees (by what they hold there), and the clients delegated to a person as agent. */
function personParties(w: WorldContext, person: SeedPerson): Array<{ org: Organisation; access: Access }> {
  const packages = [...person.rights];
  const atFirm: Access =
    person.key === 'morten'
      ? { roles: ['DAGL'], packages }
      : { roles: w.store.personAgents.some((a) => a.pid === person.pid) ? ['agent'] : [], packages };
  const out = [{ org: FIRM, access: atFirm }];
  for (const a of w.store.personAgents.filter((x) => x.pid === person.pid)) {
    for (const [orgNo, packages] of Object.entries(a.access)) {
      const client = w.directory.clientByOrgNo.get(orgNo);
      if (client && packages.length) out.push({ org: client.org, access: { roles: [], packages } });
    }
  }
  return out;
}

/** The clients delegated to an agent system user, or its owner for a standard one. */
function systemUserParties(w: WorldContext, systemUserId: string): Array<{ org: Organisation; access: Access }> {
  const su = w.store.systemUsers.get(systemUserId.toLowerCase());
  if (!su || su.isDeleted) return [];
  const codes = su.accessPackages.map((p) => p.urn.replace(/^urn:altinn:accesspackage:/, ''));
  if (su.userType === 'standard') {
    const owner = w.directory.orgByOrgNo.get(su.ownerOrgNo);
    return owner ? [{ org: owner, access: { roles: [], packages: codes } }] : [];
  }
  return [...(w.store.delegations.get(su.id) ?? [])].flatMap((orgNo) => {
    const client = w.directory.clientByOrgNo.get(orgNo);
    return client ? [{ org: client.org, access: { roles: [], packages: codes.filter((c) => client.packages.includes(c)) } }] : [];
  });
}

function systemUserIdOf(claims: Record<string, unknown>): string | null {
  const details = claims.authorization_details;
  const first: unknown = Array.isArray(details) ? details[0] : undefined;
  if (!isRecord(first) || !Array.isArray(first.systemuser_id)) return null;
  const id: unknown = first.systemuser_id[0];
  return typeof id === 'string' ? id : null;
}

/** ASP.NET model binding: a bool that does not parse is a 400 with the parameter named. */
function readIncludes(ctx: RequestContext): Include | Reply {
  const include = {} as Include;
  const errors: Record<string, string[]> = {};
  for (const name of BOOLEAN_QUERIES) {
    const raw = [...ctx.query].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    if (raw === undefined || raw === '') include[name] = false;
    else if (/^(true|false)$/i.test(raw)) include[name] = raw.toLowerCase() === 'true';
    else errors[name] = [`The value '${raw}' is not valid.`];
  }
  if (Object.keys(errors).length)
    return problemJson(400, {
      type: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
      title: 'One or more validation errors occurred.',
      status: 400,
      errors,
      traceId: traceId(),
    });
  return include;
}

export function authorizedPartiesRoutes(w: WorldContext, router: Router): void {
  router.get(PATH, async (ctx) => {
    const caller = await identifyCaller(w, ctx);
    if (!caller) return unauthorized();
    // A raw Maskinporten token is not an Altinn token: it must be exchanged first.
    if (caller.kind === 'organisation' && !caller.exchanged) return unauthorized();
    if (!hasScope(caller, SCOPES.authorizedParties)) return forbidden();
    const include = readIncludes(ctx);
    if ('status' in include) return include;
    const filter = new Set(
      ctx.query
        .getAll('partyFilter')
        .flatMap((v) => v.split(','))
        .filter(Boolean)
        .map((v) => v.toLowerCase()),
    );
    let data: Array<Record<string, unknown>>;
    if (caller.kind === 'person') {
      const person = personByPid(caller.person.pid)!;
      data = [personParty(w, person, include), ...personParties(w, person).map((p) => orgParty(w, p.org, p.access, include))];
    } else {
      const systemUserId = systemUserIdOf(caller.claims);
      if (!systemUserId) return json(401, 'Unknown user type');
      data = systemUserParties(w, systemUserId).map((p) => orgParty(w, p.org, p.access, include));
    }
    if (filter.size) data = data.filter((d) => filter.has(String(d.partyUuid)));
    return json(200, { links: { next: null }, data });
  });
}
