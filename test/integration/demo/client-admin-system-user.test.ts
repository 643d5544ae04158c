// The firm's standard system user as client administrator (altinn.md §8.3): its Maskinporten system-user token,
// exchanged for an Altinn token, may call the client-delegation APIs with nobody present, and only it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePayload, exchangeToken, maskinportenToken, systemUserDetails } from '../../helpers/demo-grants';
import { bearer, C, FIRM, SU_A, startTestWorld, VENDOR_CLIENT_ID, type TestWorld } from './world-fixture';

const SU_K = '2e3f4051-3333-4444-8555-666677778888';
const REF_K = 'regnskapsfirma-klientadmin';
const READ_WRITE = 'altinn:clientdelegations.read altinn:clientdelegations.write';
const ENDUSER = '/authentication/api/v1/enduser/systemuser';
const AM = '/accessmanagement/api/v1/enduser/clientdelegations';

let t: TestWorld;
let altinn: string;
const mpToken = (scope: string, owner = FIRM, externalRef: string | undefined = REF_K) =>
  maskinportenToken(t.key, {
    maskinporten: t.world.urls.maskinporten,
    clientId: VENDOR_CLIENT_ID,
    scope,
    authorizationDetails: systemUserDetails(owner, externalRef),
  });
const altinnToken = async (scope = READ_WRITE, externalRef: string | undefined = REF_K) =>
  exchangeToken(altinn, 'maskinporten', await mpToken(scope, FIRM, externalRef));
const call = (method: string, path: string, token: string) => fetch(`${altinn}${path}`, { method, ...bearer(token) });

beforeAll(async () => {
  t = await startTestWorld({ preset: 'ready' });
  altinn = t.world.urls.altinn;
});
afterAll(() => t.close());

describe('the seeded client-administration system user', () => {
  it('is a standard system user of the firm for the firm itself, with package klientadministrator', () => {
    expect(t.world.info.systemUsers.suK).toEqual({
      id: SU_K,
      requestId: t.world.info.requests.rK,
      externalRef: REF_K,
      packages: ['klientadministrator'],
      userType: 'standard',
    });
  });

  it('gets a system-user token naming itself and the firm, which the exchange keeps', async () => {
    const claims = decodePayload(await altinnToken());
    expect(claims.authorization_details).toEqual([
      expect.objectContaining({
        type: 'urn:altinn:systemuser',
        systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${FIRM}` },
        systemuser_id: [SU_K],
      }),
    ]);
    expect(claims['urn:altinn:authenticatemethod']).toBe('maskinporten');
  });
});

describe('client delegation with nobody present', () => {
  it('lists agents and clients, adds and removes a client, as Morten could', async () => {
    const token = await altinnToken();
    const agents = await call('GET', `${ENDUSER}/agents?party=${FIRM}`, token);
    expect(agents.status).toBe(200);
    expect(((await agents.json()) as Array<{ id: string }>).map((a) => a.id)).toContain(SU_A);

    const client = await t.clientUuid(C.c6);
    const add = await call('POST', `${ENDUSER}/clients?agent=${SU_A}&client=${client}`, token);
    expect(add.status).toBe(200);
    const delegated = await call('GET', `${ENDUSER}/clients?agent=${SU_A}`, token);
    const orgs = ((await delegated.json()) as { data: Array<{ clientOrganizationNumber: string }> }).data.map(
      (d) => d.clientOrganizationNumber,
    );
    expect(orgs).toContain(C.c6);
    expect((await call('DELETE', `${ENDUSER}/clients?agent=${SU_A}&client=${client}`, token)).status).toBe(200);
    const after = (await (await call('GET', `${ENDUSER}/clients?agent=${SU_A}`, token)).json()) as {
      data: Array<{ clientOrganizationNumber: string }>;
    };
    expect(after.data.map((d) => d.clientOrganizationNumber)).not.toContain(C.c6);
  });

  it('reads the firm from authorizedparties and its clients from Access Management', async () => {
    const token = exchangeToken(altinn, 'maskinporten', await mpToken(`${READ_WRITE} altinn:accessmanagement/authorizedparties`));
    const parties = await call('GET', '/accessmanagement/api/v1/enduser/authorizedparties', await token);
    const firm = ((await parties.json()) as { data: Array<{ organizationNumber: string; partyUuid: string }> }).data;
    expect(firm.map((p) => p.organizationNumber)).toEqual([FIRM]);
    const clients = await call('GET', `${AM}/clients?party=${firm[0]!.partyUuid}`, await token);
    expect(clients.status).toBe(200);
    const list = ((await clients.json()) as { data: Array<{ client: { organizationIdentifier: string } }> }).data;
    expect(list.map((c) => c.client.organizationIdentifier)).toContain(C.c1);
  });
});

describe('refusals, as strict as Altinn', () => {
  const refusedEmpty = async (res: Response, status: number) => {
    expect(res.status).toBe(status);
    expect(await res.text()).toBe('');
  };

  it('a read-only token may read but not write (403, empty body)', async () => {
    const token = await altinnToken('altinn:clientdelegations.read');
    expect((await call('GET', `${ENDUSER}/clients?agent=${SU_A}`, token)).status).toBe(200);
    await refusedEmpty(await call('POST', `${ENDUSER}/clients?agent=${SU_A}&client=${await t.clientUuid(C.c6)}`, token), 403);
  });

  it('a token without the client-delegation scopes is refused (403, empty body)', async () => {
    await refusedEmpty(
      await call('GET', `${ENDUSER}/agents?party=${FIRM}`, await altinnToken('altinn:accessmanagement/authorizedparties')),
      403,
    );
  });

  it('an agent system user holds no client administration (403, empty body)', async () => {
    // SU-A's own token: externalRef = the firm's org number.
    const token = await altinnToken(READ_WRITE, FIRM);
    expect(decodePayload(token).authorization_details).toEqual([expect.objectContaining({ systemuser_id: [SU_A] })]);
    await refusedEmpty(await call('GET', `${ENDUSER}/agents?party=${FIRM}`, token), 403);
    await refusedEmpty(await call('GET', `${ENDUSER}/clients?agent=${SU_A}`, token), 403);
  });

  it('a vendor token without a system user is nobody’s client administrator (403, empty body)', async () => {
    const vendor = await exchangeToken(altinn, 'maskinporten', await t.vendorToken(READ_WRITE));
    await refusedEmpty(await call('GET', `${ENDUSER}/agents?party=${FIRM}`, vendor), 403);
  });

  it('the raw Maskinporten token is not an Altinn token (401, empty body)', async () => {
    await refusedEmpty(await call('GET', `${ENDUSER}/agents?party=${FIRM}`, await mpToken(READ_WRITE)), 401);
  });

  it('administers only its own organisation: another party is refused (403, empty body)', async () => {
    const token = await altinnToken();
    // The vendor is an organisation Altinn knows, but SU-K belongs to the firm.
    await refusedEmpty(await call('GET', `${ENDUSER}/agents?party=310000019`, token), 403);
  });
});
