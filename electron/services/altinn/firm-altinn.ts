// The firm's Altinn as the features need it (agent system users, the firm's clients, a system user's clients),
// on whichever token acts: a signed-in client administrator's or the firm's own system user's. One place maps
// the service answers to the features' shapes, so both ways of acting see the same thing.
import type { AccessManagementApi } from './access-management';
import type { PageMark } from './altinn-http';
import type { ClientDelegationApi } from './client-delegation';
import { keptClients as firmClients, type KeptClient } from './kept-clients';

export function firmAltinnCalls(
  delegation: ClientDelegationApi,
  accessManagement: AccessManagementApi,
  firmOrgNumber: string,
  /** Asked at each client-list read; it throws when the acting party may not read the list. */
  firmPartyUuid: () => string,
) {
  return {
    listAgentSystemUsers: async () =>
      (await delegation.listAgentSystemUsers(firmOrgNumber)).map((su) => ({
        id: su.id,
        title: su.integrationTitle,
        systemId: su.systemId,
        externalRef: su.externalRef ?? firmOrgNumber,
        packages: su.packages,
        created: su.created ?? '',
      })),
    listFirmClients: async () => firmClients(await accessManagement.listClients(firmPartyUuid())),
    readFirmClients: async (since: readonly PageMark[] | null, onClients: (batch: KeptClient[]) => void) => {
      const read = await accessManagement.readClientsUnlessUnchanged(firmPartyUuid(), since, onClients);
      return { mark: read.marks, clients: read.unchanged ? ('unchanged' as const) : ('handed' as const) };
    },
    listDelegatedClients: (systemUserId: string) => delegation.delegatedClients(systemUserId),
    addClient: async (systemUserId: string, clientPartyUuid: string) => ({
      correlationId: (await delegation.addClient(systemUserId, clientPartyUuid)).correlationId,
    }),
    removeClient: async (systemUserId: string, clientPartyUuid: string) => ({
      correlationId: (await delegation.removeClient(systemUserId, clientPartyUuid)).correlationId,
    }),
  };
}
