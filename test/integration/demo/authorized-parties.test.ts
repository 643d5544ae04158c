// enduser/authorizedparties: the real shape, its scope, and ID-porten granting only registered scopes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePayload, exchangeToken, idportenToken, maskinportenToken, systemUserDetails } from '../../helpers/demo-grants';
import { bearer, C, FIRM, PID, startTestWorld, SU_A, VENDOR_CLIENT_ID, type TestWorld } from './world-fixture';

const PATH = '/accessmanagement/api/v1/enduser/authorizedparties';
const APP = '3f9a1c52-7d4e-4b8a-a1c0-5e6f7a8b9c0d';
const SCOPE = 'altinn:accessmanagement/authorizedparties';

interface Party {
  partyUuid: string;
  name: string;
  organizationNumber: string | null;
  personId: string | null;
  type: string;
  authorizedAccessPackages: string[];
  authorizedRoles: string[];
}

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld({ clients: 40 });
});
afterAll(() => t.close());

const list = async (token: string, query = ''): Promise<Response> => fetch(`${t.world.urls.altinn}${PATH}${query}`, bearer(token));

describe('authorizedparties for a person', () => {
  it('lists Morten himself and the firm, in the paginated shape with nulls written', async () => {
    const res = await list(await t.personToken(PID.morten));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { links: unknown; data: Party[] };
    expect(body.links).toEqual({ next: null });
    const firm = body.data.find((p) => p.organizationNumber === FIRM)!;
    expect(firm).toEqual({
      partyUuid: t.firmUuid,
      name: 'REGNSKAPSFIRMA AS',
      organizationNumber: FIRM,
      parentId: null,
      personId: null,
      dateOfBirth: null,
      partyId: 51000003,
      type: 'Organization',
      unitType: 'AS',
      isDeleted: false,
      onlyHierarchyElementWithNoAccess: false,
      authorizedAccessPackages: [],
      authorizedResources: [],
      authorizedRoles: [],
      authorizedInstances: [],
      subunits: [],
    });
    const self = body.data.find((p) => p.type === 'Person')!;
    expect(self).toMatchObject({ personId: PID.morten, organizationNumber: null, name: 'Morten Lie', dateOfBirth: '1971-05-14' });
    expect(self.partyUuid).toBe(t.world.info.persons.find((p) => p.pid === PID.morten)!.partyUuid);
  });

  it('includes roles and packages only when asked, and filters by party UUID', async () => {
    const token = await t.personToken(PID.morten);
    const body = (await (await list(token, '?includeRoles=true&includeAccessPackages=TRUE')).json()) as { data: Party[] };
    const firm = body.data.find((p) => p.organizationNumber === FIRM)!;
    expect(firm.authorizedRoles).toEqual(['DAGL']);
    expect(firm.authorizedAccessPackages).toContain('urn:altinn:accesspackage:klientadministrator');
    const filtered = (await (await list(token, `?partyFilter=${t.firmUuid}`)).json()) as { data: Party[] };
    expect(filtered.data.map((p) => p.partyUuid)).toEqual([t.firmUuid]);
    const bad = await list(token, '?includeRoles=yes');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ status: 400, errors: { includeRoles: [expect.any(String)] } });
  });

  it('lists the clients delegated to Kari as agent, with the package she holds', async () => {
    const body = (await (await list(await t.personToken(PID.kari), '?includeAccessPackages=true')).json()) as { data: Party[] };
    const orgs = body.data.filter((p) => p.type === 'Organization').map((p) => p.organizationNumber);
    expect(orgs).toEqual([FIRM, C.c2, C.c3]);
    expect(body.data.find((p) => p.organizationNumber === C.c2)!.authorizedAccessPackages).toEqual([
      'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet',
    ]);
    expect(body.data.find((p) => p.organizationNumber === C.c2)!.partyUuid).toBe(await t.clientUuid(C.c2));
  });

  it('needs a token (401 empty) and the scope (403 empty)', async () => {
    expect((await fetch(`${t.world.urls.altinn}${PATH}`)).status).toBe(401);
    const res = await list(await t.personToken(PID.morten, 'openid altinn:clientdelegations.read altinn:clientdelegations.write'));
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('');
  });
});

describe('authorizedparties for a system user', () => {
  it("lists SU-A's delegated clients with its exchanged system-user token", async () => {
    const mp = await maskinportenToken(t.key, {
      maskinporten: t.world.urls.maskinporten,
      clientId: VENDOR_CLIENT_ID,
      scope: SCOPE,
      authorizationDetails: systemUserDetails(FIRM),
    });
    expect((await list(mp)).status).toBe(401);
    const token = await exchangeToken(t.world.urls.altinn, 'maskinporten', mp);
    const body = (await (await list(token)).json()) as { data: Party[] };
    expect(body.data.map((p) => p.organizationNumber)).toEqual(t.world.admin.delegatedClients(SU_A));
    const noScope = await exchangeToken(t.world.urls.altinn, 'maskinporten', await t.systemUserToken());
    expect((await list(noScope)).status).toBe(403);
  });
});

describe('ID-porten grants requested ∩ registered scopes', () => {
  it('drops a scope the client is not registered for, and keeps the ones it asked for', async () => {
    const idp = t.world.urls.idporten;
    const token = await idportenToken({ idporten: idp, clientId: APP, pid: PID.morten, scope: `openid ${SCOPE} altinn:portal/enduser` });
    expect(decodePayload(token).scope).toBe(`openid ${SCOPE}`);
    const narrow = await idportenToken({ idporten: idp, clientId: APP, pid: PID.morten, scope: 'openid altinn:clientdelegations.read' });
    expect(decodePayload(narrow).scope).toBe('openid altinn:clientdelegations.read');
    expect(t.world.info.idporten.scopes).toEqual(['openid', 'altinn:clientdelegations.read', 'altinn:clientdelegations.write', SCOPE]);
  });

  it('answers invalid_scope when none of the requested scopes is registered', async () => {
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: APP,
      redirect_uri: 'http://127.0.0.1:1234/cb',
      scope: 'altinn:portal/enduser',
      state: 's2',
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
    });
    const res = await fetch(`${t.world.urls.idporten}/authorize?${q}`, { redirect: 'manual' });
    expect(new URL(res.headers.get('location')!).searchParams.get('error')).toBe('invalid_scope');
  });
});
