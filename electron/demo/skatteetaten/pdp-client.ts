// Skatteetaten's side of the per-call authorisation: its own Maskinporten token (grant signed with its
// key), exchanged at Altinn, then Altinn's PDP with the APIM subscription key. All over real HTTP.
import { randomUUID } from 'node:crypto';
import { maskinportenIssuer, type WorldContext } from '../context';
import { hop } from '../http/hop';
import { decodeJwt, isRecord, signJwt } from '../jwt';
import { APIM_SUBSCRIPTION_KEY, RESOURCE_ID, SCOPES, SKD_CLIENT_ID } from '../seed/identifiers';

export type PdpOutcome = 'Permit' | 'NotApplicable' | 'Deny' | 'Indeterminate' | 'unavailable';

const REFRESH_MARGIN_SECONDS = 60;

export class PdpClient {
  private token: { value: string; exp: number } | null = null;
  private inflight: Promise<string> | null = null;

  private readonly w: WorldContext;

  constructor(w: WorldContext) {
    this.w = w;
  }

  private async fetchToken(correlationId: string): Promise<string> {
    const w = this.w;
    const now = w.clock.nowSeconds();
    const grant = await signJwt(w.keys.skatteetatenClient, {
      aud: maskinportenIssuer(w),
      iss: SKD_CLIENT_ID,
      scope: SCOPES.authorize,
      iat: now,
      exp: now + 60,
      jti: randomUUID(),
    });
    const mp = await hop(`${w.urls.maskinporten}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: grant }).toString(),
      correlationId,
      caller: 'skatteetaten',
    });
    const body: unknown = JSON.parse(mp.text);
    if (mp.status !== 200 || !isRecord(body) || typeof body.access_token !== 'string')
      throw new Error(`Maskinporten answered ${mp.status}`);
    const exchanged = await hop(`${w.urls.altinn}/authentication/api/v1/exchange/maskinporten`, {
      headers: { authorization: `Bearer ${body.access_token}` },
      correlationId,
      caller: 'skatteetaten',
    });
    if (exchanged.status !== 200) throw new Error(`Altinn exchange answered ${exchanged.status}`);
    const value = exchanged.text.trim();
    const decoded = decodeJwt(value);
    if (!decoded) throw new Error('Altinn exchange answered something that is not a JWT');
    const exp = decoded.claims.exp;
    this.token = { value, exp: typeof exp === 'number' ? exp : now + 300 };
    return value;
  }

  private altinnToken(correlationId: string): Promise<string> {
    if (this.token && this.token.exp - REFRESH_MARGIN_SECONDS > this.w.clock.nowSeconds()) return Promise.resolve(this.token.value);
    this.inflight ??= this.fetchToken(correlationId).finally(() => {
      this.inflight = null;
    });
    return this.inflight;
  }

  async decide(systemUserId: string, partyOrgNo: string, correlationId: string): Promise<PdpOutcome> {
    try {
      const token = await this.altinnToken(correlationId);
      const res = await hop(`${this.w.urls.altinn}/authorization/api/v1/authorize`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'ocp-apim-subscription-key': APIM_SUBSCRIPTION_KEY,
          'content-type': 'application/json',
        },
        body: JSON.stringify({
          Request: {
            AccessSubject: [{ Attribute: [{ AttributeId: 'urn:altinn:systemuser:uuid', Value: systemUserId }] }],
            Action: [{ Attribute: [{ AttributeId: 'urn:oasis:names:tc:xacml:1.0:action:action-id', Value: 'read' }] }],
            Resource: [
              {
                Attribute: [
                  { AttributeId: 'urn:altinn:resource', Value: RESOURCE_ID },
                  { AttributeId: 'urn:altinn:organization:identifier-no', Value: partyOrgNo },
                ],
              },
            ],
          },
        }),
        correlationId,
        caller: 'skatteetaten',
      });
      if (res.status === 401) this.token = null;
      if (res.status !== 200) return 'unavailable';
      const body: unknown = JSON.parse(res.text);
      const first = isRecord(body) && Array.isArray(body.Response) ? (body.Response[0] as unknown) : undefined;
      const decision = isRecord(first) ? first.Decision : undefined;
      return decision === 'Permit' || decision === 'NotApplicable' || decision === 'Deny' || decision === 'Indeterminate'
        ? decision
        : 'unavailable';
    } catch {
      return 'unavailable';
    }
  }

  clear(): void {
    this.token = null;
  }
}
