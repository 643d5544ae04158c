// Access Management's client administration for employees (altinn.md §10, v1): the firm's agents, which client
// packages each holds, who holds a client, and the writes that change them. Called with the client
// administrator's exchanged Altinn token; `party` is always the firm's party UUID as Altinn named it.
// Answers are parsed leniently (AM writes nulls, `"legacyurn "` has a trailing space, fields come and go).
import { z } from 'zod';
import { packageCode } from '../../../shared/domain/packages';
import { LocalCodes, ServiceError } from '../../platform/errors';
import type { HttpClient } from '../../platform/http/http-client';
import { parseJsonOrUndefined } from '../../platform/http/lenient-json';
import { AltinnHttp, type TokenProvider } from './altinn-http';

const BASE = 'accessmanagement/api/v1/enduser/clientdelegations';

const text = z
  .string()
  .nullish()
  .catch(null)
  .transform((v) => v ?? null);

/** AM's compact entity: a person, an organisation or a system user. */
const entitySchema = z.looseObject({
  id: z.string(),
  name: z.string().catch(''),
  type: z.string().catch(''),
  organizationIdentifier: text,
  personIdentifier: text,
  username: text,
});

const roleAccessSchema = z.looseObject({
  role: z.looseObject({ code: z.string().catch(''), urn: text }).catch({ code: '', urn: null }),
  packages: z
    .array(z.union([z.string(), z.looseObject({ urn: z.string() })]).catch(''))
    .nullish()
    .catch([])
    .transform((list) => (list ?? []).map((p) => (typeof p === 'string' ? p : p.urn)).filter(Boolean)),
});

const agentDtoSchema = z.looseObject({
  agent: entitySchema,
  agentAddedAt: text,
  access: z.array(roleAccessSchema).nullish().catch([]),
});
const clientDtoSchema = z.looseObject({ client: entitySchema, access: z.array(roleAccessSchema).nullish().catch([]) });
const assignmentSchema = z.looseObject({ id: z.string().catch(''), toId: z.string() });
const delegationSchema = z.looseObject({ packageId: z.string().catch(''), changed: z.boolean().catch(true) });

export type AgentKind = 'person' | 'systemUser' | 'organisation';

export interface Agent {
  partyUuid: string;
  name: string;
  kind: AgentKind;
  addedAt: string | null;
}

/** A package held through one of the client's roles towards the firm (`regnskapsforer`, `rettighetshaver` …). */
export interface HeldPackage {
  role: string;
  /** The package code, e.g. `regnskapsforer-med-signeringsrettighet`. */
  packageCode: string;
}

export interface AgentClient {
  partyUuid: string;
  orgNumber: string | null;
  name: string;
  packages: HeldPackage[];
}

export interface ClientAgent extends Agent {
  packages: HeldPackage[];
}

/** National id (11 digits) or username, with the person's last name, as Altinn's profile lookup takes them. */
export interface PersonLookup {
  personIdentifier: string;
  lastName: string;
}

export interface PackageChange {
  packageId: string;
  /** False when Altinn already had it that way (added before, or already removed). */
  changed: boolean;
}

export interface RolePackages {
  role: string;
  packages: string[];
}

function kindOf(type: string): AgentKind {
  const t = type.toLowerCase();
  if (t === 'person') return 'person';
  if (t.startsWith('system')) return 'systemUser';
  return 'organisation';
}

const held = (access: z.infer<typeof roleAccessSchema>[] | null | undefined): HeldPackage[] =>
  (access ?? []).flatMap((a) => a.packages.map((urn) => ({ role: a.role.code || (a.role.urn ?? ''), packageCode: packageCode(urn) })));

const agentOf = (a: z.output<typeof agentDtoSchema>): Agent => ({
  partyUuid: a.agent.id,
  name: a.agent.name,
  kind: kindOf(a.agent.type),
  addedAt: a.agentAddedAt,
});

/** Items of a list that do not parse are skipped: one odd entry must not hide the rest. */
function parseEach<T>(items: unknown[], schema: z.ZodType<T>): T[] {
  return items.flatMap((item) => {
    const parsed = schema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

export class ClientAdministrationApi {
  private readonly altinn: AltinnHttp;

  constructor(http: HttpClient, platformUrl: string, token: TokenProvider) {
    this.altinn = new AltinnHttp(http, platformUrl, token, 'client-delegation');
  }

  async listAgents(firmPartyUuid: string, signal?: AbortSignal): Promise<Agent[]> {
    const agents = await this.list(`${BASE}/agents`, { party: firmPartyUuid }, 'list agents', agentDtoSchema, signal);
    return agents.map(agentOf);
  }

  /** The clients an agent holds packages from, and which. */
  async agentClients(firmPartyUuid: string, agentPartyUuid: string, signal?: AbortSignal): Promise<AgentClient[]> {
    const query = { party: firmPartyUuid, to: agentPartyUuid };
    const clients = await this.list(`${BASE}/agents/accesspackages`, query, 'agent clients', clientDtoSchema, signal);
    return clients.map((c) => ({
      partyUuid: c.client.id,
      orgNumber: c.client.organizationIdentifier,
      name: c.client.name,
      packages: held(c.access),
    }));
  }

  /** Who holds packages from a client: employees and agent system users together. */
  async clientAgents(firmPartyUuid: string, clientPartyUuid: string, signal?: AbortSignal): Promise<ClientAgent[]> {
    const query = { party: firmPartyUuid, from: clientPartyUuid };
    const agents = await this.list(`${BASE}/clients/accesspackages`, query, 'who has the client', agentDtoSchema, signal);
    return agents.map((a) => ({ ...agentOf(a), packages: held(a.access) }));
  }

  /** Every page of a list, each item parsed on its own. */
  private async list<T>(
    path: string,
    query: Record<string, string>,
    operation: string,
    schema: z.ZodType<T>,
    signal?: AbortSignal,
  ): Promise<T[]> {
    return parseEach(await this.altinn.allPages({ method: 'GET', path, query, operation, signal }, z.unknown()), schema);
  }

  /** Adding an agent who already is one gives back the same assignment, so a repeat is harmless. */
  async addAgent(
    firmPartyUuid: string,
    person: PersonLookup,
    signal?: AbortSignal,
  ): Promise<{ agentPartyUuid: string; correlationId: string }> {
    const res = await this.altinn.send({
      method: 'POST',
      path: `${BASE}/agents`,
      query: { party: firmPartyUuid },
      body: { personIdentifier: person.personIdentifier, lastName: person.lastName },
      idempotent: true,
      operation: 'add agent',
      signal,
    });
    const assignment = assignmentSchema.safeParse(parseJsonOrUndefined(res.bodyText));
    if (!assignment.success) {
      throw new ServiceError({
        service: 'altinn',
        code: LocalCodes.BadResponse,
        status: res.status,
        correlationId: res.correlationId,
        message: 'Altinn added the agent but did not say who it is; refresh the list of employees.',
      });
    }
    return { agentPartyUuid: assignment.data.toId, correlationId: res.correlationId };
  }

  /** Without `cascade`, Altinn refuses (AM.VLD-00031) while the agent still holds client packages. */
  async removeAgent(
    firmPartyUuid: string,
    agentPartyUuid: string,
    cascade: boolean,
    signal?: AbortSignal,
  ): Promise<{ correlationId: string }> {
    const res = await this.altinn.send({
      method: 'DELETE',
      path: `${BASE}/agents`,
      query: { party: firmPartyUuid, to: agentPartyUuid, cascade: String(cascade) },
      idempotent: true,
      operation: 'remove agent',
      signal,
    });
    return { correlationId: res.correlationId };
  }

  async delegatePackages(
    firmPartyUuid: string,
    clientPartyUuid: string,
    agentPartyUuid: string,
    values: RolePackages[],
    signal?: AbortSignal,
  ) {
    return this.changePackages('POST', firmPartyUuid, clientPartyUuid, agentPartyUuid, values, signal);
  }

  async removePackages(
    firmPartyUuid: string,
    clientPartyUuid: string,
    agentPartyUuid: string,
    values: RolePackages[],
    signal?: AbortSignal,
  ) {
    return this.changePackages('DELETE', firmPartyUuid, clientPartyUuid, agentPartyUuid, values, signal);
  }

  private async changePackages(
    method: 'POST' | 'DELETE',
    firmPartyUuid: string,
    clientPartyUuid: string,
    agentPartyUuid: string,
    values: RolePackages[],
    signal?: AbortSignal,
  ): Promise<{ changes: PackageChange[]; correlationId: string }> {
    const res = await this.altinn.send({
      method,
      path: `${BASE}/agents/accesspackages`,
      query: { party: firmPartyUuid, from: clientPartyUuid, to: agentPartyUuid },
      body: { values },
      // Both writes converge: a repeat reports `changed: false` instead of failing.
      idempotent: true,
      operation: method === 'POST' ? 'delegate client packages' : 'remove client packages',
      signal,
    });
    const body = parseJsonOrUndefined(res.bodyText);
    return { changes: parseEach(Array.isArray(body) ? body : [], delegationSchema), correlationId: res.correlationId };
  }
}
