// The Altinn and Krav og betalinger ports the features use, on the current environment's service clients.
import { AppError } from '../../../shared/errors';
import { firmAltinnCalls } from '../../services/altinn/firm-altinn';
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
  const partyUuid = () => {
    if (!firmPartyUuid) {
      throw new AppError(LocalCodes.NoClientAdmin, 'Only the firm’s client administrator can read its client list.');
    }
    return firmPartyUuid;
  };
  return { firm, ...firmAltinnCalls(services.clientDelegation, services.accessManagement, firm.orgNumber, partyUuid) };
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
