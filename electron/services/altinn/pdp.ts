// Altinn's decision point (altinn.md §12): may this system user read this resource for this client?
// Skatteetaten asks it on every call; the app asks it to explain a 403 before the user goes hunting.
import type { HttpClient } from '../../platform/http/http-client';
import { AltinnHttp, type TokenProvider } from './altinn-http';
import { pdpAnswerSchema, type PdpAnswer } from './schemas';

export type { PdpAnswer, PdpDecision } from './schemas';

export interface PdpQuestion {
  systemUserId: string;
  /** Resource Registry id, e.g. `ske-krav-og-betalinger`. */
  resource: string;
  clientOrgNumber: string;
  action?: string;
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
    return this.altinn.read(
      {
        method: 'POST',
        path: 'authorization/api/v1/authorize',
        operation: 'authorize',
        body: pdpRequestBody(question),
        // A decision query changes nothing, so repeating it is harmless.
        idempotent: true,
        headers: { 'Ocp-Apim-Subscription-Key': this.subscriptionKey },
        signal,
      },
      pdpAnswerSchema,
    );
  }
}
