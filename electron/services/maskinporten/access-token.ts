// Reads the claims of a Maskinporten access token (maskinporten.md §4.3) without verifying it: the app
// only needs them for display and for the PDP subject. Docs disagree on `ID`/`id`, so parse leniently.
import { decodeJwt, type JWTPayload } from 'jose';
import { arr, field, str } from '../../platform/http/lenient-json';

export interface AccessTokenSummary {
  claims: JWTPayload;
  clientId?: string;
  consumerOrg?: string;
  scope?: string;
  systemUserId?: string;
  systemUserOrg?: string;
  systemId?: string;
  externalRef?: string;
  expiresAtSeconds?: number;
}

export function summariseAccessToken(accessToken: string): AccessTokenSummary | undefined {
  let claims: JWTPayload;
  try {
    claims = decodeJwt(accessToken);
  } catch {
    // Opaque tokens are allowed by the protocol; nothing to read then.
    return undefined;
  }
  const detail = arr(claims, 'authorization_details').find((d) => str(d, 'type') === 'urn:altinn:systemuser');
  const orgId = (o: unknown): string | undefined => str(o, 'ID', 'id')?.replace(/^0192:/, '');
  // An array of UUIDs, in practice one; its first element is the PDP subject.
  const firstSystemUserId = arr(detail, 'systemuser_id')[0];
  return {
    claims,
    clientId: str(claims, 'client_id'),
    consumerOrg: orgId(field(claims, 'consumer')),
    scope: str(claims, 'scope'),
    systemUserId: typeof firstSystemUserId === 'string' ? firstSystemUserId : undefined,
    systemUserOrg: orgId(field(detail, 'systemuser_org')),
    systemId: str(detail, 'system_id'),
    externalRef: str(detail, 'externalRef'),
    expiresAtSeconds: typeof claims.exp === 'number' ? claims.exp : undefined,
  };
}
