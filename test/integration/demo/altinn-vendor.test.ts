import { decideAs, openSignedIn, submitDecision } from './portal-browser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, FIRM, PID, startTestWorld, type TestWorld } from './world-fixture';

let t: TestWorld;
let altinn: string;
let regToken: string;
let reqToken: string;
let readToken: string;
beforeAll(async () => {
  t = await startTestWorld({ preset: 'start' });
  altinn = t.world.urls.altinn;
  [regToken, reqToken, readToken] = await Promise.all([
    t.vendorToken('altinn:authentication/systemregister.write'),
    t.vendorToken('altinn:authentication/systemuser.request.write'),
    t.vendorToken('altinn:authentication/systemuser.request.read'),
  ]);
});
afterAll(() => t.close());

const send = (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
  fetch(`${altinn}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });

const system = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  vendor: { authority: 'iso6523-actorid-upis', ID: '0192:310000019' },
  name: { nb: 'Test', nn: 'Test', en: 'Test' },
  description: { nb: 'd', nn: 'd', en: 'd' },
  accessPackages: [{ urn: 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet' }],
  clientId: [crypto.randomUUID()],
  allowedRedirectUrls: ['https://smartcloud.example/receipt'],
  isVisible: false,
  ...extra,
});

const agentRequest = (extra: Record<string, unknown> = {}) => ({
  systemId: '310000019_smartregnskap',
  partyOrgNo: FIRM,
  accessPackages: [
    { urn: 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet' },
    { urn: 'urn:altinn:accesspackage:skattegrunnlag' },
  ],
  externalRef: 'regnskapsfirma-skatt',
  integrationTitle: 'SmartRegnskap – skatt',
  redirectUrl: 'https://smartcloud.example/receipt',
  ...extra,
});

describe('system register', () => {
  it('re-registering the seeded system gives 409 text', async () => {
    const res = await send(
      'POST',
      '/authentication/api/v1/systemregister/vendor',
      regToken,
      system('310000019_smartregnskap', { clientId: ['b7e2c0de-5a4f-4c1b-9e3d-7f6a5b4c3d21'] }),
    );
    expect(res.status).toBe(409);
    expect(await res.text()).toBe('The System already exist: 310000019_smartregnskap');
  });

  it('registers a new system: 200 with a JSON string GUID, then GET shows it', async () => {
    const res = await send('POST', '/authentication/api/v1/systemregister/vendor', regToken, system('310000019_other'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatch(/^[0-9a-f-]{36}$/);
    const one = await send('GET', '/authentication/api/v1/systemregister/vendor/310000019_other', regToken);
    expect(await one.json()).toMatchObject({
      id: '310000019_other',
      vendor: { authority: 'iso6523-actorid-upis', ID: '0192:310000019' },
      isDeleted: false,
      isVisible: false,
    });
  });

  it('validation errors come as STD-00000 with AUTH.VLD codes', async () => {
    const res = await send(
      'POST',
      '/authentication/api/v1/systemregister/vendor',
      regToken,
      system('310000019_bad', { isVisible: true, allowedRedirectUrls: ['http://x'], clientId: ['b7e2c0de-5a4f-4c1b-9e3d-7f6a5b4c3d21'] }),
    );
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const body = (await res.json()) as { code: string; validationErrors: Array<{ code: string }> };
    expect(body.code).toBe('STD-00000');
    expect(body.validationErrors.map((e) => e.code).sort()).toEqual(['AUTH.VLD-00004', 'AUTH.VLD-00005', 'AUTH.VLD-00018']);
  });

  it('needs the systemregister.write scope (403 empty) and a token (401 empty)', async () => {
    const wrong = await send('GET', '/authentication/api/v1/systemregister/vendor', readToken);
    expect(wrong.status).toBe(403);
    expect(await wrong.text()).toBe('');
    expect((await fetch(`${altinn}/authentication/api/v1/systemregister/vendor`)).status).toBe(401);
  });
});

describe('agent system-user requests', () => {
  let requestId = '';

  it('creates 201 New with confirmUrl, then answers the same request with 200', async () => {
    const first = await send('POST', '/authentication/api/v1/systemuser/request/vendor/agent', reqToken, agentRequest());
    expect(first.status).toBe(201);
    const body = (await first.json()) as Record<string, unknown>;
    requestId = body.id as string;
    expect(first.headers.get('location')).toBe(`${altinn}/authentication/api/v1/systemuser/request/${requestId}`);
    expect(body).toEqual({
      id: requestId,
      integrationTitle: 'SmartRegnskap – skatt',
      externalRef: 'regnskapsfirma-skatt',
      systemId: '310000019_smartregnskap',
      partyOrgNo: FIRM,
      accessPackages: agentRequest().accessPackages,
      status: 'New',
      redirectUrl: 'https://smartcloud.example/receipt',
      confirmUrl: `${altinn}/accessmanagement/ui/systemuser/agentrequest?id=${requestId}&DONTCHOOSEREPORTEE=true`,
      escalated: false,
      created: expect.any(String),
      timedOut: false,
    });
    const second = await send('POST', '/authentication/api/v1/systemuser/request/vendor/agent', reqToken, agentRequest());
    expect(second.status).toBe(200);
    expect(((await second.json()) as { id: string }).id).toBe(requestId);
    const read = await send('GET', `/authentication/api/v1/systemuser/request/vendor/agent/${requestId}`, readToken);
    expect(read.status).toBe(200);
  });

  it('the request rules: AUTH-00063, AUTH-00021, AUTH-00058, AUTH-00000, AUTH-00011', async () => {
    const code = async (body: unknown) =>
      ((await (await send('POST', '/authentication/api/v1/systemuser/request/vendor/agent', reqToken, body)).json()) as { code: string })
        .code;
    expect(await code(agentRequest({ externalRef: 'x1', accessPackages: [{ urn: 'urn:altinn:accesspackage:ansvarlig-revisor' }] }))).toBe(
      'AUTH-00063',
    );
    expect(await code(agentRequest({ externalRef: 'x2', redirectUrl: 'https://elsewhere.example/' }))).toBe('AUTH-00021');
    expect(await code(agentRequest({ externalRef: 'x3', accessPackages: [] }))).toBe('AUTH-00058');
    expect(await code(agentRequest({ externalRef: 'x4', partyOrgNo: '310000028' }))).toBe('AUTH-00000');
    expect(await code(agentRequest({ externalRef: 'x5', systemId: '310000019_nope' }))).toBe('AUTH-00011');
  });

  const confirmUrl = (id: string, query = '') =>
    `${altinn}/accessmanagement/ui/systemuser/agentrequest?id=${id}&DONTCHOOSEREPORTEE=true${query}`;

  it('the approval page lists the request and escapes nothing unsafe', async () => {
    const { html } = await openSignedIn(confirmUrl(requestId), PID.jonas);
    expect(html).toContain('SmartRegnskap – skatt');
    expect(html).toContain('urn:altinn:accesspackage:skattegrunnlag');
    expect(html).not.toMatch(/<script/i);
  });

  const decide = (id: string, pid: string, decision: string, query = '', accept?: string) =>
    decideAs(confirmUrl(id, query === '?redirect=1' ? '&redirect=1' : ''), pid, decision, accept ? { accept } : {});

  it('Kari may not approve (403 AUTH-00066) but may escalate', async () => {
    const refused = await decide(requestId, PID.kari, 'approve');
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('AUTH-00066');
    const asJson = await decide(requestId, PID.kari, 'approve', '', 'application/json');
    expect(await asJson.json()).toMatchObject({ status: 403, code: 'AUTH-00066' });
    expect((await decide(requestId, PID.kari, 'escalate')).status).toBe(200);
    const read = await send('GET', `/authentication/api/v1/systemuser/request/vendor/agent/${requestId}`, readToken);
    expect(await read.json()).toMatchObject({ status: 'New', escalated: true });
  });

  it('Jonas approves: the agent system user exists, a second decision is 409 AUTH-00013', async () => {
    // Morten opens the page too; his form is still on screen when Jonas approves.
    const mortensPage = await openSignedIn(confirmUrl(requestId), PID.morten);
    const ok = await decide(requestId, PID.jonas, 'approve');
    expect(ok.status).toBe(200);
    expect(await ok.text()).toContain('would redirect to https://smartcloud.example/receipt');
    const read = await send('GET', `/authentication/api/v1/systemuser/request/vendor/agent/${requestId}`, readToken);
    expect(await read.json()).toMatchObject({ status: 'Accepted' });
    const again = await submitDecision(mortensPage, 'reject');
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('AUTH-00013');
    const users = await send('GET', '/authentication/api/v1/systemuser/vendor/bysystem/310000019_smartregnskap', regToken);
    const list = (await users.json()) as { links: object; data: Array<Record<string, unknown>> };
    expect(list.links).toEqual({});
    expect(list.data).toContainEqual(
      expect.objectContaining({
        id: '1d2e3f40-2222-4333-8444-555566667777',
        userType: 'agent',
        externalRef: 'regnskapsfirma-skatt',
        reporteeOrgNo: FIRM,
      }),
    );
  });

  it('with an active system user for the triple, create gives 400 AUTH-00004', async () => {
    const res = await send('POST', '/authentication/api/v1/systemuser/request/vendor/agent', reqToken, agentRequest());
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      type: 'urn:altinn:error:AUTH-00004',
      status: 400,
      code: 'AUTH-00004',
      traceId: expect.any(String),
    });
  });

  it('approve with ?redirect=1 answers a plain 302 to redirectUrl', async () => {
    const r = (await (
      await send('POST', '/authentication/api/v1/systemuser/request/vendor/agent', reqToken, agentRequest({ externalRef: 'third' }))
    ).json()) as { id: string };
    const res = await decide(r.id, PID.morten, 'approve', '?redirect=1');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('https://smartcloud.example/receipt');
  });

  it('vendor byquery finds the system user by externalRef', async () => {
    const res = await send(
      'GET',
      `/authentication/api/v1/systemuser/vendor/byquery?system-id=310000019_smartregnskap&orgno=${FIRM}&external-ref=regnskapsfirma-skatt`,
      reqToken,
    );
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ id: '1d2e3f40-2222-4333-8444-555566667777', productName: '' });
  });
});

describe('approval form: a signed-in session and a CSRF token', () => {
  let t2: TestWorld;
  let confirm: string;
  beforeAll(async () => {
    t2 = await startTestWorld({ preset: 'start', clients: 20 });
    confirm = `${t2.world.urls.altinnPortal}/accessmanagement/ui/systemuser/agentrequest?id=${t2.world.info.requests.rA}&DONTCHOOSEREPORTEE=true`;
  });
  afterAll(() => t2.close());
  const status = async () =>
    (
      (await (
        await fetch(
          `${t2.world.urls.altinn}/authentication/api/v1/systemuser/request/vendor/agent/${t2.world.info.requests.rA}`,
          bearer(await t2.vendorToken('altinn:authentication/systemuser.request.read')),
        )
      ).json()) as { status: string }
    ).status;

  it('without a session the page sends the browser to the ID-porten login of the portal client', async () => {
    const res = await fetch(confirm, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(`${to.origin}${to.pathname}`).toBe(`${t2.world.urls.idporten}/authorize`);
    expect(to.searchParams.get('client_id')).toBe('altinn-portal-demo');
    expect(to.searchParams.get('code_challenge_method')).toBe('S256');
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('a cross-site POST with no login and any pid is refused, and nothing changes', async () => {
    const action = `${t2.world.urls.altinnPortal}/accessmanagement/ui/systemuser/agentrequest/decision`;
    const post = (headers: Record<string, string>, body: Record<string, string>) =>
      fetch(action, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
        body: new URLSearchParams(body).toString(),
        redirect: 'manual',
      });
    const forged = { id: t2.world.info.requests.rA, pid: PID.morten, decision: 'approve' };
    expect((await post({ origin: 'http://localhost:8080' }, forged)).status).toBe(403);
    expect((await post({}, forged)).status).toBe(401);
    expect((await post({ cookie: 'altinn-portal-session=guessed' }, { ...forged, csrf: 'x' })).status).toBe(401);
    expect(await status()).toBe('New');
  });

  it('a signed-in POST without the CSRF token, with another session’s token, or from another origin is refused', async () => {
    const jonas = await openSignedIn(confirm, PID.jonas);
    const kari = await openSignedIn(confirm, PID.kari);
    expect(jonas.html).toContain('Logget inn som Jonas Berg');
    expect(jonas.html).not.toContain('name="pid"');
    expect((await submitDecision(jonas, 'approve', { csrf: null })).status).toBe(403);
    const karisToken = /name="csrf" value="([^"]+)"/.exec(kari.html)![1]!;
    expect((await submitDecision(jonas, 'approve', { csrf: karisToken })).status).toBe(403);
    expect((await submitDecision(jonas, 'approve', { origin: 'http://127.0.0.1:1' })).status).toBe(403);
    expect(await status()).toBe('New');
  });

  it('the person is the session’s, whatever pid the form names; a decision ends the session', async () => {
    const kari = await openSignedIn(confirm, PID.kari);
    const asKari = await submitDecision(kari, 'approve', { extra: { pid: PID.morten }, accept: 'application/json' });
    expect(asKari.status).toBe(403);
    expect(await asKari.json()).toMatchObject({ code: 'AUTH-00066' });
    const morten = await openSignedIn(confirm, PID.morten);
    const ok = await submitDecision(morten, 'approve');
    expect(ok.status).toBe(200);
    expect(ok.headers.get('set-cookie')).toContain('Max-Age=0');
    expect(await status()).toBe('Accepted');
    const after = await fetch(confirm, { headers: { cookie: morten.cookie }, redirect: 'manual' });
    expect(after.status).toBe(302);
  });
});
