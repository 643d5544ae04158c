// The party UUIDs of a world's clients, read from Altinn's own answers the way the app gets them: a plan
// carries them, so no test relies on a UUID derived from an org number.
import { ClientDelegationApi } from '../../../electron/services/altinn/client-delegation';
import { createHttpClient } from '../../../electron/platform/http/http-client';
import type { WorldUrls } from '../../helpers/world-altinn';

export interface WorldClient {
  orgNumber: string;
  partyUuid: string;
}

export async function offeredClients(urls: WorldUrls, token: string, systemUserId: string): Promise<WorldClient[]> {
  const api = new ClientDelegationApi(createHttpClient(), urls.altinn, () => token);
  return (await api.availableClients(systemUserId)).map((c) => ({ orgNumber: c.orgNumber, partyUuid: c.partyUuid }));
}

export async function delegatedClients(urls: WorldUrls, token: string, systemUserId: string): Promise<WorldClient[]> {
  const api = new ClientDelegationApi(createHttpClient(), urls.altinn, () => token);
  return (await api.delegatedClients(systemUserId)).map((c) => ({ orgNumber: c.orgNumber, partyUuid: c.partyUuid }));
}
