// Who the signed-in person may act as: the Client administrator right (Altinn's empty 403 is the test), and
// the firm's party UUID, which only Altinn knows.
import { formatOrgNumber } from '../../../shared/domain/orgnr';
import { AppError } from '../../../shared/errors';
import type { AgentSystemUser } from '../../services/altinn/client-delegation';
import { requireScopes } from '../../services/altinn/scopes';
import { ALTINN_END_USER_SCOPES } from '../../platform/environments';
import type { EnvironmentServices } from '../../services/environment-services';
import { isServiceError, LocalCodes } from '../../platform/errors';

/** The firm's agent system users, or null when Altinn says the person lacks the Client administrator right. */
export async function agentsIfClientAdmin(services: EnvironmentServices, firmOrgNumber: string): Promise<AgentSystemUser[] | null> {
  try {
    return await services.clientDelegation.listAgentSystemUsers(firmOrgNumber);
  } catch (error) {
    if (isServiceError(error) && error.code === LocalCodes.NoClientAdmin) return null;
    throw error;
  }
}

/**
 * Access Management addresses the firm by party UUID: the agent system users' `partyUuId` when Altinn fills it
 * in (real answers mostly carry ""), else the parties the signed-in person may act for. A login without the
 * authorizedparties scope fails here with MISSING_SCOPE naming it.
 */
export async function firmPartyUuid(services: EnvironmentServices, orgNumber: string, agents: AgentSystemUser[]): Promise<string> {
  const fromAgents = agents.find((su) => su.partyUuid)?.partyUuid;
  if (fromAgents) return fromAgents;
  requireScopes(services.session.user?.scopes, [ALTINN_END_USER_SCOPES.authorizedParties]);
  const found = await services.accessManagement.partyUuidOf(orgNumber);
  if (!found) {
    throw new AppError(
      'FIRM_PARTY_UNKNOWN',
      `Altinn does not list ${formatOrgNumber(orgNumber)} among the parties you may act for, so its client list cannot be read. Check the firm's organisation number in Settings.`,
    );
  }
  return found;
}
