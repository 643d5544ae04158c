// Access Management's client list (altinn.md §10): each client of the firm with the roles it holds towards
// the firm and the packages it gives. The app predicts AND-rule failures from it. Parsed leniently: the role
// key `"legacyurn "` has a trailing space, `partyid` is lower case, and some versions add `keyValues`.
import type { HttpClient } from '../../platform/http/http-client';
import { AltinnHttp, type AltinnCall, type MarkedPages, type PageMark, type TokenProvider } from './altinn-http';
import { authorizedPartiesSchema, firmClientSchema, type AuthorizedParty, type FirmClient } from './schemas';

export type { AuthorizedParty, FirmClient } from './schemas';

const CLIENT_LIST_TIMEOUT_MS = 120_000;
const BASE = 'accessmanagement/api/v1/enduser/clientdelegations';

export class AccessManagementApi {
  private readonly altinn: AltinnHttp;
  private readonly parties: AltinnHttp;

  constructor(http: HttpClient, platformUrl: string, token: TokenProvider) {
    this.altinn = new AltinnHttp(http, platformUrl, token, 'client-delegation');
    // Its empty 403 means the login lacks the authorizedparties scope, not that a role is missing.
    this.parties = new AltinnHttp(http, platformUrl, token, 'authorized-parties');
  }

  /** The parties the signed-in person may act for (altinn.md §3), sub-units nested under their main unit. */
  async authorizedParties(signal?: AbortSignal): Promise<AuthorizedParty[]> {
    return this.parties.read(
      { method: 'GET', path: 'accessmanagement/api/v1/enduser/authorizedparties', operation: 'authorized parties', signal },
      authorizedPartiesSchema,
    );
  }

  /** The party UUID of an organisation the signed-in person may act for; undefined when Altinn does not list it. */
  async partyUuidOf(orgNumber: string, signal?: AbortSignal): Promise<string | undefined> {
    const queue = [...(await this.authorizedParties(signal))];
    while (queue.length > 0) {
      const party = queue.shift()!;
      if (party.organizationNumber === orgNumber && party.partyUuid !== '' && !party.isDeleted) return party.partyUuid;
      queue.push(...party.subunits);
    }
    return undefined;
  }

  /** The firm's clients; `roles`/`packages` filter server-side (codes or URNs). */
  async listClients(
    firmPartyUuid: string,
    filter: { roles?: readonly string[]; packages?: readonly string[] } = {},
    signal?: AbortSignal,
  ): Promise<FirmClient[]> {
    return this.altinn.allPages(this.clientsCall(firmPartyUuid, filter, signal), firmClientSchema);
  }

  /** The firm's whole client list, or `unchanged` when Altinn answers byte for byte as it did when `before` was marked. */
  async listClientsUnlessUnchanged(
    firmPartyUuid: string,
    before: readonly PageMark[] | null,
    signal?: AbortSignal,
  ): Promise<MarkedPages<FirmClient>> {
    return this.altinn.allPagesUnlessUnchanged(this.clientsCall(firmPartyUuid, {}, signal), firmClientSchema, before);
  }

  private clientsCall(
    firmPartyUuid: string,
    filter: { roles?: readonly string[]; packages?: readonly string[] },
    signal: AbortSignal | undefined,
  ): AltinnCall {
    return {
      method: 'GET',
      path: `${BASE}/clients`,
      operation: 'firm clients',
      signal,
      // Altinn answers with every client in one page: 200,000 clients are some 200 MB of JSON, which took more
      // than the default 15 s to arrive on a loaded 2-core machine.
      timeoutMs: CLIENT_LIST_TIMEOUT_MS,
      query: { party: firmPartyUuid, roles: filter.roles, packages: filter.packages },
    };
  }
}
