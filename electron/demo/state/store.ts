// In-memory world state with optional persistence to a JSON file (written atomically after each change).
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { createRng, hashSeed, seededUuid } from '../random';
import type { PersistedState, PersonAgentAccess, RegisteredJwk, RegisteredSystem, SystemUser, SystemUserRequest } from './model';

export class WorldStore {
  systems = new Map<string, RegisteredSystem>();
  requests = new Map<string, SystemUserRequest>();
  systemUsers = new Map<string, SystemUser>();
  /** system user id → delegated client org numbers. */
  delegations = new Map<string, Set<string>>();
  jwks = new Map<string, RegisteredJwk[]>();
  /** scope → org numbers granted the scope (access-controlled scopes only). */
  scopeAccess = new Map<string, Set<string>>();
  personAgents: PersonAgentAccess[] = [];
  signingKeys: NonNullable<PersistedState['signingKeys']> = {};
  private uuidCounter = 0;
  private readonly assignmentIds = new Map<string, string>();
  private saveScheduled = false;

  readonly seed: number;
  private readonly file: string | undefined;

  constructor(seed: number, file?: string) {
    this.seed = seed;
    this.file = file;
  }

  /** New ids come from the seed, so a replayed demo creates the same ids. */
  nextUuid(): string {
    this.uuidCounter += 1;
    return seededUuid(createRng(hashSeed(this.seed, 'uuid', this.uuidCounter)));
  }

  /** The agent assignment's id: drawn once per (firm, person), kept while the world runs. */
  assignmentId(firmUuid: string, pid: string): string {
    const key = `${firmUuid}|${pid}`;
    let id = this.assignmentIds.get(key);
    if (!id) this.assignmentIds.set(key, (id = randomUUID()));
    return id;
  }

  delegatedTo(systemUserId: string): Set<string> {
    let set = this.delegations.get(systemUserId);
    if (!set) {
      set = new Set();
      this.delegations.set(systemUserId, set);
    }
    return set;
  }

  load(state: PersistedState): void {
    this.systems = new Map(state.systems.map((s) => [s.id, s]));
    this.requests = new Map(state.requests.map((r) => [r.id, r]));
    this.systemUsers = new Map(state.systemUsers.map((u) => [u.id, u]));
    this.delegations = new Map(Object.entries(state.delegations).map(([k, v]) => [k, new Set(v)]));
    this.jwks = new Map(Object.entries(state.jwks));
    this.scopeAccess = new Map(Object.entries(state.scopeAccess).map(([k, v]) => [k, new Set(v)]));
    this.personAgents = state.personAgents.map(upgradePersonAgent);
    this.uuidCounter = state.uuidCounter;
    this.signingKeys = state.signingKeys ?? {};
  }

  snapshot(): PersistedState {
    return {
      version: 1,
      seed: this.seed,
      systems: [...this.systems.values()],
      requests: [...this.requests.values()],
      systemUsers: [...this.systemUsers.values()],
      delegations: Object.fromEntries([...this.delegations].map(([k, v]) => [k, [...v]])),
      jwks: Object.fromEntries(this.jwks),
      scopeAccess: Object.fromEntries([...this.scopeAccess].map(([k, v]) => [k, [...v]])),
      personAgents: this.personAgents,
      uuidCounter: this.uuidCounter,
      signingKeys: this.signingKeys,
    };
  }

  readFile(): PersistedState | null {
    if (!this.file) return null;
    try {
      const parsed = JSON.parse(readFileSync(this.file, 'utf8')) as PersistedState;
      return parsed.version === 1 ? parsed : null;
    } catch {
      return null;
    }
  }

  /** Coalesces the writes of one burst of changes into one file write. */
  changed(): void {
    if (!this.file || this.saveScheduled) return;
    this.saveScheduled = true;
    setImmediate(() => {
      this.saveScheduled = false;
      this.flush();
    });
  }

  flush(): void {
    if (!this.file) return;
    mkdirSync(dirname(this.file), { recursive: true });
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.snapshot()), { mode: 0o600 });
    renameSync(tmp, this.file);
  }
}

/** State files written before per-client packages kept one package list for all of a person's clients. */
function upgradePersonAgent(
  a: PersonAgentAccess | (Omit<PersonAgentAccess, 'access'> & { clients: string[]; packages: string[] }),
): PersonAgentAccess {
  if ('access' in a) return a;
  return { pid: a.pid, addedAt: a.addedAt, access: Object.fromEntries(a.clients.map((c) => [c, [...a.packages]])) };
}
