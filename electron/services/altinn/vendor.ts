// The vendor's side of Altinn (altinn.md §5–§6): register the system and ask firms for agent system users.
// Called with plain Maskinporten vendor tokens (no authorization_details).
import { packageUrn } from '../../../shared/domain/packages';
import type { HttpClient } from '../../platform/http/http-client';
import { z } from 'zod';
import { parseJsonOrUndefined, readIfFits } from '../../platform/http/lenient-json';
import { AltinnHttp, type TokenProvider } from './altinn-http';
import { agentRequestSchema, registeredSystemSchema, type AgentRequest, type RegisteredSystem } from './schemas';

export type { AgentRequest, RegisteredSystem, RequestStatus } from './schemas';

export interface SystemRegistration {
  id: string;
  vendorOrgNumber: string;
  name: { nb: string; nn: string; en: string };
  description: { nb: string; nn: string; en: string };
  accessPackages: readonly string[];
  clientIds: readonly string[];
  allowedRedirectUrls?: readonly string[];
  /** Must be false when any package is a client package (they are never assignable). */
  isVisible?: boolean;
}

export interface AgentRequestInput {
  systemId: string;
  /** The firm that will own the agent system user, never a client. */
  partyOrgNo: string;
  accessPackages: readonly string[];
  externalRef?: string;
  integrationTitle?: string;
  redirectUrl?: string;
}

const SYSTEMREGISTER = 'authentication/api/v1/systemregister/vendor';
const REQUESTS = 'authentication/api/v1/systemuser/request/vendor/agent';

export class VendorApi {
  private readonly altinn: AltinnHttp;

  constructor(http: HttpClient, platformUrl: string, token: TokenProvider) {
    this.altinn = new AltinnHttp(http, platformUrl, token, 'vendor');
  }

  /** Returns Altinn's internal GUID (the body is a JSON string). */
  async registerSystem(system: SystemRegistration): Promise<string> {
    const res = await this.altinn.send({
      method: 'POST',
      path: SYSTEMREGISTER,
      operation: 'register system',
      body: {
        id: system.id,
        vendor: { authority: 'iso6523-actorid-upis', ID: `0192:${system.vendorOrgNumber}` },
        name: system.name,
        description: system.description,
        accessPackages: system.accessPackages.map((p) => ({ urn: packageUrn(p) })),
        clientId: system.clientIds,
        allowedRedirectUrls: system.allowedRedirectUrls ?? [],
        isVisible: system.isVisible ?? false,
      },
    });
    // The body is the GUID as a JSON string; some answers send it bare.
    return readIfFits(z.string(), parseJsonOrUndefined(res.bodyText)) ?? res.bodyText.trim();
  }

  async getSystem(systemId: string): Promise<RegisteredSystem> {
    return this.altinn.read(
      { method: 'GET', path: `${SYSTEMREGISTER}/${encodeURIComponent(systemId)}`, operation: 'read system' },
      registeredSystemSchema,
    );
  }

  /** 201 for a new request, 200 with the existing one for the same (system, firm, externalRef). */
  async createAgentRequest(input: AgentRequestInput): Promise<{ request: AgentRequest; created: boolean }> {
    const call = {
      method: 'POST' as const,
      path: REQUESTS,
      operation: 'create agent request',
      // Altinn answers a repeat with the existing request, so a retry cannot create a second one.
      idempotent: true,
      body: {
        systemId: input.systemId,
        partyOrgNo: input.partyOrgNo,
        externalRef: input.externalRef,
        integrationTitle: input.integrationTitle,
        accessPackages: input.accessPackages.map((p) => ({ urn: packageUrn(p) })),
        redirectUrl: input.redirectUrl,
      },
    };
    const res = await this.altinn.send(call);
    return { request: this.altinn.parse(res, call, agentRequestSchema), created: res.status === 201 };
  }

  async getAgentRequest(requestId: string): Promise<AgentRequest> {
    return this.altinn.read(
      { method: 'GET', path: `${REQUESTS}/${encodeURIComponent(requestId)}`, operation: 'read agent request' },
      agentRequestSchema,
    );
  }

  async getAgentRequestByExternalRef(systemId: string, orgNo: string, externalRef: string): Promise<AgentRequest> {
    const path = `${REQUESTS}/byexternalref/${[systemId, orgNo, externalRef].map(encodeURIComponent).join('/')}`;
    return this.altinn.read({ method: 'GET', path, operation: 'read agent request' }, agentRequestSchema);
  }
}
