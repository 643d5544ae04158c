// The operational flow's inputs taken from a running demo world: its URLs, seed ids and admin API.
import type { DemoWorld } from '../../demo/types';
import { buildEnvironment, type EnvironmentConfig } from '../environments/environments';
import type { FlowOptions } from './operational-flow';

export function demoFlowOptions(world: DemoWorld, overrides: { externalRef?: string } = {}): Omit<FlowOptions, 'vault'> {
  const info = world.info;
  const config: EnvironmentConfig = buildEnvironment(
    'demo',
    {
      firmOrgNumber: info.firm.orgNo,
      maskinportenClientId: info.vendor.maskinportenClientId,
      kid: info.vendor.kid,
      systemId: info.vendor.systemId,
      idportenClientId: info.idporten.clientId,
      externalRef: overrides.externalRef,
      kravOgBetalingerResource: info.skatteetaten.resourceId,
    },
    { demoUrls: world.urls, demoMaskinportenIssuer: info.maskinporten.issuer },
  );
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
