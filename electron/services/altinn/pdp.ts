// Altinn's decision point (altinn.md §12): may this system user read this resource for this client?
// Skatteetaten asks it on every call; the app asks it to explain a 403 before the user goes hunting.
import type { HttpClient } from '../../platform/http/http-client';
import { arr, field, str } from '../../platform/http/lenient-json';
import { AltinnHttp, type TokenProvider } from './altinn-http';

export type PdpDecision = 'Permit' | 'NotApplicable' | 'Deny' | 'Indeterminate';

export interface PdpQuestion {
  systemUserId: string;
  /** Resource Registry id, e.g. `ske-krav-og-betalinger`. */
  resource: string;
  clientOrgNumber: string;
  action?: string;
}

export interface PdpAnswer {
  decision: PdpDecision;
  statusCode?: string;
  statusMessage?: string;
}

const attr = (id: string, value: string): Record<string, string> => ({ AttributeId: id, Value: value });

export function pdpRequestBody(q: PdpQuestion): unknown {
  return {
    Request: {
      ReturnPolicyIdList: false,
      AccessSubject: [{ Attribute: [attr('urn:altinn:systemuser:uuid', q.systemUserId)] }],
      Action: [
        {
          Attribute: [
            {
              ...attr('urn:oasis:names:tc:xacml:1.0:action:action-id', q.action ?? 'read'),
              DataType: 'http://www.w3.org/2001/XMLSchema#string',
            },
          ],
        },
      ],
      Resource: [
        { Attribute: [attr('urn:altinn:resource', q.resource), attr('urn:altinn:organization:identifier-no', q.clientOrgNumber)] },
      ],
    },
  };
}

/** Docs show PascalCase, the live server may answer camelCase; both are read. */
export function parsePdpAnswer(body: unknown): PdpAnswer {
  const first = arr(body, 'Response')[0];
  const raw = str(first, 'Decision') ?? 'Indeterminate';
  const decision =
    (['Permit', 'NotApplicable', 'Deny', 'Indeterminate'] as const).find((d) => d.toLowerCase() === raw.toLowerCase()) ?? 'Indeterminate';
  const status = field(first, 'Status');
  return { decision, statusCode: str(field(status, 'StatusCode'), 'Value'), statusMessage: str(status, 'StatusMessage') };
}

export class PdpApi {
  private readonly altinn: AltinnHttp;

  constructor(
    http: HttpClient,
    platformUrl: string,
    token: TokenProvider,
    private readonly subscriptionKey: string,
  ) {
    this.altinn = new AltinnHttp(http, platformUrl, token, 'pdp');
  }

  async authorize(question: PdpQuestion, signal?: AbortSignal): Promise<PdpAnswer> {
    const body = await this.altinn.json({
      method: 'POST',
      path: 'authorization/api/v1/authorize',
      operation: 'authorize',
      body: pdpRequestBody(question),
      // A decision query changes nothing, so repeating it is harmless.
      idempotent: true,
      headers: { 'Ocp-Apim-Subscription-Key': this.subscriptionKey },
      signal,
    });
    return parsePdpAnswer(body);
  }
}
