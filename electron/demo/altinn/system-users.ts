// System-user lookups: the vendor's (bysystem, byquery), Maskinporten's (byExternalId) and the portal's
// (by party id) (altinn.md §7).
import type { WorldContext } from '../context';
import { empty, json, type Reply } from '../http/reply';
import type { RequestContext, Router } from '../http/router';
import { isAccessManager, isClientAdministrator, type SeedPerson } from '../seed/people';
import { SCOPES } from '../seed/identifiers';
import type { SystemUser } from '../state/model';
import { hasScope, identifyCaller } from './auth';
import { isRelatedTo } from './approval';
import { forbidden, missingParameter, unauthorized } from './problems';
import { systemUserExternal, systemUserInternal } from './wire';

const BASE = '/authentication/api/v1/systemuser';

type OrgAuth = { ok: true; orgNo: string } | { ok: false; reply: Reply };

async function orgAuth(w: WorldContext, ctx: RequestContext, scope: string): Promise<OrgAuth> {
  const caller = await identifyCaller(w, ctx);
  if (!caller) return { ok: false, reply: unauthorized() };
  if (caller.kind !== 'organisation' || !hasScope(caller, scope) || !caller.orgNo) return { ok: false, reply: forbidden() };
  return { ok: true, orgNo: caller.orgNo };
}

type PortalAuth = { ok: true; person: SeedPerson } | { ok: false; reply: Reply };

/** Portal endpoints: a person logged in through the portal (scope `altinn:portal/enduser`). */
export async function portalAuth(w: WorldContext, ctx: RequestContext): Promise<PortalAuth> {
  const caller = await identifyCaller(w, ctx);
  if (!caller) return { ok: false, reply: unauthorized() };
  if (caller.kind !== 'person' || !hasScope(caller, SCOPES.portalEnduser)) return { ok: false, reply: forbidden() };
  return { ok: true, person: caller.person };
}

const active = (w: WorldContext): SystemUser[] => [...w.store.systemUsers.values()].filter((u) => !u.isDeleted);

export function systemUserRoutes(w: WorldContext, router: Router): void {
  router.get(`${BASE}/byExternalId`, async (ctx) => {
    const auth = await orgAuth(w, ctx, SCOPES.maskinportenSystemUserRead);
    if (!auth.ok) return auth.reply;
    for (const name of ['clientId', 'systemProviderOrgNo', 'systemUserOwnerOrgNo']) if (!ctx.query.get(name)) return missingParameter(name);
    const clientId = ctx.query.get('clientId')!;
    const vendorOrgNo = ctx.query.get('systemProviderOrgNo')!;
    const ownerOrgNo = ctx.query.get('systemUserOwnerOrgNo')!;
    const externalRef = ctx.query.get('externalRef') || ownerOrgNo;
    const system = [...w.store.systems.values()].find(
      (s) => !s.isDeleted && s.clientId.includes(clientId) && s.vendorOrgNo === vendorOrgNo,
    );
    const user = system && active(w).find((u) => u.systemId === system.id && u.ownerOrgNo === ownerOrgNo && u.externalRef === externalRef);
    if (!system || !user) return empty(404);
    // Quirk: byExternalId fills productName with the system id.
    return json(200, systemUserExternal(user, system.vendorOrgNo, system.id));
  });

  router.get(`${BASE}/vendor/bysystem/:systemId`, async (ctx) => {
    const auth = await orgAuth(w, ctx, SCOPES.systemRegisterWrite);
    if (!auth.ok) return auth.reply;
    const system = w.store.systems.get(ctx.params.systemId!);
    if (!system || system.vendorOrgNo !== auth.orgNo) return forbidden();
    const users = active(w).filter((u) => u.systemId === system.id);
    return json(200, { links: {}, data: users.map((u) => systemUserExternal(u, system.vendorOrgNo)) });
  });

  router.get(`${BASE}/vendor/byquery`, async (ctx) => {
    const auth = await orgAuth(w, ctx, SCOPES.requestWrite);
    if (!auth.ok) return auth.reply;
    for (const name of ['system-id', 'orgno']) if (!ctx.query.get(name)) return missingParameter(name);
    const system = w.store.systems.get(ctx.query.get('system-id')!);
    if (!system || system.vendorOrgNo !== auth.orgNo) return empty(404);
    const orgNo = ctx.query.get('orgno')!;
    const externalRef = ctx.query.get('external-ref') || orgNo;
    const user = active(w).find((u) => u.systemId === system.id && u.ownerOrgNo === orgNo && u.externalRef === externalRef);
    return user ? json(200, systemUserExternal(user, system.vendorOrgNo)) : empty(404);
  });

  const ownerByPartyId = (party: string) => [...w.directory.orgByOrgNo.values()].find((o) => String(o.partyId) === party);
  const mayRead = (p: SeedPerson, orgNo: string) => isRelatedTo(p, orgNo) && (isAccessManager(p) || isClientAdministrator(p));
  const mayWrite = (p: SeedPerson, orgNo: string) => isRelatedTo(p, orgNo) && isAccessManager(p);

  const listForParty = (agentsOnly: boolean) => async (ctx: RequestContext) => {
    const auth = await portalAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const owner = ownerByPartyId(ctx.params.party!);
    if (!owner || !mayRead(auth.person, owner.orgNo)) return forbidden();
    const users = active(w).filter((u) => u.ownerOrgNo === owner.orgNo && (!agentsOnly || u.userType === 'agent'));
    return json(
      200,
      users.map((u) => systemUserInternal(w, u)),
    );
  };
  router.get(`${BASE}/agent/:party`, listForParty(true));

  router.delete(`${BASE}/agent/:party/:systemUserId`, async (ctx) => {
    const auth = await portalAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const owner = ownerByPartyId(ctx.params.party!);
    if (!owner || !mayWrite(auth.person, owner.orgNo)) return forbidden();
    const user = w.store.systemUsers.get(ctx.params.systemUserId!);
    if (!user || user.isDeleted || user.ownerOrgNo !== owner.orgNo || user.userType !== 'agent') return empty(404);
    user.isDeleted = true;
    // The agent assignment goes with cascade: its client delegations go too.
    w.store.delegations.delete(user.id);
    w.store.changed();
    return empty(200);
  });

  router.get(`${BASE}/:party`, listForParty(false));

  router.get(`${BASE}/:party/:systemUserId`, async (ctx) => {
    const auth = await portalAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const owner = ownerByPartyId(ctx.params.party!);
    if (!owner || !mayRead(auth.person, owner.orgNo)) return forbidden();
    const user = w.store.systemUsers.get(ctx.params.systemUserId!);
    if (!user || user.isDeleted || user.ownerOrgNo !== owner.orgNo) return empty(404);
    return json(200, systemUserInternal(w, user));
  });

  router.delete(`${BASE}/:party/:systemUserId`, async (ctx) => {
    const auth = await portalAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const owner = ownerByPartyId(ctx.params.party!);
    if (!owner || !mayWrite(auth.person, owner.orgNo)) return forbidden();
    const user = w.store.systemUsers.get(ctx.params.systemUserId!);
    if (!user || user.isDeleted || user.ownerOrgNo !== owner.orgNo) return json(404, 0);
    user.isDeleted = true;
    w.store.delegations.delete(user.id);
    w.store.changed();
    return json(202, 1);
  });
}
