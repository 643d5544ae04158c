// The portal's rules for deciding a system-user request (altinn.md §6.4), shared by the HTML approval
// page and the portal's JSON endpoints.
import type { WorldContext } from '../context';
import { FIRM } from '../seed/organisations';
import { packageCode } from '../../../shared/domain/packages';
import { isAccessManager, isClientAdministrator, type SeedPerson } from '../seed/people';
import { CLIENT_ADMIN_PACKAGE, SYSTEM_USER_FOR_REQUEST } from '../seed/identifiers';
import type { SystemUser, SystemUserRequest } from '../state/model';
import { sameTriple } from './requests';
import { effectiveStatus } from './wire';

export type Decision = 'approve' | 'reject' | 'escalate';

export type DecisionResult =
  { ok: true; request: SystemUserRequest; systemUser?: SystemUser } | { ok: false; status: number; code: string; title: string };

/** Every person of the world works at the firm; nobody has a relation to any other organisation. */
export const isRelatedTo = (_person: SeedPerson, orgNo: string): boolean => orgNo === FIRM.orgNo;
export const mayApprove = (person: SeedPerson, orgNo: string): boolean => isRelatedTo(person, orgNo) && isAccessManager(person);
export const mayEscalateButNotApprove = (person: SeedPerson, orgNo: string): boolean =>
  isRelatedTo(person, orgNo) && !isAccessManager(person);

export function decide(w: WorldContext, request: SystemUserRequest, person: SeedPerson, decision: Decision): DecisionResult {
  if (effectiveStatus(w, request) !== 'New') return { ok: false, status: 409, code: 'AUTH-00013', title: 'The request status is not New' };
  if (decision === 'escalate') {
    if (!isRelatedTo(person, request.partyOrgNo))
      return { ok: false, status: 403, code: 'AUTH-00042', title: 'The user has no relation to the party of the request' };
    request.escalated = true;
    w.store.changed();
    return { ok: true, request };
  }
  if (!mayApprove(person, request.partyOrgNo)) {
    return {
      ok: false,
      status: 403,
      code: 'AUTH-00066',
      title: 'The user is not an access manager for the party and can not approve the request',
    };
  }
  // Nobody can give a system user more than they hold: client administration needs Klientadministrator too (§8.3).
  const givesClientAdministration = request.accessPackages.some((p) => packageCode(p.urn) === CLIENT_ADMIN_PACKAGE);
  if (decision === 'approve' && givesClientAdministration && !isClientAdministrator(person)) {
    return { ok: false, status: 403, code: 'AUTH-00066', title: 'The user can not delegate the access packages of the request' };
  }
  if (decision === 'reject') {
    request.status = 'Rejected';
    w.store.changed();
    return { ok: true, request };
  }
  const duplicate = [...w.store.systemUsers.values()].some(
    (u) => !u.isDeleted && sameTriple(u, request.systemId, request.partyOrgNo, request.externalRef, u.ownerOrgNo),
  );
  if (duplicate)
    return {
      ok: false,
      status: 400,
      code: 'AUTH-00004',
      title: 'A system user already exists for this system, organization and external reference',
    };
  const id = SYSTEM_USER_FOR_REQUEST[request.id] ?? w.store.nextUuid();
  const systemUser: SystemUser = {
    id,
    integrationTitle: request.integrationTitle,
    systemId: request.systemId,
    ownerOrgNo: request.partyOrgNo,
    created: w.clock.nowIso(),
    isDeleted: false,
    externalRef: request.externalRef,
    userType: request.kind === 'agent' ? 'agent' : 'standard',
    accessPackages: request.accessPackages,
    rights: request.rights,
  };
  w.store.systemUsers.set(id, systemUser);
  request.status = 'Accepted';
  request.systemUserId = id;
  w.store.changed();
  return { ok: true, request, systemUser };
}
