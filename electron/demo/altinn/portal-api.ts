// The portal's own JSON endpoints for requests (altinn.md §6.4). The app never calls them; they exist so
// the simulated portal has a real backend and a portal-token client can script approvals.
import type { WorldContext } from '../context';
import { json, type Reply } from '../http/reply';
import type { RequestContext, Router } from '../http/router';
import type { SystemUserRequest } from '../state/model';
import { decide, mayEscalateButNotApprove, type Decision } from './approval';
import { altinnProblem } from './problems';
import { portalAuth } from './system-users';
import { effectiveStatus, requestResponse } from './wire';

const BASE = '/authentication/api/v1/systemuser/request';

function internal(w: WorldContext, r: SystemUserRequest, mayEscalate: boolean): Record<string, unknown> {
  const party = w.directory.orgByOrgNo.get(r.partyOrgNo);
  return {
    ...requestResponse(w, r),
    partyId: party?.partyId ?? 0,
    partyUuid: w.directory.partyUuidOfOrg(r.partyOrgNo),
    systemUserType: r.kind === 'agent' ? 'Agent' : 'Standard',
    userMayEscalateButNotApprove: mayEscalate,
  };
}

/** The portal's look-up: an agent route refuses a standard request, with the codes Altinn uses for each. */
function findRequest(w: WorldContext, id: string, kind: 'agent' | 'standard'): SystemUserRequest | Reply {
  const r = w.store.requests.get(id);
  if (!r || r.isDeleted)
    return kind === 'agent'
      ? altinnProblem(404, 'AUTH-00030', 'Agent request not found')
      : altinnProblem(404, 'AUTH-00010', 'Request not found');
  if (kind === 'agent' && r.kind !== 'agent') return altinnProblem(400, 'AUTH-00025', 'The request is not an agent request');
  return r;
}

// A request has a status too, but a textual one; a reply's is the HTTP number.
const isReply = (v: SystemUserRequest | Reply): v is Reply => typeof (v as Reply).status === 'number';

export function portalRequestRoutes(w: WorldContext, router: Router): void {
  const read =
    (kind: 'agent' | 'standard') =>
    async (ctx: RequestContext): Promise<Reply> => {
      const auth = await portalAuth(w, ctx);
      if (!auth.ok) return auth.reply;
      const r = findRequest(w, ctx.params.requestId!, kind);
      if (isReply(r)) return r;
      return json(200, internal(w, r, mayEscalateButNotApprove(auth.person, r.partyOrgNo)));
    };

  const act =
    (kind: 'agent' | 'standard', decision: Decision) =>
    async (ctx: RequestContext): Promise<Reply> => {
      const auth = await portalAuth(w, ctx);
      if (!auth.ok) return auth.reply;
      const r = findRequest(w, ctx.params.requestId!, kind);
      if (isReply(r)) return r;
      const party = w.directory.orgByOrgNo.get(r.partyOrgNo);
      if (String(party?.partyId) !== ctx.params.party) return altinnProblem(403, 'AUTH-00041', 'The party does not match the request');
      const result = decide(w, r, auth.person, decision);
      return result.ok ? json(200, true) : altinnProblem(result.status, result.code, result.title);
    };

  const pending =
    (kind: 'agent' | 'standard') =>
    async (ctx: RequestContext): Promise<Reply> => {
      const auth = await portalAuth(w, ctx);
      if (!auth.ok) return auth.reply;
      const list = [...w.store.requests.values()].filter(
        (r) => !r.isDeleted && r.kind === kind && r.partyOrgNo === ctx.params.orgno && effectiveStatus(w, r) === 'New',
      );
      return json(
        200,
        list.map((r) => internal(w, r, mayEscalateButNotApprove(auth.person, r.partyOrgNo))),
      );
    };

  router.get(`${BASE}/agent/:party/:orgno/pending`, pending('agent'));
  router.get(`${BASE}/:party/:orgno/pending`, pending('standard'));
  for (const decision of ['approve', 'reject', 'escalate'] as const) {
    router.post(`${BASE}/agent/:party/:requestId/${decision}`, act('agent', decision));
    router.post(`${BASE}/:party/:requestId/${decision}`, act('standard', decision));
  }
  router.get(`${BASE}/agent/:requestId`, read('agent'));
  router.get(`${BASE}/:requestId`, read('standard'));
}
