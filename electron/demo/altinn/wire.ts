// Altinn's wire formats, built from world state. Authentication omits nulls; Access Management writes them.
import type { WorldContext } from '../context';
import type { RegisteredSystem, SystemUser, SystemUserRequest } from '../state/model';

/** Altinn's code; some of its docs say 10 days. A world's `requestTimeoutDays` setting chooses. */
export const REQUEST_TIMEOUT_DAYS = 180;

/** Timed-out requests are derived on read, so advancing the clock is enough to see one. */
export function effectiveStatus(w: WorldContext, r: SystemUserRequest): SystemUserRequest['status'] {
  if (r.status === 'New' && Date.parse(r.created) + w.settings.requestTimeoutDays * 86_400_000 < w.clock.nowMs()) return 'Timedout';
  return r.status;
}

export function confirmUrl(w: WorldContext, r: SystemUserRequest): string {
  const page = r.kind === 'agent' ? 'agentrequest' : 'request';
  return `${w.urls.altinnPortal}/accessmanagement/ui/systemuser/${page}?id=${r.id}&DONTCHOOSEREPORTEE=true`;
}

export function requestResponse(w: WorldContext, r: SystemUserRequest): Record<string, unknown> {
  const status = effectiveStatus(w, r);
  return {
    id: r.id,
    integrationTitle: r.integrationTitle,
    externalRef: r.externalRef,
    systemId: r.systemId,
    partyOrgNo: r.partyOrgNo,
    ...(r.kind === 'standard' ? { rights: r.rights } : {}),
    accessPackages: r.accessPackages,
    status,
    ...(r.redirectUrl ? { redirectUrl: r.redirectUrl } : {}),
    confirmUrl: confirmUrl(w, r),
    escalated: r.escalated,
    created: r.created,
    timedOut: status === 'Timedout',
  };
}

export function systemUserExternal(u: SystemUser, vendorOrgNo: string, productName = ''): Record<string, unknown> {
  return {
    id: u.id,
    integrationTitle: u.integrationTitle,
    systemId: u.systemId,
    productName,
    reporteeOrgNo: u.ownerOrgNo,
    created: u.created,
    isDeleted: u.isDeleted,
    supplierName: '',
    supplierOrgno: vendorOrgNo,
    externalRef: u.externalRef,
    userType: u.userType,
  };
}

export function systemUserInternal(w: WorldContext, u: SystemUser): Record<string, unknown> {
  const system = w.store.systems.get(u.systemId);
  const owner = w.directory.orgByOrgNo.get(u.ownerOrgNo);
  return {
    id: u.id,
    integrationTitle: u.integrationTitle,
    systemId: u.systemId,
    productName: system?.name.nb ?? '',
    systemInternalId: system?.internalId ?? '',
    partyId: String(owner?.partyId ?? ''),
    partyUuId: '', // quirk: this casing, and usually empty
    reporteeOrgNo: u.ownerOrgNo,
    created: u.created,
    isDeleted: u.isDeleted,
    supplierName: '',
    supplierOrgno: system?.vendorOrgNo ?? '',
    externalRef: u.externalRef,
    userType: u.userType,
    accessPackages: u.accessPackages,
    ...(u.userType === 'standard' ? { rights: u.rights } : {}),
  };
}

export function registeredSystemResponse(s: RegisteredSystem): Record<string, unknown> {
  return {
    id: s.id,
    vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${s.vendorOrgNo}` },
    name: s.name,
    description: s.description,
    rights: s.rights,
    accessPackages: s.accessPackages,
    isDeleted: s.isDeleted,
    clientId: s.clientId,
    isVisible: s.isVisible,
    allowedRedirectUrls: s.allowedRedirectUrls,
  };
}

export function registeredSystemDto(w: WorldContext, s: RegisteredSystem): Record<string, unknown> {
  return {
    systemId: s.id,
    systemVendorOrgNumber: s.vendorOrgNo,
    systemVendorOrgName: w.directory.orgByOrgNo.get(s.vendorOrgNo)?.name ?? '',
    name: s.name,
    description: s.description,
    rights: s.rights,
    accessPackages: s.accessPackages,
    isVisible: s.isVisible,
  };
}
