// What the feature modules (client list, batches, claims, keys, actor flow) need from the environment-dependent
// services. The composition root implements these on the Maskinporten, Altinn and Skatteetaten clients, so the
// features stay testable with small fakes and never care which environment they run in.
import type { DemoPersonRole, Session } from '../../shared/contract/app';
import type { Relationship } from '../../shared/domain/packages';
import type { OpenClaims } from '../services/skatteetaten/claims-types';

export interface AgentSystemUser {
  id: string;
  title: string;
  systemId: string;
  externalRef: string;
  /** Package codes, e.g. `regnskapsforer-med-signeringsrettighet`. */
  packages: string[];
  created: string;
}

export interface FirmClient {
  partyUuid: string;
  orgNumber: string;
  name: string;
  /** ER form, e.g. AS, ENK, BRL, BEDR. */
  variant: string;
  parentOrgNumber: string | null;
  relationships: Relationship[];
  /** Package codes the firm holds from this client (union over roles). */
  packages: string[];
}

export interface DelegatedClient {
  partyUuid: string;
  orgNumber: string;
  name: string;
}

export interface CallReceipt {
  correlationId: string | null;
}

/** The signed-in client administrator's view of Altinn. Every method fails with a typed AppError/ServiceError. */
export interface EndUserAltinn {
  firm: { orgNumber: string; partyUuid: string; name: string };
  listAgentSystemUsers(): Promise<AgentSystemUser[]>;
  listFirmClients(): Promise<FirmClient[]>;
  listDelegatedClients(systemUserId: string): Promise<DelegatedClient[]>;
  addClient(systemUserId: string, clientPartyUuid: string): Promise<CallReceipt>;
  removeClient(systemUserId: string, clientPartyUuid: string): Promise<CallReceipt>;
}

export interface DemoPerson {
  pid: string;
  name: string;
  role: DemoPersonRole;
}

export interface SessionPort {
  current(): Session | null;
  demoPersons(): DemoPerson[];
  signIn(pid?: string): Promise<Session>;
  signOut(): void;
}

/** Krav og betalinger as the agent system user: the open claims of one client, parsed leniently. */
export interface KravPort {
  openClaims(orgNumber: string, options?: { externalRef?: string }): Promise<OpenClaims>;
}

export interface Services {
  session: SessionPort;
  /** Throws AppError NOT_SIGNED_IN when nobody is signed in. */
  altinn(): EndUserAltinn;
  krav(): KravPort;
  /** False while the current environment's services cannot be reached. */
  isOnline(): boolean;
}
