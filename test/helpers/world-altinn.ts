// An EndUserAltinn against a running demo world, for tests that run outside the app (the kill worker, the
// fault and offline tests). The login is the ID-porten stand-in's form POST with PKCE and the Altinn
// exchange, done over raw HTTP; the client-delegation calls go through the app's own Altinn client on the
// real HTTP layer, so retries, back-off and Retry-After happen below the port exactly as in the app.
import type { EndUserAltinn } from '../../electron/app/ports';
import { AccessManagementApi } from '../../electron/services/altinn/access-management';
import { ClientDelegationApi } from '../../electron/services/altinn/client-delegation';
import { CLIENT_ADMIN_LOGIN_SCOPES } from '../../electron/platform/environments';
import { createHttpClient, type HttpClientOptions } from '../../electron/platform/http/http-client';
import { exchangeToken, idportenToken } from './demo-grants';

export const MORTEN_PID = '14857110014';
export const FIRM_ORG_NUMBER = '310000027';
const APP_CLIENT_ID = '3f9a1c52-7d4e-4b8a-a1c0-5e6f7a8b9c0d';
const APP_SCOPES = CLIENT_ADMIN_LOGIN_SCOPES.join(' ');

export interface WorldUrls {
  idporten: string;
  altinn: string;
}

/** Signs in as a demo person (Morten by default) and returns an Altinn token for the end-user APIs. */
export async function signInToWorld(urls: WorldUrls, pid = MORTEN_PID): Promise<string> {
  const idToken = await idportenToken({ idporten: urls.idporten, clientId: APP_CLIENT_ID, pid, scope: APP_SCOPES });
  return exchangeToken(urls.altinn, 'id-porten', idToken);
}

/** The firm's party UUID as Altinn names it to the signed-in person (`enduser/authorizedparties`); never derived. */
export async function firmPartyUuidOf(urls: WorldUrls, token: string, orgNumber = FIRM_ORG_NUMBER): Promise<string> {
  const found = await new AccessManagementApi(createHttpClient(), urls.altinn, () => token).partyUuidOf(orgNumber);
  if (!found) throw new Error(`Altinn does not list ${orgNumber} among the parties this person may act for.`);
  return found;
}

/**
 * `firmPartyUuid` is what Altinn named (firmPartyUuidOf); the port's Access Management part is left out here,
 * so only a test that reads the firm's party needs to pass it.
 */
export function worldAltinn(urls: WorldUrls, token: string, http: HttpClientOptions = {}, firmPartyUuid = ''): EndUserAltinn {
  const api = new ClientDelegationApi(createHttpClient(http), urls.altinn, () => token);
  return {
    firm: { orgNumber: FIRM_ORG_NUMBER, partyUuid: firmPartyUuid, name: 'REGNSKAPSFIRMA AS' },
    listAgentSystemUsers: async () =>
      (await api.listAgentSystemUsers(FIRM_ORG_NUMBER)).map((su) => ({
        id: su.id,
        title: su.integrationTitle,
        systemId: su.systemId,
        externalRef: su.externalRef ?? FIRM_ORG_NUMBER,
        packages: su.packages,
        created: su.created ?? '',
      })),
    listFirmClients: async () => [],
    readFirmClients: async () => ({ mark: null, clients: [] }),
    listDelegatedClients: (systemUserId) => api.delegatedClients(systemUserId),
    addClient: async (systemUserId, client) => {
      await api.addClient(systemUserId, client);
      return { correlationId: null };
    },
    removeClient: async (systemUserId, client) => {
      await api.removeClient(systemUserId, client);
      return { correlationId: null };
    },
  };
}

/** Clients offered to the system user (any-of, includes ones already delegated). */
export async function availableClients(urls: WorldUrls, token: string, systemUserId: string): Promise<string[]> {
  const api = new ClientDelegationApi(createHttpClient(), urls.altinn, () => token);
  return (await api.availableClients(systemUserId)).map((c) => c.orgNumber);
}
