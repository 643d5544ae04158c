import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePayload, exchangeToken, idportenToken, loginCode, pkcePair } from '../../helpers/demo-grants';
import { APP_SCOPES, PID, startTestWorld, type TestWorld } from './world-fixture';

const APP = '3f9a1c52-7d4e-4b8a-a1c0-5e6f7a8b9c0d';
let t: TestWorld;
let idp: string;
beforeAll(async () => {
  t = await startTestWorld();
  idp = t.world.urls.idporten;
});
afterAll(() => t.close());

const tokenForm = (fields: Record<string, string>) =>
  fetch(`${idp}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

describe('ID-porten stand-in', () => {
  it('publishes OpenID configuration and keys', async () => {
    const conf = (await (await fetch(`${idp}/.well-known/openid-configuration`)).json()) as Record<string, unknown>;
    expect(conf).toMatchObject({
      issuer: idp,
      authorization_endpoint: `${idp}/authorize`,
      token_endpoint: `${idp}/token`,
      jwks_uri: `${idp}/jwk`,
      code_challenge_methods_supported: ['S256'],
    });
    expect(((await (await fetch(`${idp}/jwk`)).json()) as { keys: unknown[] }).keys).toHaveLength(1);
  });

  it('shows a script-free "choose test person" page with every person', async () => {
    const { challenge } = pkcePair();
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: APP,
      redirect_uri: 'http://localhost:9999/cb',
      scope: APP_SCOPES,
      state: '<s>"',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    });
    const res = await fetch(`${idp}/authorize?${q}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('action="/authorize/login"');
    for (const pid of Object.values(PID)) expect(page).toContain(`value="${pid}"`);
    expect(page).toContain('value="&lt;s&gt;&quot;"');
  });

  it('refuses non-loopback redirect URIs without redirecting', async () => {
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: APP,
      redirect_uri: 'https://evil.example/cb',
      scope: APP_SCOPES,
      code_challenge: 'x'.repeat(43),
      code_challenge_method: 'S256',
    });
    const res = await fetch(`${idp}/authorize?${q}`, { redirect: 'manual' });
    expect(res.status).toBe(400);
  });

  it('redirects errors back when PKCE is missing', async () => {
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: APP,
      redirect_uri: 'http://127.0.0.1:1234/cb',
      scope: APP_SCOPES,
      state: 's1',
    });
    const res = await fetch(`${idp}/authorize?${q}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const loc = new URL(res.headers.get('location')!);
    expect(loc.searchParams.get('error')).toBe('invalid_request');
    expect(loc.searchParams.get('state')).toBe('s1');
  });

  it('logs in with PKCE, issues tokens, and the code is single-use', async () => {
    const { verifier, challenge } = pkcePair();
    const { code, state, redirectUri } = await loginCode(
      { idporten: idp, clientId: APP, pid: PID.morten, scope: APP_SCOPES },
      challenge,
      'st-1',
    );
    expect(state).toBe('st-1');
    const fields = { grant_type: 'authorization_code', code, redirect_uri: redirectUri, client_id: APP, code_verifier: verifier };
    const res = await tokenForm(fields);
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.any(String),
      id_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
      scope: APP_SCOPES,
    });
    expect(decodePayload(body.access_token as string)).toMatchObject({
      pid: PID.morten,
      acr: 'idporten-loa-substantial',
      amr: ['TestID'],
      scope: APP_SCOPES,
      client_id: APP,
      iss: idp,
    });
    expect(decodePayload(body.id_token as string)).toMatchObject({ aud: APP, pid: PID.morten });
    const again = await tokenForm(fields);
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: string }).error).toBe('invalid_grant');
  });

  it('refuses a wrong code_verifier', async () => {
    const { challenge } = pkcePair();
    const { code, redirectUri } = await loginCode({ idporten: idp, clientId: APP, pid: PID.kari, scope: APP_SCOPES }, challenge);
    const res = await tokenForm({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: APP,
      code_verifier: pkcePair().verifier,
    });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'invalid_grant' });
  });
});

describe('Altinn token exchange', () => {
  it('exchanges an ID-porten token into a raw Altinn JWT with the §4.2 claims', async () => {
    const idToken = await idportenToken({ idporten: idp, clientId: APP, pid: PID.morten, scope: APP_SCOPES });
    const res = await fetch(`${t.world.urls.altinn}/authentication/api/v1/exchange/id-porten`, {
      headers: { authorization: `Bearer ${idToken}` },
    });
    expect(res.status).toBe(200);
    const jwt = (await res.text()).trim();
    expect(jwt.split('.')).toHaveLength(3);
    const claims = decodePayload(jwt);
    const source = decodePayload(idToken);
    expect(claims).toMatchObject({
      pid: PID.morten,
      acr: 'idporten-loa-substantial',
      amr: ['TestID'],
      client_id: APP,
      scope: APP_SCOPES,
      nameid: '20000001',
      'urn:altinn:userid': '20000001',
      'urn:altinn:username': '',
      'urn:altinn:partyid': '50000001',
      'urn:altinn:party:uuid': t.world.info.persons.find((p) => p.pid === PID.morten)!.partyUuid,
      'urn:altinn:authenticatemethod': 'TestID',
      'urn:altinn:authlevel': '3',
      iss: `${t.world.urls.altinn}/authentication/api/v1/openid/`,
      exp: source.exp,
    });
    expect(claims).not.toHaveProperty('sub');
    expect(claims).not.toHaveProperty('aud');
  });

  it('exchanges a Maskinporten token (§4.3)', async () => {
    const mpToken = await t.vendorToken('altinn:authentication/systemuser.request.read');
    const claims = decodePayload(await exchangeToken(t.world.urls.altinn, 'maskinporten', mpToken));
    expect(claims).toMatchObject({
      'urn:altinn:orgNumber': '310000019',
      'urn:altinn:authenticatemethod': 'maskinporten',
      'urn:altinn:authlevel': '3',
      consumer: { ID: '0192:310000019' },
    });
    expect(claims).not.toHaveProperty('client_amr');
  });

  it('answers 401 empty without a valid token, 400 text for an unknown provider', async () => {
    const none = await fetch(`${t.world.urls.altinn}/authentication/api/v1/exchange/id-porten`);
    expect(none.status).toBe(401);
    expect(await none.text()).toBe('');
    const bad = await fetch(`${t.world.urls.altinn}/authentication/api/v1/exchange/facebook`, { headers: { authorization: 'Bearer x' } });
    expect(bad.status).toBe(400);
  });
});
