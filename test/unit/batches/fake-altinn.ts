// An EndUserAltinn that keeps the delegated set in memory and lets a test script failures per client.
// It watches what the runner must never do: exceed the concurrency, or send one client twice at once.
import { ServiceError } from '../../../electron/platform/errors';
import type { DelegatedClient, EndUserAltinn } from '../../../electron/app/ports';
import { randomUUID } from 'node:crypto';

export type Scripted = Error | ((call: number) => Error | null);

export class FakeAltinn implements EndUserAltinn {
  firm = { orgNumber: '310000027', partyUuid: randomUUID(), name: 'REGNSKAPSFIRMA AS' };
  /** Random party UUIDs, as Altinn's are: never derivable from the org number. */
  private readonly parties = new Map<string, string>();
  private readonly orgOf = new Map<string, string>();
  /** Org numbers the firm is client administrator for; every asked-for number is one unless listed in `strangers`. */
  readonly strangers = new Set<string>();
  /** The next answers for these clients are lost: the call is applied, then the caller gets a timeout. */
  readonly loseAnswer = new Set<string>();
  readonly delegated = new Map<string, Set<string>>();
  readonly calls: { op: 'add' | 'remove'; client: string; at: number }[] = [];
  inFlight = 0;
  maxInFlight = 0;
  readonly sameClientOverlaps: string[] = [];
  latencyMs = 5;
  /** Where call times come from (a test's virtual clock, or the real one). */
  clock: { now(): number } = { now: () => Date.now() };
  /** Next error for a client (consumed once unless a function). */
  readonly script = new Map<string, Scripted>();
  /** Error for every call while set (e.g. offline). */
  everyCall: (() => Error) | null = null;
  packages = ['regnskapsforer-med-signeringsrettighet'];
  private readonly busy = new Set<string>();

  constructor(readonly systemUserId: string) {}

  async listAgentSystemUsers() {
    return [{ id: this.systemUserId, title: 'SU-A', systemId: 'x', externalRef: '310000027', packages: this.packages, created: '' }];
  }
  partyOf(orgNumber: string): string {
    let uuid = this.parties.get(orgNumber);
    if (!uuid) {
      uuid = randomUUID();
      this.parties.set(orgNumber, uuid);
      this.orgOf.set(uuid, orgNumber);
    }
    return uuid;
  }
  /** The firm's clients Altinn lists: every org number a test has asked about, except the strangers. */
  firmClientOrgNumbers: string[] = [];
  listFirmClientsCalls = 0;
  async listFirmClients() {
    this.listFirmClientsCalls++;
    if (this.everyCall) throw this.everyCall();
    return this.firmClientOrgNumbers
      .filter((o) => !this.strangers.has(o))
      .map((orgNumber) => ({
        partyUuid: this.partyOf(orgNumber),
        orgNumber,
        name: `Client ${orgNumber}`,
        variant: 'AS',
        parentOrgNumber: null,
        relationships: [],
        packages: [],
      }));
  }
  async readFirmClients() {
    return { mark: null, clients: await this.listFirmClients() };
  }
  listDelegatedCalls = 0;
  async listDelegatedClients(systemUserId: string): Promise<DelegatedClient[]> {
    this.listDelegatedCalls++;
    if (this.everyCall) throw this.everyCall();
    return [...(this.delegated.get(systemUserId) ?? [])].map((partyUuid) => ({
      partyUuid,
      orgNumber: this.orgOf.get(partyUuid) ?? '',
      name: '',
    }));
  }
  addClient(systemUserId: string, client: string) {
    return this.call('add', systemUserId, client);
  }
  removeClient(systemUserId: string, client: string) {
    return this.call('remove', systemUserId, client);
  }

  callsFor(client: string): number {
    return this.calls.filter((c) => c.client === client).length;
  }

  private async call(op: 'add' | 'remove', systemUserId: string, client: string) {
    this.calls.push({ op, client, at: this.clock.now() });
    if (this.busy.has(client)) this.sameClientOverlaps.push(client);
    this.busy.add(client);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    try {
      await new Promise((r) => setTimeout(r, this.latencyMs));
      if (this.everyCall) throw this.everyCall();
      const scripted = this.script.get(client);
      if (scripted) {
        const error = typeof scripted === 'function' ? scripted(this.callsFor(client)) : scripted;
        if (typeof scripted !== 'function') this.script.delete(client);
        if (error) throw error;
      }
      const set = this.delegated.get(systemUserId) ?? new Set<string>();
      this.delegated.set(systemUserId, set);
      if (op === 'add') set.add(client);
      else set.delete(client);
      if (this.loseAnswer.delete(client)) throw timeoutError();
      return { correlationId: `corr-${this.calls.length}` };
    } finally {
      this.inFlight--;
      this.busy.delete(client);
    }
  }
}

/** A ServiceError like the port throws; `extra` lands in details (e.g. retryAfterSeconds). */
export function altinnError(code: string, status: number, extra: Record<string, unknown> = {}): ServiceError {
  const error = new ServiceError({
    service: 'altinn',
    code,
    status,
    message: `Altinn said ${code}`,
    correlationId: `corr-${code}`,
    retryable: status >= 500 || status === 429,
  });
  Object.assign(error.details!, extra);
  return error;
}

/** The connection was refused: the call provably never arrived. */
export const networkError = (): ServiceError =>
  new ServiceError({ service: 'altinn', code: 'CONNECTION_REFUSED', message: 'Could not reach Altinn (ECONNREFUSED).', retryable: true });

/** No answer in time: the call may have been applied. */
export const timeoutError = (): ServiceError =>
  new ServiceError({ service: 'altinn', code: 'TIMEOUT', message: 'Altinn did not answer within 15 s.', retryable: true });
