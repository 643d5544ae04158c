// Maskinporten's integrations in the demo world (actors.md §5.3) and the scopes they may ask for.
import { KB_SCOPE, SCOPES, SKD_CLIENT_ID, VENDOR_CLIENT_ID } from '../seed/identifiers';
import { SKATTEETATEN, VENDOR } from '../seed/organisations';

export interface MaskinportenClient {
  clientId: string;
  ownerOrgNo: string;
  scopes: readonly string[];
}

export const MASKINPORTEN_CLIENTS: readonly MaskinportenClient[] = [
  {
    clientId: VENDOR_CLIENT_ID,
    ownerOrgNo: VENDOR.orgNo,
    scopes: [
      KB_SCOPE,
      SCOPES.systemRegisterWrite,
      SCOPES.requestWrite,
      SCOPES.requestRead,
      SCOPES.authorizedParties,
      // For the firm's client-administration system user (altinn.md §8.3): the token acts with no person present.
      SCOPES.clientDelegationsRead,
      SCOPES.clientDelegationsWrite,
    ],
  },
  { clientId: SKD_CLIENT_ID, ownerOrgNo: SKATTEETATEN.orgNo, scopes: [SCOPES.authorize] },
];

export const findClient = (clientId: string): MaskinportenClient | undefined => MASKINPORTEN_CLIENTS.find((c) => c.clientId === clientId);

/** Digdir itself: the consumer of the token Maskinporten uses for its own Altinn lookups. */
export const DIGDIR_ORG_NO = '991825827';
export const MASKINPORTEN_INTERNAL_CLIENT_ID = 'maskinporten-internal';

export const MAX_KEYS_PER_CLIENT = 5;
export const KEY_LIFETIME_MS = 365 * 24 * 3600 * 1000;
export const TOKEN_LIFETIME_SECONDS = 120;
export const MAX_GRANT_LIFETIME_SECONDS = 120;
export const CLOCK_SKEW_SECONDS = 10;
