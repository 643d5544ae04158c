// The vendor's side of Altinn (altinn.md §5–§6): register the system and ask firms for agent system users.
// Called with plain Maskinporten vendor tokens (no authorization_details).
import { packageUrn } from '../../../shared/domain/packages';
import type { HttpClient } from '../../platform/http/http-client';
import { arr, bool, field, parseJsonOrUndefined, str } from '../../platform/http/lenient-json';
import { AltinnHttp, type TokenProvider } from './altinn-http';

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

export type RequestStatus = 'New' | 'Accepted' | 'Rejected' | 'Denied' | 'Timedout' | 'Unknown';

export interface AgentRequest {
  id: string;
  status: RequestStatus;
  systemId: string;
  partyOrgNo: string;
  externalRef?: string;
  integrationTitle?: string;
  packages: string[];
  confirmUrl?: string;
  redirectUrl?: string;
  escalated: boolean;
  timedOut: boolean;
  created?: string;
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
    const body = parseJsonOrUndefined(res.bodyText);
    return typeof body === 'string' ? body : res.bodyText.trim();
  }

  async getSystem(systemId: string): Promise<RegisteredSystem> {
    return parseRegisteredSystem(
      await this.altinn.json({ method: 'GET', path: `${SYSTEMREGISTER}/${encodeURIComponent(systemId)}`, operation: 'read system' }),
    );
  }

  /** 201 for a new request, 200 with the existing one for the same (system, firm, externalRef). */
  async createAgentRequest(input: AgentRequestInput): Promise<{ request: AgentRequest; created: boolean }> {
    const res = await this.altinn.send({
      method: 'POST',
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
    });
    return { request: parseAgentRequest(parseJsonOrUndefined(res.bodyText)), created: res.status === 201 };
  }

  async getAgentRequest(requestId: string): Promise<AgentRequest> {
    return parseAgentRequest(
      await this.altinn.json({ method: 'GET', path: `${REQUESTS}/${encodeURIComponent(requestId)}`, operation: 'read agent request' }),
    );
  }

  async getAgentRequestByExternalRef(systemId: string, orgNo: string, externalRef: string): Promise<AgentRequest> {
    const path = `${REQUESTS}/byexternalref/${[systemId, orgNo, externalRef].map(encodeURIComponent).join('/')}`;
    return parseAgentRequest(await this.altinn.json({ method: 'GET', path, operation: 'read agent request' }));
  }
}

/** The system register's answer (altinn.md §5): the vendor as `{authority, ID: "0192:<orgno>"}`, and `softDeleted`. */
export interface RegisteredSystem {
  id: string;
  vendorOrgNumber: string;
  vendorAuthority?: string;
  clientIds: string[];
  packages: string[];
  softDeleted: boolean;
  isVisible: boolean;
}

export function parseRegisteredSystem(body: unknown): RegisteredSystem {
  const vendor = field(body, 'vendor');
  const vendorId = str(vendor, 'ID', 'id') ?? '';
  return {
    id: str(body, 'id', 'systemId') ?? '',
    vendorOrgNumber: vendorId.includes(':') ? vendorId.slice(vendorId.lastIndexOf(':') + 1) : vendorId,
    vendorAuthority: str(vendor, 'authority'),
    clientIds: arr(body, 'clientId', 'clientIds').filter((c): c is string => typeof c === 'string'),
    packages: arr(body, 'accessPackages')
      .map((p) => str(p, 'urn') ?? '')
      .filter(Boolean),
    softDeleted: bool(body, 'softDeleted') ?? bool(body, 'isDeleted') ?? false,
    isVisible: bool(body, 'isVisible') ?? false,
  };
}

const STATUSES: readonly RequestStatus[] = ['New', 'Accepted', 'Rejected', 'Denied', 'Timedout'];

export function parseAgentRequest(body: unknown): AgentRequest {
  // The enum says Timedout, some docs TimedOut: compare without case.
  const raw = str(body, 'status') ?? '';
  return {
    id: str(body, 'id') ?? '',
    status: STATUSES.find((s) => s.toLowerCase() === raw.toLowerCase()) ?? 'Unknown',
    systemId: str(body, 'systemId') ?? '',
    partyOrgNo: str(body, 'partyOrgNo') ?? '',
    externalRef: str(body, 'externalRef'),
    integrationTitle: str(body, 'integrationTitle'),
    packages: arr(body, 'accessPackages')
      .map((p) => str(p, 'urn') ?? '')
      .filter(Boolean),
    confirmUrl: str(body, 'confirmUrl'),
    redirectUrl: str(body, 'redirectUrl'),
    escalated: bool(body, 'escalated') ?? false,
    timedOut: bool(body, 'timedOut') ?? false,
    created: str(body, 'created'),
  };
}
