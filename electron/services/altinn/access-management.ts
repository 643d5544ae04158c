// Access Management's client list (altinn.md §10): each client of the firm with the roles it holds towards
// the firm and the packages it gives. The app predicts AND-rule failures from it. Parsed leniently: the role
// key `"legacyurn "` has a trailing space, `partyid` is lower case, and some versions add `keyValues`.
import type { HttpClient, HttpResponse } from '../../platform/http/http-client';
import type { ClientPageOutcome } from './client-list-page';
import type { KeptClient } from './kept-clients';
import { AltinnHttp, type AltinnCall, type PageMark, type TokenProvider } from './altinn-http';
import { createClientListParser } from './client-list-parser';
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

  /**
   * The firm's whole client list, handed to `onClients` in batches as each page is read (on the client-list
   * worker where the app has one, as the bytes arrive), so the caller can write the first clients while the
   * rest are read; or `unchanged`, with nothing handed, when Altinn answers byte for byte as it did when
   * `before` was marked.
   */
  async readClientsUnlessUnchanged(
    firmPartyUuid: string,
    before: readonly PageMark[] | null,
    onClients: (batch: KeptClient[]) => void,
    signal?: AbortSignal,
  ): Promise<{ marks: PageMark[]; unchanged: boolean }> {
    const parser = createClientListParser();
    const outcomeOf = (res: HttpResponse, at: AltinnCall, outcome: ClientPageOutcome): string | undefined => {
      if (outcome.ok) return outcome.next;
      throw this.altinn.unreadable(res, at, 'refused' in outcome ? outcome.refused : null);
    };
    const bytesOf = (res: HttpResponse) => res.bodyBytes ?? new TextEncoder().encode(res.bodyText);
    try {
      return await this.altinn.pagesUnlessUnchanged(this.clientsCall(firmPartyUuid, {}, signal), before, {
        read: async (res, at) => outcomeOf(res, at, await parser.open(onClients).end(bytesOf(res))),
        stream: () => {
          const page = parser.open(onClients);
          return {
            onBodyPiece: (piece) => page.write(piece),
            finish: async (res, at) => outcomeOf(res, at, await page.end(bytesOf(res))),
          };
        },
      });
    } finally {
      parser.close();
    }
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
