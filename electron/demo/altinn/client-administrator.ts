// Who may administer the firm's clients (altinn.md §8.3, §9, §10): a person holding Klientadministrator, or a
// system user holding the package `klientadministrator` for its own organisation, calling with its
// Maskinporten system-user token exchanged for an Altinn token. Either fails the same way the real service
// does: an empty 403 from the PDP, an empty 401 without a usable token.
import type { JWTPayload } from 'jose';
import { packageCode } from '../../../shared/domain/packages';
import type { WorldContext } from '../context';
import { isRecord } from '../jwt';
import { CLIENT_ADMIN_PACKAGE } from '../seed/identifiers';
import { isClientAdministrator, type SeedPerson } from '../seed/people';
import type { SystemUser } from '../state/model';
import type { Caller } from './auth';
import { isRelatedTo } from './approval';

export type ClientAdministrator =
  | { kind: 'person'; person: SeedPerson }
  /** `tokenOrgNo`: the `systemuser_org` the token was issued for. */
  | { kind: 'systemUser'; systemUser: SystemUser; tokenOrgNo: string };

interface SystemUserClaim {
  id: string;
  orgNo: string;
}

/** The system user an exchanged Maskinporten token acts as: `authorization_details[0]` (maskinporten.md §4). */
function systemUserClaim(claims: JWTPayload): SystemUserClaim | null {
  const details = claims.authorization_details;
  const first: unknown = Array.isArray(details) ? details[0] : undefined;
  if (!isRecord(first) || first.type !== 'urn:altinn:systemuser' || !Array.isArray(first.systemuser_id)) return null;
  const id: unknown = first.systemuser_id[0];
  const org = first.systemuser_org;
  const orgId: unknown = isRecord(org) ? (org.ID ?? org.id) : undefined;
  const m = typeof orgId === 'string' ? /^0192:(\d{9})$/.exec(orgId) : null;
  return typeof id === 'string' && m ? { id: id.toLowerCase(), orgNo: m[1]! } : null;
}

/**
 * The acting subject of an end-user call, or the status to refuse with. A raw Maskinporten token is not an Altinn
 * token (401); a vendor token without a system user is nobody's client administrator (403); so is a deleted one.
 */
export function clientAdministratorOf(w: WorldContext, caller: Caller): ClientAdministrator | 401 | 403 {
  if (caller.kind === 'person') return { kind: 'person', person: caller.person };
  if (!caller.exchanged) return 401;
  const claim = systemUserClaim(caller.claims);
  if (!claim) return 403;
  const systemUser = w.store.systemUsers.get(claim.id);
  if (!systemUser || systemUser.isDeleted) return 403;
  return { kind: 'systemUser', systemUser, tokenOrgNo: claim.orgNo };
}

const holdsClientAdministration = (su: SystemUser): boolean =>
  su.userType === 'standard' && su.accessPackages.some((p) => packageCode(p.urn) === CLIENT_ADMIN_PACKAGE);

/**
 * PDP on `altinn_client_administration` for the owner: Klientadministrator (DAGL has it) for a person; for a
 * system user, the package on a standard system user owned by that same organisation, the one in its token.
 */
export function mayAdministerClients(admin: ClientAdministrator, ownerOrgNo: string): boolean {
  if (admin.kind === 'person') return isRelatedTo(admin.person, ownerOrgNo) && isClientAdministrator(admin.person);
  const su = admin.systemUser;
  return holdsClientAdministration(su) && su.ownerOrgNo === ownerOrgNo && admin.tokenOrgNo === ownerOrgNo;
}
