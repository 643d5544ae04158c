// The two starting points of the story (actors.md §6.6). Registered JWKs and the signing keys survive a
// reset: they belong to the app's setup, not to the story.
import { packageUrn } from '../../../shared/domain/packages';
import { FIRM, NAMED_CLIENTS, VENDOR } from '../seed/organisations';
import { PERSONS } from '../seed/people';
import { OTHER_EMPLOYEES } from '../seed/employees';
import {
  CLIENT_ADMIN_PACKAGE,
  EXTERNAL_REF_B,
  EXTERNAL_REF_K,
  KB_SCOPE,
  REQUEST_A,
  REQUEST_B,
  REQUEST_K,
  SCOPES,
  SYSTEM_ID,
  SYSTEM_REDIRECT_URL,
  SYSTEM_USER_A,
  SYSTEM_USER_B,
  SYSTEM_USER_K,
  VENDOR_CLIENT_ID,
} from '../seed/identifiers';
import { SKATTEETATEN } from '../seed/organisations';
import type { Preset } from '../types';
import type { SystemUser, SystemUserRequest } from './model';
import type { WorldStore } from './store';

const SOFIE_PID = OTHER_EMPLOYEES.find((e) => e.name === 'Sofie Bakke')!.pid;
const orgNoOf = (key: string): string => NAMED_CLIENTS.find((c) => c.key === key)!.orgNo;

export const SU_A_PACKAGES = ['regnskapsforer-med-signeringsrettighet'];
export const SU_B_PACKAGES = ['regnskapsforer-med-signeringsrettighet', 'skattegrunnlag'];
/** SU-K: a standard system user of the firm for the firm itself, holding the assignable package klientadministrator. */
export const SU_K_PACKAGES = [CLIENT_ADMIN_PACKAGE];

/** Access lists of the access-controlled scopes (actors.md §5.3). */
export const DEFAULT_SCOPE_ACCESS: Record<string, string[]> = {
  [KB_SCOPE]: [VENDOR.orgNo],
  [SCOPES.authorize]: [SKATTEETATEN.orgNo],
};

export function applyPreset(store: WorldStore, preset: Preset, nowMs: number): void {
  // Seeded timestamps sit just before "now", so the 180-day request timeout never hits them by surprise.
  const at = (minutesAgo: number) => new Date(nowMs - minutesAgo * 60_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  store.systems.clear();
  store.requests.clear();
  store.systemUsers.clear();
  store.delegations.clear();
  store.personAgents = [];
  store.scopeAccess = new Map(Object.entries(DEFAULT_SCOPE_ACCESS).map(([k, v]) => [k, new Set(v)]));

  store.systems.set(SYSTEM_ID, {
    internalId: 'a3b4c5d6-7e8f-4a0b-9c1d-2e3f4a5b6c7d',
    id: SYSTEM_ID,
    vendorOrgNo: VENDOR.orgNo,
    name: { nb: 'SmartRegnskap', nn: 'SmartRegnskap', en: 'SmartRegnskap' },
    description: { nb: 'Regnskapssystem for klienter', nn: 'Rekneskapssystem for klientar', en: 'Accounting system for clients' },
    rights: [],
    accessPackages: [
      { urn: packageUrn('regnskapsforer-med-signeringsrettighet') },
      { urn: packageUrn('skattegrunnlag') },
      { urn: packageUrn(CLIENT_ADMIN_PACKAGE) },
    ],
    clientId: [VENDOR_CLIENT_ID],
    isVisible: false,
    allowedRedirectUrls: [SYSTEM_REDIRECT_URL],
    isDeleted: false,
    created: at(600),
    changelog: [{ changeType: 'Create', changedAt: at(600), changedBy: `0192:${VENDOR.orgNo}` }],
  });

  const request = (
    id: string,
    title: string,
    externalRef: string,
    packages: string[],
    minutesAgo: number,
    kind: SystemUserRequest['kind'] = 'agent',
  ): SystemUserRequest => ({
    id,
    kind,
    externalRef,
    systemId: SYSTEM_ID,
    partyOrgNo: FIRM.orgNo,
    integrationTitle: title,
    accessPackages: packages.map((p) => ({ urn: packageUrn(p) })),
    rights: [],
    status: 'New',
    redirectUrl: SYSTEM_REDIRECT_URL,
    escalated: false,
    created: at(minutesAgo),
    isDeleted: false,
  });
  const rA = request(REQUEST_A, 'SmartRegnskap – klienter', FIRM.orgNo, SU_A_PACKAGES, 300);
  store.requests.set(rA.id, rA);
  if (preset === 'start') {
    store.changed();
    return;
  }

  const rB = request(REQUEST_B, 'SmartRegnskap – skatt', EXTERNAL_REF_B, SU_B_PACKAGES, 240);
  store.requests.set(rB.id, rB);
  const systemUser = (req: SystemUserRequest, id: string, minutesAgo: number): SystemUser => {
    req.status = 'Accepted';
    req.systemUserId = id;
    return {
      id,
      integrationTitle: req.integrationTitle,
      systemId: req.systemId,
      ownerOrgNo: req.partyOrgNo,
      created: at(minutesAgo),
      isDeleted: false,
      externalRef: req.externalRef,
      userType: req.kind,
      accessPackages: req.accessPackages,
      rights: [],
    };
  };
  store.systemUsers.set(SYSTEM_USER_A, systemUser(rA, SYSTEM_USER_A, 280));
  store.systemUsers.set(SYSTEM_USER_B, systemUser(rB, SYSTEM_USER_B, 220));
  // Approved by Morten, who holds both Tilgangsstyrer and Klientadministrator (altinn.md §8.3).
  const rK = request(REQUEST_K, 'SmartRegnskap – klientadministrasjon', EXTERNAL_REF_K, SU_K_PACKAGES, 200, 'standard');
  store.requests.set(rK.id, rK);
  store.systemUsers.set(SYSTEM_USER_K, systemUser(rK, SYSTEM_USER_K, 190));
  store.delegations.set(SYSTEM_USER_A, new Set(['c1', 'c2', 'c3', 'c4', 'c5'].map(orgNoOf)));
  store.delegations.set(SYSTEM_USER_B, new Set([orgNoOf('c1')]));
  const kari = PERSONS.find((p) => p.key === 'kari')!;
  const rfMed = ['regnskapsforer-med-signeringsrettighet'];
  store.personAgents = [
    { pid: kari.pid, addedAt: at(1000), access: { [orgNoOf('c2')]: rfMed, [orgNoOf('c3')]: rfMed } },
    { pid: SOFIE_PID, addedAt: at(900), access: { [orgNoOf('c7')]: ['regnskapsforer-lonn'] } },
  ];
  store.changed();
}
