// The mutable part of the world: what vendors, end users and admins change through the APIs. This is
// what the state file keeps across restarts; clients and claims are derived from the seed instead.
import type { JWK } from 'jose';

export type Localized = Record<string, string>;

export interface RightRef {
  action?: string;
  resource: Array<{ id: string; value: string }>;
}

export interface PackageRef {
  urn: string;
}

export interface RegisteredSystem {
  internalId: string;
  id: string;
  vendorOrgNo: string;
  name: Localized;
  description: Localized;
  rights: RightRef[];
  accessPackages: PackageRef[];
  clientId: string[];
  isVisible: boolean;
  allowedRedirectUrls: string[];
  isDeleted: boolean;
  created: string;
  changelog: Array<{ changeType: string; changedAt: string; changedBy: string }>;
}

export type RequestStatus = 'New' | 'Accepted' | 'Rejected' | 'Denied' | 'Timedout';

export interface SystemUserRequest {
  id: string;
  kind: 'agent' | 'standard';
  externalRef: string;
  systemId: string;
  partyOrgNo: string;
  integrationTitle: string;
  accessPackages: PackageRef[];
  rights: RightRef[];
  status: RequestStatus;
  redirectUrl?: string;
  escalated: boolean;
  created: string;
  isDeleted: boolean;
  systemUserId?: string;
}

export interface SystemUser {
  id: string;
  integrationTitle: string;
  systemId: string;
  ownerOrgNo: string;
  created: string;
  isDeleted: boolean;
  externalRef: string;
  userType: 'agent' | 'standard';
  accessPackages: PackageRef[];
  rights: RightRef[];
}

export interface RegisteredJwk {
  jwk: JWK & { kid: string };
  /** World-clock ms; keys expire a year after upload (MP-121). */
  registeredAt: number;
}

/** A person registered in AM as the firm's agent (Kari in the `ready` preset), with the client packages given to them. */
export interface PersonAgentAccess {
  pid: string;
  addedAt: string;
  /** Client org number → package codes delegated to the person from that client. */
  access: Record<string, string[]>;
}

export interface PersistedState {
  version: 1;
  seed: number;
  systems: RegisteredSystem[];
  requests: SystemUserRequest[];
  systemUsers: SystemUser[];
  delegations: Record<string, string[]>;
  jwks: Record<string, RegisteredJwk[]>;
  scopeAccess: Record<string, string[]>;
  personAgents: PersonAgentAccess[];
  uuidCounter: number;
  /** The simulators' own signing keys, so tokens issued before a restart still verify after it. */
  signingKeys?: Record<string, { kid: string; jwk: JWK }>;
}
