// System-user requests, vendor side (altinn.md §6): create (201 new / 200 existing / 400 AUTH-00004),
// read, list by system, delete.
import { isValidOrgNumber } from '../../../shared/domain/orgnr';
import { packageCode } from '../../../shared/domain/packages';
import type { WorldContext } from '../context';
import { empty, json, type Reply } from '../http/reply';
import type { RequestContext, Router } from '../http/router';
import { isRecord } from '../jwt';
import { packageInfo } from '../seed/catalogue';
import { RESOURCE_ID, SCOPES, STORY_REQUEST_BY_EXTERNAL_REF, SYSTEM_ID } from '../seed/identifiers';
import { FIRM } from '../seed/organisations';
import type { RightRef, SystemUserRequest } from '../state/model';
import { hasScope, identifyCaller } from './auth';
import { arrayField, field, packageUrns, stringField } from './body';
import { altinnProblem, forbidden, unauthorized } from './problems';
import { effectiveStatus, requestResponse } from './wire';

const BASE = '/authentication/api/v1/systemuser/request';
const PAGE_SIZE = 100;

type VendorAuth = { ok: true; orgNo: string } | { ok: false; reply: Reply };

async function vendorAuth(w: WorldContext, ctx: RequestContext, scope: string, missingOrgCode?: string): Promise<VendorAuth> {
  const caller = await identifyCaller(w, ctx);
  if (!caller) return { ok: false, reply: unauthorized() };
  if (caller.kind !== 'organisation' || !hasScope(caller, scope)) return { ok: false, reply: forbidden() };
  if (!caller.orgNo) {
    return {
      ok: false,
      reply: missingOrgCode ? altinnProblem(401, missingOrgCode, 'The vendor org number is missing from the token') : unauthorized(),
    };
  }
  return { ok: true, orgNo: caller.orgNo };
}

/** Requests and system users are keyed by (system, owner, externalRef); externalRef defaults to the owner. */
export const sameTriple = (
  a: { systemId: string; externalRef: string },
  systemId: string,
  owner: string,
  externalRef: string,
  aOwner: string,
): boolean => a.systemId === systemId && aOwner === owner && a.externalRef === externalRef;

function createRequest(w: WorldContext, kind: 'agent' | 'standard') {
  return async (ctx: RequestContext): Promise<Reply> => {
    const auth = await vendorAuth(w, ctx, SCOPES.requestWrite, 'AUTH-00023');
    if (!auth.ok) return auth.reply;
    const body = ctx.bodyJson();
    const b = isRecord(body) ? body : {};
    const systemId = stringField(b, 'systemId') ?? '';
    const system = w.store.systems.get(systemId);
    if (!system || system.isDeleted || system.vendorOrgNo !== auth.orgNo) return altinnProblem(404, 'AUTH-00011', 'System not found');
    const partyOrgNo = stringField(b, 'partyOrgNo') ?? '';
    if (!isValidOrgNumber(partyOrgNo) || !w.directory.orgByOrgNo.has(partyOrgNo)) {
      return altinnProblem(400, 'AUTH-00000', 'The organization could not be found in the Central Coordinating Register');
    }
    const urns = packageUrns(arrayField(b, 'accessPackages'));
    const rights: RightRef[] =
      kind === 'standard'
        ? arrayField(b, 'rights')
            .filter(isRecord)
            .map((r) => ({
              resource: arrayField(r, 'resource')
                .filter(isRecord)
                .map((x) => ({ id: String(field(x, 'id') ?? ''), value: String(field(x, 'value') ?? '') })),
            }))
        : [];
    if (kind === 'agent' && urns.length === 0)
      return altinnProblem(400, 'AUTH-00058', 'An agent request must contain at least one access package');
    if (kind === 'standard' && urns.length === 0 && rights.length === 0) {
      return altinnProblem(400, 'AUTH-00059', 'A request must contain at least one right or access package');
    }
    const systemUrns = new Set(system.accessPackages.map((p) => p.urn));
    if (urns.some((u) => !systemUrns.has(u)))
      return altinnProblem(400, 'AUTH-00063', 'One or more access packages are not registered on the system');
    for (const u of urns) {
      const info = packageInfo(packageCode(u));
      if (kind === 'agent' && !info?.delegable)
        return altinnProblem(400, 'AUTH-00065', 'The access package can not be used for client relationships');
      if (kind === 'standard' && !info?.assignable) return altinnProblem(400, 'AUTH-00064', 'The access package is not assignable');
    }
    if (rights.some((r) => r.resource.some((x) => x.value !== RESOURCE_ID)))
      return altinnProblem(400, 'AUTH-00001', 'Right not found or not delegable');
    const redirectUrl = stringField(b, 'redirectUrl');
    if (redirectUrl) {
      if (system.allowedRedirectUrls.length === 0) return altinnProblem(400, 'AUTH-00026', 'The system has no allowed redirect urls');
      if (!system.allowedRedirectUrls.includes(redirectUrl))
        return altinnProblem(400, 'AUTH-00021', 'The redirect url is not allowed for this system');
    }
    const externalRef = stringField(b, 'externalRef')?.trim() || partyOrgNo;

    const activeUser = [...w.store.systemUsers.values()].find(
      (u) => !u.isDeleted && sameTriple(u, systemId, partyOrgNo, externalRef, u.ownerOrgNo),
    );
    if (activeUser)
      return altinnProblem(400, 'AUTH-00004', 'A system user already exists for this system, organization and external reference');
    const existing = [...w.store.requests.values()].find(
      (r) => !r.isDeleted && effectiveStatus(w, r) !== 'Timedout' && sameTriple(r, systemId, partyOrgNo, externalRef, r.partyOrgNo),
    );
    if (existing) return json(200, requestResponse(w, existing));

    const storyId = systemId === SYSTEM_ID && partyOrgNo === FIRM.orgNo ? STORY_REQUEST_BY_EXTERNAL_REF[externalRef] : undefined;
    const request: SystemUserRequest = {
      id: storyId && !w.store.requests.has(storyId) ? storyId : w.store.nextUuid(),
      kind,
      externalRef,
      systemId,
      partyOrgNo,
      integrationTitle: stringField(b, 'integrationTitle')?.trim() || system.name.nb || systemId,
      accessPackages: urns.map((urn) => ({ urn })),
      rights,
      status: 'New',
      ...(redirectUrl ? { redirectUrl } : {}),
      escalated: false,
      created: w.clock.nowIso(),
      isDeleted: false,
    };
    w.store.requests.set(request.id, request);
    w.store.changed();
    return json(201, requestResponse(w, request), { location: `${w.urls.altinn}${BASE}/${request.id}` });
  };
}

/** A request of the calling vendor's systems, or the problem that says it is not there. */
function findOwnRequest(w: WorldContext, id: string, orgNo: string, kind: 'agent' | 'standard'): Reply {
  const r = w.store.requests.get(id);
  const notFound =
    kind === 'agent' ? altinnProblem(404, 'AUTH-00030', 'Agent request not found') : altinnProblem(404, 'AUTH-00010', 'Request not found');
  if (!r || r.isDeleted || w.store.systems.get(r.systemId)?.vendorOrgNo !== orgNo) return notFound;
  if (kind === 'agent' && r.kind !== 'agent') return altinnProblem(400, 'AUTH-00025', 'The request is not an agent request');
  if (kind === 'standard' && r.kind !== 'standard') return notFound;
  return json(200, requestResponse(w, r));
}

function listBySystem(w: WorldContext, kind: 'agent' | 'standard') {
  return async (ctx: RequestContext): Promise<Reply> => {
    const auth = await vendorAuth(w, ctx, SCOPES.requestRead);
    if (!auth.ok) return auth.reply;
    const system = w.store.systems.get(ctx.params.systemId!);
    if (!system || system.vendorOrgNo !== auth.orgNo) return altinnProblem(404, 'AUTH-00011', 'System not found');
    const all = [...w.store.requests.values()].filter((r) => r.systemId === system.id && r.kind === kind && !r.isDeleted);
    const offset = Number(ctx.query.get('token') ?? '0') || 0;
    const page = all.slice(offset, offset + PAGE_SIZE);
    const next = offset + PAGE_SIZE < all.length ? `${w.urls.altinn}${ctx.path}?token=${offset + PAGE_SIZE}` : undefined;
    return json(200, { links: next ? { next } : {}, data: page.map((r) => requestResponse(w, r)) });
  };
}

export function requestRoutes(w: WorldContext, router: Router): void {
  router.post(`${BASE}/vendor/agent`, createRequest(w, 'agent'));
  router.post(`${BASE}/vendor`, createRequest(w, 'standard'));

  for (const kind of ['agent', 'standard'] as const) {
    const prefix = kind === 'agent' ? `${BASE}/vendor/agent` : `${BASE}/vendor`;
    router.get(`${prefix}/bysystem/:systemId`, listBySystem(w, kind));
    router.get(`${prefix}/byexternalref/:systemId/:orgNo/:externalRef`, async (ctx) => {
      const auth = await vendorAuth(w, ctx, SCOPES.requestRead);
      if (!auth.ok) return auth.reply;
      const { systemId, orgNo, externalRef } = ctx.params as Record<string, string>;
      const r = [...w.store.requests.values()].find(
        (x) =>
          !x.isDeleted &&
          x.kind === kind &&
          sameTriple(x, systemId!, orgNo!, externalRef!, x.partyOrgNo) &&
          w.store.systems.get(x.systemId)?.vendorOrgNo === auth.orgNo,
      );
      if (!r)
        return kind === 'agent'
          ? altinnProblem(404, 'AUTH-00030', 'Agent request not found')
          : altinnProblem(404, 'AUTH-00010', 'Request not found');
      return json(200, requestResponse(w, r));
    });
    router.get(`${prefix}/:requestId`, async (ctx) => {
      const auth = await vendorAuth(w, ctx, SCOPES.requestRead);
      if (!auth.ok) return auth.reply;
      return findOwnRequest(w, ctx.params.requestId!, auth.orgNo, kind);
    });
  }

  router.delete(`${BASE}/vendor/:requestId`, async (ctx) => {
    const auth = await vendorAuth(w, ctx, SCOPES.requestWrite);
    if (!auth.ok) return auth.reply;
    const r = w.store.requests.get(ctx.params.requestId!);
    if (!r || r.isDeleted || w.store.systems.get(r.systemId)?.vendorOrgNo !== auth.orgNo)
      return altinnProblem(404, 'AUTH-00010', 'Request not found');
    r.isDeleted = true;
    w.store.changed();
    return empty(202);
  });
}
