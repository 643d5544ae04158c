// The batch runner's "who acts" when nobody is signed in: the firm's client-administration system user
// (a standard system user holding klientadministrator), through the same Altinn clients a person's login uses.
import { formatOrgNumber } from '../../../shared/domain/orgnr';
import { AppError } from '../../../shared/errors';
import type { EndUserAltinn } from '../../app/ports';
import { AccessManagementApi } from '../../services/altinn/access-management';
import { ClientAdministrationApi } from '../../services/altinn/client-administration';
import { ClientDelegationApi } from '../../services/altinn/client-delegation';
import { firmAltinnCalls } from '../../services/altinn/firm-altinn';
import { systemUserAltinnToken, type SystemUserAltinnToken } from '../../services/altinn/system-user-altinn-token';
import type { EnvironmentServices } from '../../services/environment-services';

export interface UnattendedAltinn extends EndUserAltinn {
  /** The system user that acts, once its first token named it; for the audit trail. */
  systemUserId(): string | null;
  /** Access Management's client administration with the system user's token: employees' client access, unattended. */
  clientAdministration: ClientAdministrationApi;
}

/** `externalRef` is the one the firm's standard system user was requested with (the triple's third part). */
export async function openSystemUserAltinn(services: EnvironmentServices, externalRef: string): Promise<UnattendedAltinn> {
  const { config, http, clock, maskinporten } = services;
  const firmOrgNumber = config.settings.firmOrgNumber;
  const tokens: SystemUserAltinnToken = systemUserAltinnToken({
    http,
    clock,
    maskinporten,
    altinnPlatform: config.endpoints.altinnPlatform,
    selector: { orgNumber: firmOrgNumber, externalRef },
  });
  const token = () => tokens.token();
  const delegation = new ClientDelegationApi(http, config.endpoints.altinnPlatform, token);
  const accessManagement = new AccessManagementApi(http, config.endpoints.altinnPlatform, token);
  // A standard system user acts for its owner only, so the parties it may act for name the firm's party UUID.
  const firmPartyUuid = await accessManagement.partyUuidOf(firmOrgNumber);
  if (!firmPartyUuid) {
    throw new AppError(
      'FIRM_PARTY_UNKNOWN',
      `Altinn does not list ${formatOrgNumber(firmOrgNumber)} among the parties the system user may act for.`,
      undefined,
      { orgNumber: formatOrgNumber(firmOrgNumber) },
    );
  }
  const firm = { orgNumber: firmOrgNumber, partyUuid: firmPartyUuid, name: config.settings.firmName ?? formatOrgNumber(firmOrgNumber) };
  return {
    firm,
    systemUserId: () => tokens.systemUserId(),
    clientAdministration: new ClientAdministrationApi(http, config.endpoints.altinnPlatform, token),
    ...firmAltinnCalls(delegation, accessManagement, firmOrgNumber, () => firmPartyUuid),
  };
}
