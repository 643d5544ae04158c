// Public types of the demo world. The app and the tests depend on these shapes; keep them stable.
import type { webcrypto } from 'node:crypto';

/** The Web Crypto JWK type (the DOM's `JsonWebKey`, which this Node-only project has no lib for). */
export type JsonWebKey = webcrypto.JsonWebKey;

export type ServiceName = 'maskinporten' | 'idporten' | 'altinn' | 'skatteetaten';
export type Preset = 'start' | 'ready';
/** `real`: bodies as captured from the live service (no MP code, `(correlation id: …)`); `documented`: the docs' table with MP-nnn. */
export type MaskinportenErrorForm = 'real' | 'documented';

export interface DemoWorldOptions {
  /** First port; the services take consecutive ports from it. 0 (the default) = free ports. */
  port?: number;
  /** Bearer secret of the admin API (at least 22 characters). Default: a random 256-bit base64url value. */
  adminSecret?: string;
  /** Number of clients of the firm, the named c1..c11 included (default 300). */
  clients?: number;
  seed?: number;
  preset?: Preset;
  /** JSON file that keeps requests, system users, delegations and JWKs across restarts. */
  stateFile?: string;
  /** Latency added to every service response. */
  latencyMs?: number;
  /** The date claims are "due" or "overdue" against (YYYY-MM-DD, default 2026-11-24). */
  demoDate?: string;
  /** Suppresses the log lines on stderr. */
  quiet?: boolean;
  /** Faults active from the start (the CLI's --fault). */
  faults?: FaultSpec[];
  /** Form of Maskinporten's error bodies (default `real`); also `PUT {admin}/settings`. */
  maskinportenErrors?: MaskinportenErrorForm;
  /**
   * Days until an unanswered system-user request times out (default 180, as Altinn's code has it; some of its
   * docs say 10, so a test can choose). Also `PUT {admin}/settings`.
   */
  requestTimeoutDays?: number;
}

/** A fault: random failures (the default kind) or a lost answer. */
export type FaultSpec = RandomFaultSpec | LoseAnswerFaultSpec;

export interface FaultMatch {
  service: ServiceName | '*';
  /** Upper-case HTTP method; any method when absent. */
  method?: string;
  pathPrefix?: string;
}

/**
 * The request is applied (the state changes), but its answer is lost: `drop` destroys the socket without
 * answering, `late` answers only after `delayMs`, the way a network loses an answer after the server acted.
 */
export interface LoseAnswerFaultSpec extends FaultMatch {
  kind: 'lose-answer';
  mode: 'drop' | 'late';
  /** For `late`: how long the answer is held back (default 30000). */
  delayMs?: number;
  /** 0..1, default 1. */
  rate?: number;
  /** Only the first N matching requests lose their answer; unlimited when absent. */
  times?: number;
}

export interface RandomFaultSpec extends FaultMatch {
  kind?: undefined;
  latencyMs?: number;
  /** 0..1 */
  errorRate?: number;
  /** Default [500, 502, 503]. */
  errorStatuses?: number[];
  /** 0..1; answers 429 with Retry-After. */
  rateLimitRate?: number;
  retryAfterSeconds?: number;
  /** 0..1; never answers until the client gives up or the world closes. */
  hangRate?: number;
  /** 0..1; destroys the socket without a response. */
  dropRate?: number;
}

export interface DecodedJwt {
  /** Where the token was seen, e.g. `request.assertion`, `request.authorization`, `response.access_token`. */
  where: string;
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
}

export interface TrafficEntry {
  id: number;
  /** ISO time the request arrived (world clock). */
  time: string;
  service: ServiceName;
  method: string;
  /** Path including the query string (secrets in the query are redacted). */
  path: string;
  /** null when the request was dropped or never answered. */
  status: number | null;
  durationMs: number;
  correlationId: string;
  /** Set when another service of the world made the call (an internal hop). */
  caller?: ServiceName;
  /** The fault that was injected, if any. */
  fault?: 'latency' | 'error' | 'rateLimit' | 'hang' | 'drop' | 'lostAnswer' | 'lateAnswer';
  requestBody?: unknown;
  responseBody?: unknown;
  decodedJwt?: DecodedJwt[];
}

export interface DemoPerson {
  key: 'morten' | 'kari' | 'jonas';
  pid: string;
  name: string;
  userId: number;
  partyId: number;
  partyUuid: string;
  /** `klientadministrator`, `tilgangsstyrer`, `hovedadministrator`, as held for the firm. */
  rights: string[];
}

export interface DemoWorldUrls {
  maskinporten: string;
  idporten: string;
  /** Altinn's platform APIs. */
  altinn: string;
  /** Altinn's portal (host of `confirmUrl`). The demo serves it from the platform's server. */
  altinnPortal: string;
  /** Without /v1. */
  skatteetaten: string;
  admin: string;
}

/** Exactly the JSON object the CLI prints on its first stdout line. */
export interface DemoWorldInfo {
  urls: DemoWorldUrls;
  seed: number;
  preset: Preset;
  demoDate: string;
  clientCount: number;
  maskinporten: { issuer: string; tokenEndpoint: string; jwksUri: string };
  skatteetaten: {
    orgNo: string;
    name: string;
    resourceId: string;
    scope: string;
    maskinportenClientId: string;
    kid: string;
    apimSubscriptionKey: string;
  };
  vendor: { orgNo: string; name: string; systemId: string; maskinportenClientId: string; kid: string; scopes: string[] };
  firm: { orgNo: string; name: string; partyId: number; partyUuid: string };
  requests: { rA: string; rB: string; rK: string };
  systemUsers: {
    suA: { id: string; requestId: string; externalRef: string; packages: string[] };
    suB: { id: string; requestId: string; externalRef: string; packages: string[] };
    /** The firm's client-administration system user (standard, package klientadministrator); approved in `ready`. */
    suK: { id: string; requestId: string; externalRef: string; packages: string[]; userType: 'standard' };
  };
  persons: DemoPerson[];
  idporten: { clientId: string; scopes: string[]; issuer: string };
  clients: {
    /** c1..c11 and x1 (x1 is not a client). */
    named: Record<string, string>;
    /** Per system user id: the org numbers delegated when the world started. */
    delegated: Record<string, string[]>;
    /** Clients available to SU-A but not delegated to it at start (named ones). */
    notDelegated: string[];
    /** A few generated clients, for quick manual tries. */
    generatedSample: string[];
    nonClient: string;
  };
}

/** Switches that `PUT {admin}/settings` changes while the world runs. */
export interface DemoWorldSettings {
  maskinportenErrors: MaskinportenErrorForm;
  requestTimeoutDays: number;
}

export interface DemoWorldAdmin {
  reset(preset?: Preset): Promise<void>;
  setFaults(f: FaultSpec[]): void;
  clearFaults(): void;
  registerJwk(clientId: string, jwk: JsonWebKey & { kid: string }): void;
  advanceClock(seconds: number): void;
  settings(): DemoWorldSettings;
  /** Changes the given switches; the others keep their value. */
  setSettings(settings: Partial<DemoWorldSettings>): void;
  /** Org numbers of the clients delegated to the system user. */
  delegatedClients(systemUserId: string): string[];
  /** The organisation ends (`leave`) or starts (`join`, with ER roles) its client relationship with the firm. */
  clientRelation(
    change: 'leave' | 'join',
    orgNo: string,
    roles?: Array<'REGN' | 'REVI' | 'FFØR'>,
  ): { ok: true } | { ok: false; error: string };
}

export interface DemoWorld {
  urls: DemoWorldUrls;
  /** The admin API's bearer secret (`Authorization: Bearer <adminSecret>`). */
  adminSecret: string;
  info: DemoWorldInfo;
  admin: DemoWorldAdmin;
  traffic: { list(sinceId?: number): TrafficEntry[]; subscribe(cb: (e: TrafficEntry) => void): () => void };
  close(): Promise<void>;
}
