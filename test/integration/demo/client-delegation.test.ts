import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exchangeToken } from '../../helpers/demo-grants';
import { bearer, C, FIRM, PID, startTestWorld, SU_A, SU_B, type TestWorld } from './world-fixture';

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let t: TestWorld;
let altinn: string;
let morten: string;
let kari: string;
let jonas: string;
beforeAll(async () => {
  t = await startTestWorld({ preset: 'ready' });
  altinn = t.world.urls.altinn;
  [morten, kari, jonas] = await Promise.all([t.personToken(PID.morten), t.personToken(PID.kari), t.personToken(PID.jonas)]);
});
afterAll(() => t.close());

const ENDUSER = '/authentication/api/v1/enduser/systemuser';
const get = (path: string, token: string) => fetch(`${altinn}${path}`, bearer(token));
const call = (method: 'POST' | 'DELETE', path: string, token: string) => fetch(`${altinn}${path}`, { method, ...bearer(token) });

describe('enduser/systemuser/agents', () => {
  it('lists the firm agent system users for Morten', async () => {
    const res = await get(`${ENDUSER}/agents?party=${FIRM}`, morten);
    expect(res.status).toBe(200);
    const list = (await res.json()) as Array<Record<string, unknown>>;
    expect(list.map((u) => u.id).sort()).toEqual([SU_A, SU_B].sort());
    expect(list.find((u) => u.id === SU_A)).toMatchObject({
      integrationTitle: 'SmartRegnskap – klienter',
      systemId: '310000019_smartregnskap',
      partyId: '51000003',
      partyUuId: '',
      reporteeOrgNo: FIRM,
      isDeleted: false,
      supplierOrgno: '310000019',
      externalRef: FIRM,
      userType: 'agent',
      accessPackages: [{ urn: 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet' }],
    });
  });

  it('refuses Kari and Jonas (no Client administrator) with 403 and an empty body', async () => {
    for (const token of [kari, jonas]) {
      const res = await get(`${ENDUSER}/agents?party=${FIRM}`, token);
      expect(res.status).toBe(403);
      expect(await res.text()).toBe('');
    }
  });

  it('needs a token (401 empty) and the scope (403 empty)', async () => {
    expect((await fetch(`${altinn}${ENDUSER}/agents?party=${FIRM}`)).status).toBe(401);
    const readOnlyScopes = await t.personToken(PID.morten, 'openid altinn:accessmanagement/authorizedparties');
    const res = await get(`${ENDUSER}/agents?party=${FIRM}`, readOnlyScopes);
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('');
  });

  it('an unknown party is a plain 404 "Party not found"', async () => {
    const res = await get(`${ENDUSER}/agents?party=310000028`, morten);
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ title: 'Party not found', status: 404 });
  });
});

describe('clients/available and clients', () => {
  it('available is any-of and ignores delegated state; links is {}', async () => {
    const res = await get(`${ENDUSER}/clients/available?agent=${SU_B}`, morten);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { links: object; systemUserInformation: object; data: Array<{ clientOrganizationNumber: string }> };
    expect(body.links).toEqual({});
    expect(body.systemUserInformation).toEqual({ systemUserId: SU_B, systemUserOwnerOrg: FIRM });
    const orgs = body.data.map((d) => d.clientOrganizationNumber);
    for (const c of [C.c1, C.c2, C.c3, C.c4, C.c5, C.c6, C.c7, C.c10]) expect(orgs).toContain(c);
    for (const c of [C.c8, C.c9, C.c11, C.x1]) expect(orgs).not.toContain(c);
    // Altinn's two lists name a client by the same random UUID, which says nothing about its org number.
    expect(body.data[0]).toEqual({
      clientId: await t.clientUuid(C.c1),
      clientOrganizationNumber: C.c1,
      clientOrganizationName: 'FJELLBEKK RØRLEGGERSERVICE',
    });
    const ids = (body.data as unknown as Array<{ clientId: string }>).map((d) => d.clientId);
    for (const id of ids) expect(id).toMatch(UUID_V4);
    expect(ids.join()).not.toContain(C.c1);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('clients lists the delegated subset', async () => {
    const body = (await (await get(`${ENDUSER}/clients?agent=${SU_A}`, morten)).json()) as {
      data: Array<{ clientOrganizationNumber: string }>;
    };
    expect(body.data.map((d) => d.clientOrganizationNumber)).toEqual([C.c1, C.c2, C.c3, C.c4, C.c5]);
  });

  it('validation: missing agent → STD-00000 AUTH.VLD-00014; unknown system user reuses VLD-00014', async () => {
    const missing = await get(`${ENDUSER}/clients/available`, morten);
    expect(missing.status).toBe(400);
    expect(await missing.json()).toMatchObject({
      type: 'urn:altinn:error:STD-00000',
      status: 400,
      code: 'STD-00000',
      validationErrors: [{ code: 'AUTH.VLD-00014', title: 'The agent query parameter is missing or invalid', paths: ['?agent'] }],
    });
    const unknown = await get(`${ENDUSER}/clients?agent=${crypto.randomUUID()}`, morten);
    expect(((await unknown.json()) as { validationErrors: Array<{ code: string; title: string }> }).validationErrors[0]).toMatchObject({
      code: 'AUTH.VLD-00014',
      title: 'System user not found',
    });
  });
});

describe('POST/DELETE clients', () => {
  it('delegates c6 to SU-A with an echo, idempotently; DELETE echoes too', async () => {
    const c6 = await t.clientUuid(C.c6);
    const path = `${ENDUSER}/clients?agent=${SU_A}&client=${c6}`;
    const res = await call('POST', path, morten);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ agent: SU_A, client: c6 });
    expect((await call('POST', path, morten)).status).toBe(200);
    expect(t.world.admin.delegatedClients(SU_A)).toContain(C.c6);
    const del = await call('DELETE', path, morten);
    expect(await del.json()).toEqual({ agent: SU_A, client: c6 });
    expect(t.world.admin.delegatedClients(SU_A)).not.toContain(C.c6);
  });

  it('the AND rule: c2 and c10 to SU-B → 400 AUTH-00080', async () => {
    for (const c of [C.c2, C.c10]) {
      const res = await call('POST', `${ENDUSER}/clients?agent=${SU_B}&client=${await t.clientUuid(c)}`, morten);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        type: 'urn:altinn:error:AUTH-00080',
        title: 'Client does not have the accesspackages the agent system user requires',
        status: 400,
        statusDescription: 'Bad Request',
        code: 'AUTH-00080',
      });
    }
  });

  it('a guessed UUID, one derived from an org number, or a party that is not a client: POST 400 AUTH-00079, DELETE 400 AUTH-00031', async () => {
    const guesses = [crypto.randomUUID(), `00000000-0000-4000-8000-000${C.c6}`, `00000000-0000-4000-8000-000${C.x1}`, t.firmUuid];
    const refusals = {
      POST: { code: 'AUTH-00079', title: 'Client not found.' },
      // The DELETE checks nothing itself; the revoke in Access Management fails.
      DELETE: { code: 'AUTH-00031', title: 'Party does not match delegation facilitator.' },
    };
    for (const guess of guesses) {
      for (const method of ['POST', 'DELETE'] as const) {
        const res = await call(method, `${ENDUSER}/clients?agent=${SU_A}&client=${guess}`, morten);
        expect(res.status, `${method} ${guess}`).toBe(400);
        expect(res.headers.get('content-type')).toContain('application/problem+json');
        const { code, title } = refusals[method];
        expect(await res.json()).toMatchObject({ type: `urn:altinn:error:${code}`, code, title, status: 400 });
      }
    }
    expect(t.world.admin.delegatedClients(SU_A)).not.toContain(C.c6);
  });

  it('agent and client errors come together in one STD-00000', async () => {
    const res = await call('POST', `${ENDUSER}/clients?agent=nope`, morten);
    const body = (await res.json()) as { code: string; validationErrors: Array<{ code: string; paths: string[] }> };
    expect(res.status).toBe(400);
    expect(body.code).toBe('STD-00000');
    expect(body.validationErrors).toEqual([
      { code: 'AUTH.VLD-00014', title: 'The agent query parameter is missing or invalid', paths: ['?agent'] },
      { code: 'AUTH.VLD-00016', title: 'The client query parameter is missing or invalid', paths: ['?client'] },
    ]);
  });

  it('Kari cannot add clients: 403 empty', async () => {
    const res = await call('POST', `${ENDUSER}/clients?agent=${SU_A}&client=${await t.clientUuid(C.c7)}`, kari);
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('');
  });
});

describe('Access Management clientdelegations/clients', () => {
  it('lists each client with roles and packages, with the quirks', async () => {
    const res = await get(`/accessmanagement/api/v1/enduser/clientdelegations/clients?party=${t.firmUuid}`, morten);
    expect(res.status).toBe(200);
    // Sent in chunks as it is written, yet with its length up front, as a body written at once.
    const text = await res.text();
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(res.headers.get('transfer-encoding')).toBeNull();
    const body = JSON.parse(text) as {
      links: unknown;
      data: Array<{ client: Record<string, unknown>; access: Array<Record<string, unknown>> }>;
    };
    expect(body.links).toEqual({ next: null });
    const c1 = body.data.find((d) => d.client.organizationIdentifier === C.c1)!;
    expect(c1.client).toEqual({
      id: await t.clientUuid(C.c1),
      name: 'FJELLBEKK RØRLEGGERSERVICE',
      type: 'Organisasjon',
      variant: 'ENK',
      parent: null,
      children: null,
      partyid: 51000101,
      userId: null,
      username: null,
      organizationIdentifier: C.c1,
      personIdentifier: null,
      dateOfBirth: null,
      dateOfDeath: null,
      isDeleted: false,
      deletedAt: null,
    });
    expect(c1.access[0]).toEqual({
      role: {
        id: '46e27685-b3ba-423e-8b42-faab54de5817',
        code: 'regnskapsforer',
        urn: 'urn:altinn:external-role:ccr:regnskapsforer',
        'legacyurn ': 'urn:altinn:rolecode:regn',
        children: null,
      },
      packages: [
        {
          id: '955d5779-3e2b-4098-b11d-0431dc41ddbe',
          urn: 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet',
          areaId: '64cbcdc8-01c9-448c-b3d2-eb9582beb3c2',
        },
        {
          id: 'a5f7f72a-9b89-445d-85bb-06f678a3d4d1',
          urn: 'urn:altinn:accesspackage:regnskapsforer-uten-signeringsrettighet',
          areaId: '64cbcdc8-01c9-448c-b3d2-eb9582beb3c2',
        },
        {
          id: '43becc6a-8c6c-4e9e-bb2f-08fe588ada21',
          urn: 'urn:altinn:accesspackage:regnskapsforer-lonn',
          areaId: '64cbcdc8-01c9-448c-b3d2-eb9582beb3c2',
        },
      ],
    });
    expect(c1.access[1]).toMatchObject({
      role: { code: 'rettighetshaver', 'legacyurn ': null },
      packages: [{ urn: 'urn:altinn:accesspackage:skattegrunnlag' }],
    });
    const c11 = body.data.find((d) => d.client.organizationIdentifier === C.c11)!;
    expect(c11.access).toEqual([]);
    expect(c11.client.parent).toMatchObject({ organizationIdentifier: C.c7 });
    expect(body.data.find((d) => d.client.organizationIdentifier === C.x1)).toBeUndefined();
  });

  it('filters by package (any-of) and refuses Kari with 403', async () => {
    const res = await get(
      `/accessmanagement/api/v1/enduser/clientdelegations/clients?party=${t.firmUuid}&packages=forretningsforer-eiendom`,
      morten,
    );
    const orgs = ((await res.json()) as { data: Array<{ client: { organizationIdentifier: string } }> }).data.map(
      (d) => d.client.organizationIdentifier,
    );
    expect(orgs).toContain(C.c9);
    expect(orgs).not.toContain(C.c1);
    expect((await get(`/accessmanagement/api/v1/enduser/clientdelegations/clients?party=${t.firmUuid}`, kari)).status).toBe(403);
  });

  it('a guessed or number-derived party UUID names no entity: AM.VLD-00006', async () => {
    for (const party of [crypto.randomUUID(), `00000000-0000-4000-8000-000${FIRM}`]) {
      const res = await get(`/accessmanagement/api/v1/enduser/clientdelegations/clients?party=${party}`, morten);
      expect(res.status).toBe(400);
      expect(await res.json()).toMatchObject({
        code: 'STD-00000',
        validationErrors: [{ code: 'AM.VLD-00006', paths: ['?party'] }],
      });
    }
    const from = await get(
      `/accessmanagement/api/v1/enduser/clientdelegations/clients/accesspackages?party=${t.firmUuid}&from=${crypto.randomUUID()}`,
      morten,
    );
    expect(((await from.json()) as { validationErrors: Array<{ code: string }> }).validationErrors[0]!.code).toBe('AM.VLD-00006');
  });
});

describe('PDP authorize', () => {
  const pdpBody = (systemUser: string, orgNo: string) =>
    JSON.stringify({
      Request: {
        AccessSubject: [{ Attribute: [{ AttributeId: 'urn:altinn:systemuser:uuid', Value: systemUser }] }],
        Action: [{ Attribute: [{ AttributeId: 'urn:oasis:names:tc:xacml:1.0:action:action-id', Value: 'read' }] }],
        Resource: [
          {
            Attribute: [
              { AttributeId: 'urn:altinn:resource', Value: 'ske-krav-og-betalinger' },
              { AttributeId: 'urn:altinn:organization:identifier-no', Value: orgNo },
            ],
          },
        ],
      },
    });
  const authorize = (token: string | null, body: string, key: string | null = 'demo-apim-key-skd') =>
    fetch(`${altinn}/authorization/api/v1/authorize`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(key ? { 'ocp-apim-subscription-key': key } : {}),
      },
      body,
    });

  it('without a subscription key: 401 from APIM', async () => {
    const res = await authorize(null, pdpBody(SU_A, C.c1), null);
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ statusCode: 401, message: expect.stringContaining('missing subscription key') });
  });

  it('the vendor may not use it (no authorize scope): 403', async () => {
    const vendorAltinn = await exchangeToken(altinn, 'maskinporten', await t.vendorToken('altinn:authentication/systemuser.request.read'));
    expect((await authorize(vendorAltinn, pdpBody(SU_A, C.c1))).status).toBe(403);
  });

  it('Permit for a delegated client, NotApplicable otherwise', async () => {
    // Skatteetaten's own token flow is exercised by the K&B tests; here we read the decision through it.
    const kb = t.world.urls.skatteetaten;
    const token = await t.systemUserToken();
    expect((await fetch(`${kb}/v1/regnskapssystem/${C.c1}/aapnekrav`, bearer(token))).status).toBe(200);
    const decisions = t.world.traffic.list().filter((e) => e.path === '/authorization/api/v1/authorize' && e.caller === 'skatteetaten');
    expect(decisions.at(-1)!.responseBody).toMatchObject({
      Response: [
        { Decision: 'Permit', Status: { StatusCode: { Value: 'urn:oasis:names:tc:xacml:1.0:status:ok' } }, Obligations: expect.any(Array) },
      ],
    });
    expect((await fetch(`${kb}/v1/regnskapssystem/${C.c8}/aapnekrav`, bearer(token))).status).toBe(403);
    expect(
      t.world.traffic
        .list()
        .filter((e) => e.path === '/authorization/api/v1/authorize')
        .at(-1)!.responseBody,
    ).toMatchObject({ Response: [{ Decision: 'NotApplicable' }] });
  });
});
