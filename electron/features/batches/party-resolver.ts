// Which partyUuid (and name) Altinn knows a client by. The local client list is the source of truth; the
// batches reach it through the clients feature's query port, never through its tables.
import type { ClientsQueryPort } from '../../app/ports';

/** Stored for an item whose partyUuid is not known yet; the runner resolves it through Altinn before sending. */
export const UNRESOLVED_PARTY = '';

export interface ResolvedParty {
  partyUuid: string;
  name: string | null;
  /** Package codes the firm holds from the client, when the local list knows them. */
  packages: string[] | null;
}

export interface PartyResolver {
  /** `known` is a partyUuid the caller already has (e.g. from a batch file); the local list still wins. */
  resolve(orgNumber: string, known?: string): ResolvedParty;
  /** The system user's title and packages as last synced, or null when the list has not seen it. */
  systemUser(systemUserId: string): { title: string; packages: string[] } | null;
}

/**
 * `environment` scopes every lookup: Demo, Test and Production keep separate client lists, and a partyUuid
 * from one is meaningless in another.
 */
export function createPartyResolver(clients: ClientsQueryPort, environment: () => string): PartyResolver {
  return {
    systemUser: (systemUserId) => clients.systemUser(environment(), systemUserId),
    resolve(orgNumber, known) {
      const found = clients.client(environment(), orgNumber);
      if (found?.partyUuid) return { partyUuid: found.partyUuid, name: found.name, packages: found.packages };
      // An org number the local list has not seen (never synced, or planned offline) has no partyUuid yet: it
      // is never guessed. The runner asks Altinn for it before the first send, or fails the item in plain words.
      return { partyUuid: known ?? UNRESOLVED_PARTY, name: found?.name ?? null, packages: found ? found.packages : null };
    },
  };
}
