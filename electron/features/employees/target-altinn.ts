// The batch runner's Altinn port, with employee targets routed to Access Management: "add a client" gives the
// employee the target's packages from that client, "remove" takes them, and "delegated clients" are the clients
// the employee holds all of them from. Everything else (system-user targets included) passes through unchanged,
// so the runner's exactly-once rules (unknown until Altinn's list settles it) hold for employees too.
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { DelegatedClient, EndUserAltinn } from '../../app/ports';
import { LocalCodes } from '../../platform/errors';
import type { ClientAdministrationApi } from '../../services/altinn/client-administration';
import { byRole } from './roles';
import { readTarget, replaceTargetClients } from './targets';

export interface TargetAltinnDeps {
  db: Database;
  environment(): string;
  clientAdministration(): ClientAdministrationApi;
}

export function withEmployeeTargets(altinn: EndUserAltinn, deps: TargetAltinnDeps): EndUserAltinn {
  const target = (id: string) => readTarget(deps.db, deps.environment(), id);
  const firm = (): string => {
    if (!altinn.firm.partyUuid)
      throw new AppError(LocalCodes.NoClientAdmin, 'Only the firm’s client administrator can change employees’ client access.');
    return altinn.firm.partyUuid;
  };
  return {
    ...altinn,
    async listDelegatedClients(id) {
      const t = target(id);
      if (!t) return altinn.listDelegatedClients(id);
      const clients = await deps.clientAdministration().agentClients(firm(), t.agentPartyUuid);
      const holding: DelegatedClient[] = clients
        .filter((c) => c.orgNumber !== null && t.packages.every((p) => c.packages.some((h) => h.packageCode === p)))
        .map((c) => ({ partyUuid: c.partyUuid, orgNumber: c.orgNumber!, name: c.name }));
      replaceTargetClients(deps.db, deps.environment(), t.id, holding);
      return holding;
    },
    async addClient(id, clientPartyUuid) {
      const t = target(id);
      if (!t) return altinn.addClient(id, clientPartyUuid);
      const { correlationId } = await deps
        .clientAdministration()
        .delegatePackages(firm(), clientPartyUuid, t.agentPartyUuid, byRole(t.packages));
      return { correlationId };
    },
    async removeClient(id, clientPartyUuid) {
      const t = target(id);
      if (!t) return altinn.removeClient(id, clientPartyUuid);
      const { correlationId } = await deps
        .clientAdministration()
        .removePackages(firm(), clientPartyUuid, t.agentPartyUuid, byRole(t.packages));
      return { correlationId };
    },
  };
}
