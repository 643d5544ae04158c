// The ports: what one part of the app offers another, as narrow typed interfaces. The composition root
// (create-core.ts) implements them on the Maskinporten, Altinn and Skatteetaten clients and on the features'
// own stores, and hands each feature only the ports it uses, so features stay testable with small fakes, never
// reach into each other's tables, and never care which environment they run in.
import type { DemoPerson, Session } from '../../shared/contract/app';
import type { EnvironmentId } from '../../shared/contract/define';
import type { Language } from '../../shared/domain/outcomes';
import type { EventName, EventPayload } from '../../shared/contract';
import type { Relationship } from '../../shared/domain/packages';
import type { OpenClaims } from '../services/skatteetaten/claims-types';
import type { AuditRecord } from '../features/audit/log';
import type { DelegationChange } from '../features/clients/delegation-change';

export type { DelegationChange, DemoPerson };

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

/** One read of the firm's client list, page by page (a digest of each page's bytes), to know the same answer again. */
export type ClientListMark = readonly { digest: string; next: string | null }[];

/**
 * The firm's clients as read: `handed` when they all went to the reader's `onClients`, `unchanged` when Altinn
 * answered byte for byte as when `since` was marked (nothing handed), or the list itself from a reader that
 * does not hand clients on.
 */
export interface FirmClientRead {
  /** Null from a reader that cannot mark its answers: the next read then compares client by client. */
  mark: ClientListMark | null;
  clients: FirmClient[] | 'unchanged' | 'handed';
}

export interface CallReceipt {
  correlationId: string | null;
}

/** The signed-in client administrator's view of Altinn. Every method fails with a typed AppError/ServiceError. */
export interface EndUserAltinn {
  firm: { orgNumber: string; partyUuid: string; name: string };
  listAgentSystemUsers(): Promise<AgentSystemUser[]>;
  listFirmClients(): Promise<FirmClient[]>;
  /** The clients come to `onClients` in batches, in Altinn's order, as they are read. */
  readFirmClients(since: ClientListMark | null, onClients: (batch: FirmClient[]) => void): Promise<FirmClientRead>;
  listDelegatedClients(systemUserId: string): Promise<DelegatedClient[]>;
  addClient(systemUserId: string, clientPartyUuid: string): Promise<CallReceipt>;
  removeClient(systemUserId: string, clientPartyUuid: string): Promise<CallReceipt>;
}

export interface SessionPort {
  current(): Session | null;
  demoPersons(): DemoPerson[];
  signIn(pid?: string): Promise<Session>;
  /** The person gave up waiting for the browser's login. */
  cancelSignIn(): void;
  signOut(): void;
}

/** Krav og betalinger as the agent system user: the open claims of one client, parsed leniently. */
export interface KravPort {
  openClaims(orgNumber: string, options?: { externalRef?: string }): Promise<OpenClaims>;
}

/** The signed-in client administrator's Altinn; throws AppError NOT_SIGNED_IN when nobody is signed in. */
export type AltinnPort = () => EndUserAltinn;

/** False while the current environment's services cannot be reached. */
export type OnlinePort = () => boolean;

/** The environment in use now (Demo, Test or Production). */
export type EnvironmentPort = () => EnvironmentId;

/** The time; injected so tests choose it. */
export type ClockPort = () => Date;

/** The language chosen in Settings, for texts the main process writes (CSV headers, reports). */
export type LanguagePort = () => Language;

/** One row of the audit trail as a feature writes it; the person and the environment are filled in. */
export type AuditEntry = Omit<AuditRecord, 'actor' | 'environment'>;

/** Appends to the audit log with the signed-in person and the current environment filled in. */
export type AuditPort = (entry: AuditEntry) => void;

/** Main → renderer notifications, as the features send them. */
export interface EventsPort {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
  subscribe(listener: (name: EventName, payload: unknown) => void): () => void;
}

/** What the local client list knows of one client, for a feature that plans work on it. */
export interface KnownClient {
  partyUuid: string;
  name: string;
  /** Package codes the firm holds from the client. */
  packages: string[];
}

/** The local client list, read by other features (batches, claims); offered by the clients feature. */
export interface ClientsQueryPort {
  client(environment: string, orgNumber: string): KnownClient | null;
  /** The agent system user's title and packages as last synced, or null when the list has not seen it. */
  systemUser(environment: string, systemUserId: string): { title: string; packages: string[] } | null;
  /** When the local copy was last synced from Altinn (the status bar shows it). */
  lastSyncAt(environment: EnvironmentId): string | null;
}

/** Keeps the local client list in step with confirmed delegations; runs in the caller's transaction. */
export type DelegationRecordPort = (change: DelegationChange) => void;
