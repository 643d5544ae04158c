// The whole story through raw HTTP only, from preset `start`: vendor registers and asks, Morten approves
// and delegates, SmartRegnskap fetches a system-user token and reads claims.
import { decideAs } from './portal-browser';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodePayload, exchangeToken, loginCode, pkcePair, postToken, signGrant, systemUserDetails } from '../../helpers/demo-grants';
import { bearer, C, FIRM, PID, startTestWorld, SU_A, VENDOR_CLIENT_ID, type TestWorld } from './world-fixture';

const APP_CLIENT = '3f9a1c52-7d4e-4b8a-a1c0-5e6f7a8b9c0d';
const SCOPES = 'openid altinn:clientdelegations.read altinn:clientdelegations.write';
let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld({ preset: 'start' });
});
afterAll(() => t.close());

it('runs the agent system-user story end to end', async () => {
  const { maskinporten, idporten, altinn, skatteetaten } = t.world.urls;

  // Phase 1: the vendor (SmartCloud) with its registered key.
  const meta = (await (await fetch(`${maskinporten}/.well-known/oauth-authorization-server`)).json()) as {
    issuer: string;
    token_endpoint: string;
  };
  const vendorToken = async (scope: string, authorizationDetails?: unknown) => {
    const res = await postToken(
      meta.token_endpoint,
      await signGrant(t.key, { clientId: VENDOR_CLIENT_ID, audience: meta.issuer, scope, authorizationDetails }),
    );
    expect(res.status).toBe(200);
    return ((await res.json()) as { access_token: string }).access_token;
  };
  const register = await fetch(`${altinn}/authentication/api/v1/systemregister/vendor`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${await vendorToken('altinn:authentication/systemregister.write')}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      id: '310000019_smartregnskap',
      vendor: { authority: 'iso6523-actorid-upis', ID: '0192:310000019' },
      name: { nb: 'SmartRegnskap', nn: 'SmartRegnskap', en: 'SmartRegnskap' },
      description: { nb: 'Regnskapssystem for klienter', nn: 'Rekneskapssystem for klientar', en: 'Accounting system for clients' },
      accessPackages: [
        { urn: 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet' },
        { urn: 'urn:altinn:accesspackage:skattegrunnlag' },
      ],
      clientId: [VENDOR_CLIENT_ID],
      allowedRedirectUrls: ['https://smartcloud.example/receipt'],
      isVisible: false,
    }),
  });
  expect(register.status).toBe(409); // preset start has it registered already

  const requestToken = await vendorToken('altinn:authentication/systemuser.request.write');
  const created = await fetch(`${altinn}/authentication/api/v1/systemuser/request/vendor/agent`, {
    method: 'POST',
    headers: { authorization: `Bearer ${requestToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      systemId: '310000019_smartregnskap',
      partyOrgNo: FIRM,
      integrationTitle: 'SmartRegnskap – klienter',
      accessPackages: [{ urn: 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet' }],
      redirectUrl: 'https://smartcloud.example/receipt',
    }),
  });
  // R-A exists (New) in preset start, so the idempotent create answers 200 with it.
  expect(created.status).toBe(200);
  const request = (await created.json()) as { id: string; status: string; confirmUrl: string };
  expect(request).toMatchObject({ id: '6f0c6f1e-2f7a-4a55-9d1c-1d2f3e4a5b6c', status: 'New' });

  // Phase 2a: Morten opens confirmUrl and approves through the form.
  const approved = await decideAs(request.confirmUrl, PID.morten, 'approve');
  expect(approved.status).toBe(200);
  const polled = await fetch(
    `${altinn}/authentication/api/v1/systemuser/request/vendor/agent/${request.id}`,
    bearer(await vendorToken('altinn:authentication/systemuser.request.read')),
  );
  expect(await polled.json()).toMatchObject({ status: 'Accepted' });

  // Phase 2b: Morten logs in to the app (ID-porten + PKCE), exchanges, lists agents and delegates.
  const { verifier, challenge } = pkcePair();
  const { code, state, redirectUri } = await loginCode(
    { idporten, clientId: APP_CLIENT, pid: PID.morten, scope: SCOPES },
    challenge,
    'flow-state',
  );
  expect(state).toBe('flow-state');
  const tokenRes = await fetch(`${idporten}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: APP_CLIENT,
      code_verifier: verifier,
    }).toString(),
  });
  const idTokens = (await tokenRes.json()) as { access_token: string };
  const altinnToken = await exchangeToken(altinn, 'id-porten', idTokens.access_token);
  expect(decodePayload(altinnToken)).toMatchObject({ pid: PID.morten, 'urn:altinn:authlevel': '3' });

  const agents = (await (
    await fetch(`${altinn}/authentication/api/v1/enduser/systemuser/agents?party=${FIRM}`, bearer(altinnToken))
  ).json()) as Array<{ id: string }>;
  expect(agents.map((a) => a.id)).toEqual([SU_A]);
  const available = (await (
    await fetch(`${altinn}/authentication/api/v1/enduser/systemuser/clients/available?agent=${SU_A}`, bearer(altinnToken))
  ).json()) as { data: Array<{ clientId: string; clientOrganizationNumber: string }> };
  for (const c of [C.c1, C.c2, C.c3, C.c4, C.c5]) {
    const client = available.data.find((d) => d.clientOrganizationNumber === c)!;
    const res = await fetch(`${altinn}/authentication/api/v1/enduser/systemuser/clients?agent=${SU_A}&client=${client.clientId}`, {
      method: 'POST',
      ...bearer(altinnToken),
    });
    expect(await res.json()).toEqual({ agent: SU_A, client: client.clientId });
  }

  // Phase 3: SmartRegnskap gets a system-user token for the firm and calls K&B for a client.
  const suToken = await vendorToken('skatteetaten:kravogbetalinger', systemUserDetails(FIRM));
  expect((decodePayload(suToken).authorization_details as Array<{ systemuser_id: string[] }>)[0]!.systemuser_id).toEqual([SU_A]);
  const claims = await fetch(`${skatteetaten}/v1/regnskapssystem/${C.c1}/aapnekrav`, bearer(suToken));
  expect(claims.status).toBe(200);
  expect(((await claims.json()) as { totalOversikt: { saldo: number } }).totalOversikt.saldo).toBe(24200);

  const refused = await fetch(`${skatteetaten}/v1/regnskapssystem/${C.c6}/aapnekrav`, bearer(suToken));
  expect(refused.status).toBe(403);
  expect(await refused.json()).toMatchObject({ kode: 'DAS-008' });
});
