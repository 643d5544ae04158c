// The client-delegation API for agent system users (altinn.md §9), called with the client administrator's
// exchanged Altinn token. An empty 403 from any of these means the user lacks Klientadministrator.
import { packageCode } from '../../../shared/domain/packages';
import type { HttpClient, HttpResponse } from '../../platform/http/http-client';
import { arr, bool, parseJsonOrUndefined, str } from '../../platform/http/lenient-json';
import { AltinnHttp, type TokenProvider } from './altinn-http';

const BASE = 'authentication/api/v1/enduser/systemuser';

export interface AgentSystemUser {
  id: string;
  integrationTitle: string;
  systemId: string;
  externalRef?: string;
  ownerOrgNumber?: string;
  partyId?: string;
  /** Often "" in real answers (the `partyUuId` quirk). */
  partyUuid?: string;
  created?: string;
  isDeleted: boolean;
  /** Package codes, e.g. `regnskapsforer-med-signeringsrettighet`. */
  packages: string[];
}

export interface DelegationClient {
  partyUuid: string;
  orgNumber: string;
  name: string;
}

export interface DelegationEcho {
  agent: string;
  client: string;
  /** Our X-Correlation-ID of the call, for the audit trail. */
  correlationId: string;
}

export class ClientDelegationApi {
  private readonly altinn: AltinnHttp;

  constructor(http: HttpClient, platformUrl: string, token: TokenProvider) {
    this.altinn = new AltinnHttp(http, platformUrl, token, 'client-delegation');
  }

  async listAgentSystemUsers(firmOrgNumber: string, signal?: AbortSignal): Promise<AgentSystemUser[]> {
    const body = await this.altinn.json({
      method: 'GET',
      path: `${BASE}/agents`,
      query: { party: firmOrgNumber },
      operation: 'list agent system users',
      signal,
    });
    const list = Array.isArray(body) ? body : arr(body, 'data');
    return list.map(parseSystemUser).filter((su) => su.id !== '' && !su.isDeleted);
  }

  /** Any-of: includes clients that will fail the AND rule, and clients already delegated. */
  async availableClients(agentId: string, signal?: AbortSignal): Promise<DelegationClient[]> {
    const data = await this.altinn.allPages({
      method: 'GET',
      path: `${BASE}/clients/available`,
      query: { agent: agentId },
      operation: 'available clients',
      signal,
    });
    return data.map(parseClient);
  }

  async delegatedClients(agentId: string, signal?: AbortSignal): Promise<DelegationClient[]> {
    const data = await this.altinn.allPages({
      method: 'GET',
      path: `${BASE}/clients`,
      query: { agent: agentId },
      operation: 'delegated clients',
      signal,
    });
    return data.map(parseClient);
  }

  /** Adding a client that is already delegated succeeds, so the POST is safe to repeat. */
  async addClient(agentId: string, clientPartyUuid: string, signal?: AbortSignal): Promise<DelegationEcho> {
    const res = await this.altinn.send({
      method: 'POST',
      path: `${BASE}/clients`,
      query: { agent: agentId, client: clientPartyUuid },
      idempotent: true,
      operation: 'add client',
      signal,
    });
    return echo(res, agentId, clientPartyUuid);
  }

  async removeClient(agentId: string, clientPartyUuid: string, signal?: AbortSignal): Promise<DelegationEcho> {
    const res = await this.altinn.send({
      method: 'DELETE',
      path: `${BASE}/clients`,
      query: { agent: agentId, client: clientPartyUuid },
      operation: 'remove client',
      signal,
    });
    return echo(res, agentId, clientPartyUuid);
  }
}

function echo(res: HttpResponse, agentId: string, clientPartyUuid: string): DelegationEcho {
  const body = parseJsonOrUndefined(res.bodyText);
  return { agent: str(body, 'agent') ?? agentId, client: str(body, 'client') ?? clientPartyUuid, correlationId: res.correlationId };
}

function parseSystemUser(u: unknown): AgentSystemUser {
  return {
    id: str(u, 'id') ?? '',
    integrationTitle: str(u, 'integrationTitle') ?? '',
    systemId: str(u, 'systemId') ?? '',
    externalRef: str(u, 'externalRef'),
    ownerOrgNumber: str(u, 'reporteeOrgNo'),
    partyId: str(u, 'partyId'),
    partyUuid: str(u, 'partyUuId', 'partyUuid') || undefined,
    created: str(u, 'created'),
    // Altinn's own name is softDeleted; older answers and the docs say isDeleted.
    isDeleted: bool(u, 'softDeleted') ?? bool(u, 'isDeleted') ?? false,
    packages: arr(u, 'accessPackages')
      .map((p) => str(p, 'urn') ?? (typeof p === 'string' ? p : ''))
      .filter(Boolean)
      .map(packageCode),
  };
}

function parseClient(c: unknown): DelegationClient {
  return {
    partyUuid: str(c, 'clientId') ?? '',
    orgNumber: str(c, 'clientOrganizationNumber') ?? '',
    name: str(c, 'clientOrganizationName') ?? '',
  };
}
