// The client-delegation API for agent system users (altinn.md §9), called with the client administrator's
// exchanged Altinn token. An empty 403 from any of these means the user lacks Klientadministrator.
import type { HttpClient } from '../../platform/http/http-client';
import { parseJsonOrUndefined, readIfFits } from '../../platform/http/lenient-json';
import { AltinnHttp, type AltinnCall, type TokenProvider } from './altinn-http';
import {
  agentSystemUsersSchema,
  delegationClientSchema,
  delegationEchoSchema,
  type AgentSystemUser,
  type DelegationClient,
} from './schemas';

export type { AgentSystemUser, DelegationClient } from './schemas';

const BASE = 'authentication/api/v1/enduser/systemuser';

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
    const users = await this.altinn.read(
      { method: 'GET', path: `${BASE}/agents`, query: { party: firmOrgNumber }, operation: 'list agent system users', signal },
      agentSystemUsersSchema,
    );
    return users.filter((su) => !su.isDeleted);
  }

  /** Any-of: includes clients that will fail the AND rule, and clients already delegated. */
  async availableClients(agentId: string, signal?: AbortSignal): Promise<DelegationClient[]> {
    return this.altinn.allPages(
      { method: 'GET', path: `${BASE}/clients/available`, query: { agent: agentId }, operation: 'available clients', signal },
      delegationClientSchema,
    );
  }

  async delegatedClients(agentId: string, signal?: AbortSignal): Promise<DelegationClient[]> {
    return this.altinn.allPages(
      { method: 'GET', path: `${BASE}/clients`, query: { agent: agentId }, operation: 'delegated clients', signal },
      delegationClientSchema,
    );
  }

  /** Adding a client that is already delegated succeeds, so the POST is safe to repeat. */
  async addClient(agentId: string, clientPartyUuid: string, signal?: AbortSignal): Promise<DelegationEcho> {
    return this.echo(
      {
        method: 'POST',
        path: `${BASE}/clients`,
        query: { agent: agentId, client: clientPartyUuid },
        idempotent: true,
        operation: 'add client',
        signal,
      },
      agentId,
      clientPartyUuid,
    );
  }

  async removeClient(agentId: string, clientPartyUuid: string, signal?: AbortSignal): Promise<DelegationEcho> {
    return this.echo(
      { method: 'DELETE', path: `${BASE}/clients`, query: { agent: agentId, client: clientPartyUuid }, operation: 'remove client', signal },
      agentId,
      clientPartyUuid,
    );
  }

  private async echo(call: AltinnCall, agentId: string, clientPartyUuid: string): Promise<DelegationEcho> {
    const res = await this.altinn.send(call);
    // The change has happened once Altinn says 2xx: an echo in an unexpected shape must not turn it into a failure.
    const body = readIfFits(delegationEchoSchema, parseJsonOrUndefined(res.bodyText));
    return { agent: body?.agent ?? agentId, client: body?.client ?? clientPartyUuid, correlationId: res.correlationId };
  }
}
