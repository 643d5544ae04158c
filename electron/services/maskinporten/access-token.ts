// Reads the claims of a Maskinporten access token (maskinporten.md §4.3) without verifying it: the app
// only needs them for display and for the PDP subject. Docs disagree on `ID`/`id`, so parse leniently.
import { decodeJwt, type JWTPayload } from 'jose';
import { readIfFits } from '../../platform/http/lenient-json';
import { accessTokenClaimsSchema } from './schemas';

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
  const read = readIfFits(accessTokenClaimsSchema, claims);
  const detail = read?.authorization_details;
  // An array of UUIDs, in practice one; its first element is the PDP subject.
  const firstSystemUserId = detail?.systemuser_id[0];
  return {
    claims,
    clientId: read?.client_id,
    consumerOrg: read?.consumer,
    scope: read?.scope,
    systemUserId: typeof firstSystemUserId === 'string' ? firstSystemUserId : undefined,
    systemUserOrg: detail?.systemuser_org,
    systemId: detail?.system_id,
    externalRef: detail?.externalRef,
    expiresAtSeconds: read?.exp,
  };
}
