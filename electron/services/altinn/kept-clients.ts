// Access Management's clients as the features keep them: only organisations (an org number to delegate by),
// without the role codes. Shared by the whole-list read and the client-list worker, which maps each batch
// before handing it over (less to copy between the threads).
import type { FirmClient } from './firm-client-reader';

export interface KeptClient {
  partyUuid: string;
  orgNumber: string;
  name: string;
  variant: string;
  parentOrgNumber: string | null;
  relationships: FirmClient['relationships'];
  packages: string[];
}

export const keptClients = (clients: readonly FirmClient[]): KeptClient[] =>
  clients
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
