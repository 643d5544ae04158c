// The Altinn and Krav og betalinger ports the features use, on the current environment's service clients.
import { AppError } from '../../../shared/errors';
import type { EnvironmentServices } from '../../services/environment-services';
import { LocalCodes } from '../../platform/errors';
import type { EndUserAltinn, KravPort } from '../ports';
import type { SignedIn } from './sign-in';

/** The signed-in client administrator's Altinn, as the features see it. */
export function endUserAltinn(services: EnvironmentServices, signedIn: SignedIn | null): EndUserAltinn {
  if (!signedIn || !services.session.isLoggedIn) {
    throw new AppError(LocalCodes.NotLoggedIn, 'Sign in as the firm’s client administrator first.');
  }
  const { session, firmPartyUuid } = signedIn;
  const firm = { orgNumber: session.firm.orgNumber, name: session.firm.name, partyUuid: firmPartyUuid ?? '' };
  return {
    firm,
    listAgentSystemUsers: async () =>
      (await services.clientDelegation.listAgentSystemUsers(firm.orgNumber)).map((su) => ({
        id: su.id,
        title: su.integrationTitle,
        systemId: su.systemId,
        externalRef: su.externalRef ?? firm.orgNumber,
        packages: su.packages,
        created: su.created ?? '',
      })),
    listFirmClients: async () => {
      if (!firmPartyUuid) {
        throw new AppError(LocalCodes.NoClientAdmin, 'Only the firm’s client administrator can read its client list.');
      }
      return (await services.accessManagement.listClients(firmPartyUuid))
        .filter((c) => c.orgNumber)
        .map((c) => ({
          partyUuid: c.partyUuid,
          orgNumber: c.orgNumber!,
          name: c.name,
          variant: c.variant ?? '',
          parentOrgNumber: c.parentOrgNumber ?? null,
          relationships: c.relationships,
          packages: c.packages,
        }));
    },
    listDelegatedClients: async (systemUserId) => services.clientDelegation.delegatedClients(systemUserId),
    addClient: async (systemUserId, clientPartyUuid) => ({
      correlationId: (await services.clientDelegation.addClient(systemUserId, clientPartyUuid)).correlationId,
    }),
    removeClient: async (systemUserId, clientPartyUuid) => ({
      correlationId: (await services.clientDelegation.removeClient(systemUserId, clientPartyUuid)).correlationId,
    }),
  };
}

/** Krav og betalinger as the configured agent system user, or as another one named by its externalRef. */
export function kravPort(services: EnvironmentServices): KravPort {
  return {
    openClaims: async (orgNumber, options) => {
      const client = options?.externalRef
        ? services.kravOgBetalingerAs({ orgNumber: services.config.settings.firmOrgNumber, externalRef: options.externalRef })
        : services.kravOgBetalinger;
      return client.openClaims(orgNumber);
    },
  };
}
