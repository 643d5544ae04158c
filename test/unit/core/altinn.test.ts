import { describe, expect, it } from 'vitest';
import { AccessManagementApi } from '../../../electron/services/altinn/access-management';
import { ClientDelegationApi } from '../../../electron/services/altinn/client-delegation';
import { altinnError } from '../../../electron/services/altinn/errors';
import { codeFromAuthorizationResponse } from '../../../electron/services/altinn/idporten-login';
import { pdpRequestBody } from '../../../electron/services/altinn/pdp';
import { requireScopes } from '../../../electron/services/altinn/scopes';
import { agentRequestSchema, firmClientSchema, pdpAnswerSchema, registeredSystemSchema } from '../../../electron/services/altinn/schemas';
import { createHttpClient, type HttpResponse } from '../../../electron/platform/http/http-client';
import { FakeClock, json, scriptedFetch, text } from './helpers';

const parseFirmClient = (body: unknown) => firmClientSchema.parse(body);
const parsePdpAnswer = (body: unknown) => pdpAnswerSchema.parse(body);
const parseAgentRequest = (body: unknown) => agentRequestSchema.parse(body);
const parseRegisteredSystem = (body: unknown) => registeredSystemSchema.parse(body);

const res = (status: number, bodyText: string): HttpResponse => ({
  status,
  ok: status < 400,
  headers: new Headers(),
  bodyText,
  url: 'u',
  correlationId: 'corr-9',
  attempts: 1,
  durationMs: 1,
});

describe('Altinn error shapes', () => {
  it('1: Altinn ProblemDetails keeps its code and trace id', () => {
    const e = altinnError(
      res(
        400,
        JSON.stringify({
          type: 'urn:altinn:error:AUTH-00080',
          title: 'Client does not have the accesspackages the agent system user requires',
          status: 400,
          code: 'AUTH-00080',
          traceId: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00',
        }),
      ),
      'client-delegation',
    );
    expect(e).toMatchObject({
      code: 'AUTH-00080',
      status: 400,
      traceId: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00',
      correlationId: 'corr-9',
      service: 'altinn',
    });
    expect(e.message).toMatch(/every access package/);
  });

  it('2: a validation problem surfaces the inner codes', () => {
    const e = altinnError(
      res(
        400,
        JSON.stringify({
          type: 'urn:altinn:error:STD-00000',
          title: 'One or more validation errors occurred.',
          status: 400,
          code: 'STD-00000',
          traceId: '00-aa-bb-00',
          validationErrors: [
            { code: 'AUTH.VLD-00014', title: 'The agent query parameter is missing or invalid', paths: ['?agent'] },
            { code: 'AUTH.VLD-00016', title: 'The client query parameter is missing or invalid', paths: ['?client'] },
          ],
        }),
      ),
      'client-delegation',
    );
    expect(e.code).toBe('AUTH.VLD-00014');
    expect(e.subErrors.map((s) => s.code)).toEqual(['AUTH.VLD-00014', 'AUTH.VLD-00016']);
    expect(e.subErrors[1]!.paths).toEqual(['?client']);
    expect(e.traceId).toBe('00-aa-bb-00');
  });

  it('3: plain ASP.NET ProblemDetails', () => {
    const e = altinnError(
      res(
        404,
        JSON.stringify({
          title: 'System Owner not Found',
          detail: 'No associated party information found for systemuser owner 310000027',
          status: 404,
        }),
      ),
      'client-delegation',
    );
    expect(e.code).toBe('HTTP_404');
    expect(e.message).toMatch(/System Owner not Found/);
    expect(e.remoteMessage).toMatch(/310000027/);
  });

  it('4: a bare text body', () => {
    const e = altinnError(res(409, 'The System already exist: 310000019_smartregnskap'), 'vendor');
    expect(e.code).toBe('HTTP_409');
    expect(e.message).toMatch(/already exist/);
  });

  it('5: an empty 403 on client delegation means no Client administrator right; an empty 401 means log in again', () => {
    const e = altinnError(res(403, ''), 'client-delegation');
    expect(e.code).toBe('NO_CLIENT_ADMIN');
    expect(e.message).toMatch(/You do not have the Client administrator right for this firm/);
    expect(altinnError(res(401, ''), 'client-delegation').code).toBe('ALTINN_UNAUTHENTICATED');
    expect(altinnError(res(403, ''), 'vendor').code).toBe('ALTINN_FORBIDDEN');
  });
});

describe('Access Management client list', () => {
  it('parses roles, packages and quirks leniently', () => {
    const c = parseFirmClient({
      client: {
        id: '00000000-0000-4000-8000-000313367002',
        name: 'FJELLBEKK RØRLEGGERSERVICE',
        type: 'Organisasjon',
        variant: 'ENK',
        parent: null,
        partyid: 51000101,
        organizationIdentifier: '313367002',
        keyValues: { x: 1 },
      },
      access: [
        {
          role: {
            id: '46e2',
            code: 'regnskapsforer',
            urn: 'urn:altinn:external-role:ccr:regnskapsforer',
            'legacyurn ': 'urn:altinn:rolecode:regn',
            children: null,
          },
          packages: [
            { urn: 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet' },
            { urn: 'urn:altinn:accesspackage:regnskapsforer-lonn' },
          ],
        },
        {
          role: { code: 'rettighetshaver', urn: 'urn:altinn:role:rettighetshaver', 'legacyurn ': null },
          packages: [{ urn: 'urn:altinn:accesspackage:skattegrunnlag' }],
        },
      ],
    });
    expect(c).toEqual({
      partyUuid: '00000000-0000-4000-8000-000313367002',
      orgNumber: '313367002',
      name: 'FJELLBEKK RØRLEGGERSERVICE',
      variant: 'ENK',
      parentOrgNumber: undefined,
      relationships: ['REGN'],
      roles: ['regnskapsforer', 'rettighetshaver'],
      packages: ['regnskapsforer-med-signeringsrettighet', 'regnskapsforer-lonn', 'skattegrunnlag'],
    });
  });

  it('reads relationships from the legacy URN and case-insensitive keys, and the parent of a sub-unit', () => {
    const c = parseFirmClient({
      Client: { ID: 'p-uuid', Name: 'AVD', Variant: 'BEDR', Parent: { organizationIdentifier: '310000078' } },
      Access: [{ Role: { 'LegacyUrn ': 'urn:altinn:rolecode:ffør' }, Packages: ['urn:altinn:accesspackage:forretningsforer-eiendom'] }],
    });
    expect(c.relationships).toEqual(['FFØR']);
    expect(c.parentOrgNumber).toBe('310000078');
    expect(c.packages).toEqual(['forretningsforer-eiendom']);
  });
});

describe('client delegation API', () => {
  it('follows links.next until it is absent, with the bearer token', async () => {
    const fetch = scriptedFetch((req) => {
      const page2 = req.url.includes('token=p2');
      return json(200, {
        links: page2 ? {} : { next: 'https://platform.test/authentication/api/v1/enduser/systemuser/clients/available?agent=a1&token=p2' },
        data: [{ clientId: page2 ? 'u2' : 'u1', clientOrganizationNumber: page2 ? '311851381' : '313367002', clientOrganizationName: 'N' }],
      });
    });
    const api = new ClientDelegationApi(createHttpClient({ fetch, clock: new FakeClock() }), 'https://platform.test', () => 'altinn-token');
    const clients = await api.availableClients('a1');
    expect(clients.map((c) => c.orgNumber)).toEqual(['313367002', '311851381']);
    expect(fetch.seen[0]!.url).toBe('https://platform.test/authentication/api/v1/enduser/systemuser/clients/available?agent=a1');
    expect(fetch.seen[0]!.headers['authorization']).toBe('Bearer altinn-token');
  });

  it('finds the firm’s party UUID among the parties the person may act for, sub-units included', async () => {
    const fetch = scriptedFetch(() =>
      json(200, [
        { name: 'MORTEN LIE', partyUuid: 'p-person', type: 'Person' },
        {
          name: 'HOLDING AS',
          organizationNumber: '310000000',
          partyUuid: 'p-holding',
          subunits: [{ organizationNumber: '310000027', partyUuid: 'p-firm' }],
        },
      ]),
    );
    const api = new AccessManagementApi(createHttpClient({ fetch, clock: new FakeClock() }), 'https://platform.test', () => 't');
    expect(await api.partyUuidOf('310000027')).toBe('p-firm');
    expect(await api.partyUuidOf('974761076')).toBeUndefined();
    expect(fetch.seen[0]!.url).toBe('https://platform.test/accessmanagement/api/v1/enduser/authorizedparties');
  });

  it('adds a client with an empty-body POST that is retried on 503, and maps an empty 403 to NO_CLIENT_ADMIN', async () => {
    const clock = new FakeClock();
    const fetch = scriptedFetch((_r, i) => (i === 0 ? text(503, '') : json(200, { agent: 'a1', client: 'c1' })));
    const api = new ClientDelegationApi(createHttpClient({ fetch, clock }), 'https://platform.test', () => 't');
    expect(await api.addClient('a1', 'c1')).toEqual({ agent: 'a1', client: 'c1', correlationId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(fetch.seen.map((r) => [r.method, r.body])).toEqual([
      ['POST', ''],
      ['POST', ''],
    ]);
    expect(fetch.seen[0]!.url).toContain('clients?agent=a1&client=c1');

    const refused = new ClientDelegationApi(
      createHttpClient({ fetch: scriptedFetch(() => text(403, '')), clock }),
      'https://platform.test',
      () => 't',
    );
    await expect(refused.listAgentSystemUsers('310000027')).rejects.toMatchObject({ code: 'NO_CLIENT_ADMIN', status: 403 });
  });

  it('parses agent system users with the partyUuId quirk', async () => {
    const fetch = scriptedFetch(() =>
      json(200, [
        {
          id: 'su-a',
          integrationTitle: 'SmartRegnskap – klienter',
          systemId: '310000019_smartregnskap',
          partyId: '51000003',
          partyUuId: '',
          reporteeOrgNo: '310000027',
          externalRef: '310000027',
          userType: 'agent',
          accessPackages: [{ urn: 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet' }],
        },
      ]),
    );
    const api = new ClientDelegationApi(createHttpClient({ fetch, clock: new FakeClock() }), 'https://platform.test', () => 't');
    const [su] = await api.listAgentSystemUsers('310000027');
    expect(su).toMatchObject({
      id: 'su-a',
      partyUuid: undefined,
      ownerOrgNumber: '310000027',
      packages: ['regnskapsforer-med-signeringsrettighet'],
    });
  });
});

describe('PDP, requests and the login redirect', () => {
  it('builds the documented XACML request and reads PascalCase or camelCase answers', () => {
    const body = pdpRequestBody({ systemUserId: 'su', resource: 'ske-krav-og-betalinger', clientOrgNumber: '313367002' }) as {
      Request: { Resource: { Attribute: unknown[] }[] };
    };
    expect(body.Request.Resource[0]!.Attribute).toEqual([
      { AttributeId: 'urn:altinn:resource', Value: 'ske-krav-og-betalinger' },
      { AttributeId: 'urn:altinn:organization:identifier-no', Value: '313367002' },
    ]);
    expect(
      parsePdpAnswer({ Response: [{ Decision: 'Permit', Status: { StatusCode: { Value: 'urn:oasis:names:tc:xacml:1.0:status:ok' } } }] }),
    ).toEqual({ decision: 'Permit', statusCode: 'urn:oasis:names:tc:xacml:1.0:status:ok', statusMessage: undefined });
    expect(parsePdpAnswer({ response: [{ decision: 'notapplicable' }] }).decision).toBe('NotApplicable');
    expect(parsePdpAnswer({}).decision).toBe('Indeterminate');
  });

  it('reads request status case-insensitively', () => {
    expect(parseAgentRequest({ id: 'r', status: 'TimedOut', accessPackages: [{ urn: 'urn:altinn:accesspackage:x' }] })).toMatchObject({
      status: 'Timedout',
      packages: ['urn:altinn:accesspackage:x'],
    });
  });

  it('accepts only a redirect carrying our state', () => {
    expect(codeFromAuthorizationResponse(new URLSearchParams('code=c1&state=s1'), 's1')).toBe('c1');
    expect(() => codeFromAuthorizationResponse(new URLSearchParams('code=c1&state=evil'), 's1')).toThrow(/did not match/);
    expect(() => codeFromAuthorizationResponse(new URLSearchParams('error=access_denied&state=s1'), 's1')).toThrow(/cancelled/);
  });
});

describe('issue 12: the firm party, scopes and the smaller shape fixes', () => {
  const http = (fetch: typeof globalThis.fetch) => createHttpClient({ fetch, clock: new FakeClock() });

  it('reads the real authorizedparties shape: nested sub-units, deleted parties skipped, unknown fields ignored', async () => {
    const party = (org: string | null, uuid: string, extra: Record<string, unknown> = {}) => ({
      partyUuid: uuid,
      name: `PARTY ${org}`,
      organizationNumber: org,
      personId: null,
      partyId: 51000003,
      type: org ? 'Organization' : 'Person',
      unitType: 'AS',
      isDeleted: false,
      onlyHierarchyElementWithNoAccess: false,
      authorizedResources: ['altinn_client_administration'],
      authorizedRoles: ['DAGL'],
      authorizedAccessPackages: ['urn:altinn:accesspackage:klientadministrator'],
      authorizedInstances: [],
      subunits: [],
      ...extra,
    });
    const fetch = scriptedFetch(() =>
      json(200, [
        party(null, '9b1f6a3e-0000-4000-8000-0000000000aa'),
        party('310000035', '5d2b8c11-0000-4000-8000-0000000000bb', { isDeleted: true }),
        party('310000000', '1c7e4f22-0000-4000-8000-0000000000cc', {
          subunits: [party('310000027', '02148ed1-0559-4a6c-9c3e-77d0f5b2a901', { unitType: 'BEDR', subunits: null })],
        }),
        'not a party',
      ]),
    );
    const api = new AccessManagementApi(http(fetch), 'https://platform.test', () => 't');
    expect(await api.partyUuidOf('310000027')).toBe('02148ed1-0559-4a6c-9c3e-77d0f5b2a901');
    expect(await api.partyUuidOf('310000035')).toBeUndefined();
    expect((await api.authorizedParties()).map((p) => p.organizationNumber)).toEqual([null, '310000035', '310000000']);
  });

  it('an empty 403 from authorizedparties names the missing scope; the same answer on agents names the role', async () => {
    const forbidden = scriptedFetch(() => text(403, ''));
    const parties = new AccessManagementApi(http(forbidden), 'https://platform.test', () => 't');
    const scopeError = await parties.partyUuidOf('310000027').catch((e: unknown) => e);
    expect(scopeError).toMatchObject({
      code: 'MISSING_SCOPE',
      status: 403,
      message: expect.stringContaining('altinn:accessmanagement/authorizedparties'),
    });
    expect((scopeError as Error).message).not.toMatch(/Client administrator/i);

    const agents = new ClientDelegationApi(http(forbidden), 'https://platform.test', () => 't');
    const roleError = await agents.listAgentSystemUsers('310000027').catch((e: unknown) => e);
    expect(roleError).toMatchObject({ code: 'NO_CLIENT_ADMIN', message: expect.stringMatching(/Client administrator right/) });
  });

  it('a token whose scope claim lacks a needed scope is refused with the scopes named', () => {
    expect(() =>
      requireScopes(['openid', 'altinn:clientdelegations.read'], ['altinn:clientdelegations.read', 'altinn:clientdelegations.write']),
    ).toThrow(expect.objectContaining({ code: 'MISSING_SCOPE', message: expect.stringContaining('altinn:clientdelegations.write') }));
    expect(() => requireScopes(['altinn:clientdelegations.read'], ['altinn:clientdelegations.read'])).not.toThrow();
    // A token that does not list its scopes leaves the decision to Altinn.
    expect(() => requireScopes(undefined, ['altinn:clientdelegations.read'])).not.toThrow();
  });

  it('keeps statusDescription from a ProblemDetails in the error details', () => {
    const e = altinnError(
      res(400, JSON.stringify({ title: 'Client not found.', status: 400, code: 'AUTH-00079', statusDescription: 'Bad Request' })),
      'client-delegation',
    );
    expect(e.code).toBe('AUTH-00079');
    expect(e.toShape().details?.remoteMessage).toContain('Bad Request');
  });

  it('reads softDeleted (and the older isDeleted) and leaves deleted agent system users out', async () => {
    const su = (id: string, extra: Record<string, unknown>) => ({
      id,
      integrationTitle: id,
      systemId: 's',
      partyUuId: '',
      accessPackages: [],
      ...extra,
    });
    const fetch = scriptedFetch(() =>
      json(200, [su('live', { softDeleted: false }), su('gone', { softDeleted: true }), su('old', { isDeleted: true })]),
    );
    const api = new ClientDelegationApi(http(fetch), 'https://platform.test', () => 't');
    expect((await api.listAgentSystemUsers('310000027')).map((s) => s.id)).toEqual(['live']);
  });

  it('reads the system register answer with vendor.authority and softDeleted', () => {
    expect(
      parseRegisteredSystem({
        id: '310000019_smartregnskap',
        vendor: { authority: 'iso6523-actorid-upis', ID: '0192:310000019' },
        clientId: ['b7e2c0de-5a4f-4c1b-9e3d-7f6a5b4c3d21'],
        accessPackages: [{ urn: 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet' }],
        softDeleted: true,
        isVisible: false,
      }),
    ).toEqual({
      id: '310000019_smartregnskap',
      vendorOrgNumber: '310000019',
      vendorAuthority: 'iso6523-actorid-upis',
      clientIds: ['b7e2c0de-5a4f-4c1b-9e3d-7f6a5b4c3d21'],
      packages: ['urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet'],
      softDeleted: true,
      isVisible: false,
    });
    expect(parseRegisteredSystem({ id: 'x', vendor: { ID: '0192:310000019' }, isDeleted: true }).softDeleted).toBe(true);
  });
});
