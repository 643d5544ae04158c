// Shared set-up for the demo world's contract tests: a world on random ports with the vendor's key
// registered, plus shortcuts for the tokens each actor needs.
import { startDemoWorld, type DemoWorld, type DemoWorldOptions } from '../../../electron/demo/index';
import {
  exchangeToken,
  generateTestKey,
  idportenToken,
  maskinportenToken,
  registerKey,
  systemUserDetails,
  type TestKey,
} from '../../helpers/demo-grants';

export const VENDOR_CLIENT_ID = 'b7e2c0de-5a4f-4c1b-9e3d-7f6a5b4c3d21';
export const VENDOR_KID = 'smartcloud-demo-2026-1';
export const FIRM = '310000027';
export const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
export const SU_B = '1d2e3f40-2222-4333-8444-555566667777';
export const PID = { morten: '14857110014', kari: '02908820080', jonas: '23839430000' } as const;
export const C = {
  c1: '313367002',
  c2: '311851381',
  c3: '314961900',
  c4: '314055403',
  c5: '212201782',
  c6: '310478717',
  c7: '310000078',
  c8: '310000035',
  c9: '310000043',
  c10: '310000051',
  c11: '310000094',
  x1: '310000086',
} as const;
export const APP_SCOPES = 'openid altinn:clientdelegations.read altinn:clientdelegations.write altinn:accessmanagement/authorizedparties';

let sharedKey: Promise<TestKey> | null = null;
/** One RSA key per test file is plenty; key generation is the slow part of set-up. */
export const vendorKey = (): Promise<TestKey> => (sharedKey ??= generateTestKey(VENDOR_KID));

export interface TestWorld {
  world: DemoWorld;
  /** A call to the admin API with the world's secret (and JSON content type when there is a body). */
  admin(path: string, init?: RequestInit): Promise<Response>;
  key: TestKey;
  systemUserToken(ownerOrgNo?: string, externalRef?: string): Promise<string>;
  vendorToken(scope: string): Promise<string>;
  personToken(pid: string, scope?: string): Promise<string>;
  /** The firm's party UUID, as the world prints it (the app itself learns it from authorizedparties). */
  firmUuid: string;
  /** A client's party UUID, read from Altinn's own client list (AM clientdelegations/clients), as the app learns it. */
  clientUuid(orgNo: string): Promise<string>;
  close(): Promise<void>;
}

export async function startTestWorld(opts: DemoWorldOptions = {}): Promise<TestWorld> {
  const world = await startDemoWorld({ port: 0, quiet: true, ...opts });
  const key = await vendorKey();
  await registerKey(world.urls.admin, VENDOR_CLIENT_ID, key.publicJwk, world.adminSecret);
  const mp = world.urls.maskinporten;
  const personToken = async (pid: string, scope = APP_SCOPES) =>
    exchangeToken(
      world.urls.altinn,
      'id-porten',
      await idportenToken({ idporten: world.urls.idporten, clientId: '3f9a1c52-7d4e-4b8a-a1c0-5e6f7a8b9c0d', pid, scope }),
    );
  let clientUuids: Promise<Map<string, string>> | null = null;
  const readClientUuids = async (): Promise<Map<string, string>> => {
    const token = await personToken(PID.morten);
    const res = await fetch(
      `${world.urls.altinn}/accessmanagement/api/v1/enduser/clientdelegations/clients?party=${world.info.firm.partyUuid}`,
      bearer(token),
    );
    const body = (await res.json()) as { data: Array<{ client: { id: string; organizationIdentifier: string } }> };
    return new Map(body.data.map((d) => [d.client.organizationIdentifier, d.client.id]));
  };
  return {
    world,
    admin: (path, init) => adminFetch(world, path, init),
    key,
    systemUserToken: (owner = FIRM, externalRef) =>
      maskinportenToken(key, {
        maskinporten: mp,
        clientId: VENDOR_CLIENT_ID,
        scope: 'skatteetaten:kravogbetalinger',
        authorizationDetails: systemUserDetails(owner, externalRef),
      }),
    vendorToken: (scope) => maskinportenToken(key, { maskinporten: mp, clientId: VENDOR_CLIENT_ID, scope }),
    personToken,
    firmUuid: world.info.firm.partyUuid,
    clientUuid: async (orgNo) => {
      const uuid = (await (clientUuids ??= readClientUuids())).get(orgNo);
      if (!uuid) throw new Error(`${orgNo} is not in the firm's client list`);
      return uuid;
    },
    close: () => world.close(),
  };
}

export const bearer = (token: string, extra: Record<string, string> = {}) => ({ headers: { authorization: `Bearer ${token}`, ...extra } });

export function adminFetch(world: DemoWorld, path: string, init: RequestInit = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  headers.set('authorization', `Bearer ${world.adminSecret}`);
  if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  return fetch(`${world.urls.admin}${path}`, { ...init, headers });
}
