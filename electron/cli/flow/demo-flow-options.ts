// The operational flow's inputs taken from a demo world's description: its endpoints and ids, the clients the
// story delegated (org numbers), Skatteetaten's PDP role, and the admin API for uploading the vendor's key.
import type { DemoWorldLike } from '../../services/world/connected-world';
import { environmentFromWorld } from '../../services/world/world-environment';
import type { FlowOptions } from './operational-flow';

export function demoFlowOptions(world: DemoWorldLike, overrides: { externalRef?: string } = {}): Omit<FlowOptions, 'vault'> {
  const info = world.info;
  const described = environmentFromWorld('demo', info);
  const config = { ...described, settings: { ...described.settings, externalRef: overrides.externalRef } };
  // Without an externalRef the grant resolves to SU-A (its stored externalRef is the firm's org number).
  const systemUser = overrides.externalRef === info.systemUsers.suB.externalRef ? info.systemUsers.suB : info.systemUsers.suA;
  return {
    config,
    registerJwk: (clientId, jwk) => world.admin.registerJwk(clientId, jwk),
    delegatedClients: info.clients.delegated[systemUser.id] ?? [],
    undelegatedClient: info.clients.notDelegated[0],
    pdp: {
      clientId: info.skatteetaten.maskinportenClientId,
      subscriptionKey: info.skatteetaten.apimSubscriptionKey,
      resource: info.skatteetaten.resourceId,
    },
  };
}
