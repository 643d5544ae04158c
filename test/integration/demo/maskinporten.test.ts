import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodePayload, generateTestKey, postToken, signGrant, systemUserDetails, type GrantOptions } from '../../helpers/demo-grants';
import { FIRM, C, startTestWorld, SU_A, SU_B, VENDOR_CLIENT_ID, type TestWorld } from './world-fixture';

let t: TestWorld;
let mp: string;
beforeAll(async () => {
  // These cases check the documented MP codes; the real form (the default) has its own tests below.
  t = await startTestWorld({ maskinportenErrors: 'documented' });
  mp = t.world.urls.maskinporten;
});
afterAll(() => t.close());

const grant = (o: Partial<GrantOptions> = {}) =>
  signGrant(t.key, {
    clientId: VENDOR_CLIENT_ID,
    audience: `${mp}/`,
    scope: 'skatteetaten:kravogbetalinger',
    authorizationDetails: systemUserDetails(FIRM),
    ...o,
  });

async function tokenError(assertion: string) {
  const res = await postToken(`${mp}/token`, assertion);
  return { status: res.status, body: (await res.json()) as { error: string; error_description: string } };
}

describe('Maskinporten metadata and keys', () => {
  it('publishes the TEST-shaped metadata with loopback values', async () => {
    const res = await fetch(`${mp}/.well-known/oauth-authorization-server`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      authorization_details_types_supported: ['urn:altinn:systemuser', 'urn:altinn:consent'],
      grant_types_supported: ['urn:ietf:params:oauth:grant-type:jwt-bearer'],
      issuer: `${mp}/`,
      jwks_uri: `${mp}/jwk`,
      token_endpoint: `${mp}/token`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256', 'RS384', 'RS512'],
    });
  });

  it('serves its RS256 signing key', async () => {
    const body = (await (await fetch(`${mp}/jwk`)).json()) as { keys: Array<Record<string, unknown>> };
    expect(body.keys).toHaveLength(1);
    expect(body.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(body.keys[0]).not.toHaveProperty('d');
  });
});

describe('POST /token', () => {
  it('issues a system-user token with the real claims', async () => {
    const res = await postToken(`${mp}/token`, await grant());
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      access_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 120,
      scope: 'skatteetaten:kravogbetalinger',
    });
    const token = body.access_token as string;
    expect(JSON.parse(Buffer.from(token.split('.')[0]!, 'base64url').toString())).toEqual({ alg: 'RS256', kid: expect.any(String) });
    const claims = decodePayload(token);
    expect(claims).toMatchObject({
      iss: `${mp}/`,
      client_amr: 'private_key_jwt',
      token_type: 'Bearer',
      client_id: VENDOR_CLIENT_ID,
      consumer: { authority: 'iso6523-actorid-upis', ID: '0192:310000019' },
      scope: 'skatteetaten:kravogbetalinger',
      authorization_details: [
        {
          type: 'urn:altinn:systemuser',
          systemuser_org: { authority: 'iso6523-actorid-upis', ID: '0192:310000027' },
          systemuser_id: [SU_A],
          system_id: '310000019_smartregnskap',
          externalRef: '310000027',
        },
      ],
    });
    expect((claims.exp as number) - (claims.iat as number)).toBe(120);
    expect(claims).not.toHaveProperty('aud');
  });

  it('selects SU-B with its externalRef', async () => {
    const res = await postToken(`${mp}/token`, await grant({ authorizationDetails: systemUserDetails(FIRM, 'regnskapsfirma-skatt') }));
    const claims = decodePayload(((await res.json()) as { access_token: string }).access_token);
    expect((claims.authorization_details as Array<{ systemuser_id: string[] }>)[0]!.systemuser_id).toEqual([SU_B]);
  });

  it('issues a plain vendor token without authorization_details', async () => {
    const res = await postToken(
      `${mp}/token`,
      await grant({ scope: 'altinn:authentication/systemregister.write', authorizationDetails: undefined }),
    );
    expect(res.status).toBe(200);
    expect(decodePayload(((await res.json()) as { access_token: string }).access_token)).not.toHaveProperty('authorization_details');
  });

  it('accepts the token endpoint URL as aud (as Altinn tests do)', async () => {
    expect((await postToken(`${mp}/token`, await grant({ audience: `${mp}/token` }))).status).toBe(200);
  });

  it('looks the system user up in Altinn over HTTP (byExternalId), visible in the traffic log', async () => {
    const since = t.world.traffic.list().at(-1)?.id ?? 0;
    await postToken(`${mp}/token`, await grant());
    const hop = t.world.traffic.list(since).find((e) => e.service === 'altinn' && e.path.includes('/systemuser/byExternalId'));
    expect(hop).toMatchObject({ caller: 'maskinporten', status: 200, method: 'GET' });
    expect(hop!.path).toContain('systemUserOwnerOrgNo=310000027');
  });
});

describe('POST /token refuses each bad grant on its own', () => {
  it('bad signature → MP-124', async () => {
    const other = await generateTestKey('smartcloud-demo-2026-1');
    const { status, body } = await tokenError(
      await signGrant(other, { clientId: VENDOR_CLIENT_ID, audience: `${mp}/`, scope: 'skatteetaten:kravogbetalinger' }),
    );
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description).toContain('MP-124');
  });

  it('unknown kid → MP-100', async () => {
    const { status, body } = await tokenError(await grant({ kid: 'nobody-knows-this-kid' }));
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'invalid_grant', error_description: expect.stringContaining('MP-100') });
  });

  it('unknown client (iss) → MP-100', async () => {
    const { body } = await tokenError(await grant({ clientId: '00000000-1111-4222-8333-444444444444' }));
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description).toMatch(/Client not found \(MP-100\)/);
  });

  it('wrong aud → MP-110', async () => {
    const { status, body } = await tokenError(await grant({ audience: 'https://maskinporten.no/' }));
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description).toContain('MP-110');
  });

  it('expired grant → MP-130', async () => {
    const { body } = await tokenError(await grant({ iat: Math.floor(Date.now() / 1000) - 200, lifetime: 60 }));
    expect(body.error).toBe('invalid_grant');
    expect(body.error_description).toMatch(/JWT is expired \(MP-130\)/);
  });

  it('issued in the future → "Issue time is after now"', async () => {
    const { body } = await tokenError(await grant({ iat: Math.floor(Date.now() / 1000) + 60 }));
    expect(body.error_description).toContain('Issue time is after now');
  });

  it('exp − iat over 120 s → MP-130', async () => {
    const { body } = await tokenError(await grant({ lifetime: 121 }));
    expect(body.error_description).toMatch(/lifetime exceeds 120 seconds \(MP-130\)/);
  });

  it('replayed jti → MP-012', async () => {
    const jti = crypto.randomUUID();
    expect((await postToken(`${mp}/token`, await grant({ jti }))).status).toBe(200);
    const { status, body } = await tokenError(await grant({ jti }));
    expect(status).toBe(400);
    expect(body).toEqual({ error: 'invalid_grant', error_description: 'Invalid assertion. Grant is used before (MP-012)' });
  });

  it('missing scope → invalid_scope', async () => {
    const { status, body } = await tokenError(await grant({ scope: undefined }));
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_scope');
  });

  it('scope not registered on the client → MP-200', async () => {
    const { body } = await tokenError(await grant({ scope: 'altinn:authorization/authorize' }));
    expect(body.error).toBe('invalid_scope');
    expect(body.error_description).toContain('MP-200');
  });

  it('scope not granted to the consumer → 403 access_denied MP-250', async () => {
    const set = (granted: boolean) =>
      t.admin('/scope-access', {
        method: 'POST',
        body: JSON.stringify({ scope: 'skatteetaten:kravogbetalinger', orgNo: '310000019', granted }),
      });
    await set(false);
    try {
      const { status, body } = await tokenError(await grant());
      expect(status).toBe(403);
      expect(body).toEqual({
        error: 'access_denied',
        error_description: 'Consumer has not been granted access to the scope skatteetaten:kravogbetalinger (MP-250)',
      });
    } finally {
      await set(true);
    }
  });

  it('x5c instead of a registered key → MP-120 (and a string x5c → MP-123)', async () => {
    const header = { kid: undefined } as Record<string, unknown>;
    const asArray = await signGrant(t.key, {
      clientId: VENDOR_CLIENT_ID,
      audience: `${mp}/`,
      scope: 'skatteetaten:kravogbetalinger',
      extraHeader: { ...header, x5c: ['MIIB'] },
    });
    expect((await tokenError(asArray)).body.error_description).toContain('MP-120');
    const asString = await signGrant(t.key, {
      clientId: VENDOR_CLIENT_ID,
      audience: `${mp}/`,
      scope: 'skatteetaten:kravogbetalinger',
      extraHeader: { ...header, x5c: 'MIIB' },
    });
    expect((await tokenError(asString)).body.error_description).toContain('MP-123');
  });

  it('a malformed assertion or form → invalid_request MP-011', async () => {
    expect((await tokenError('not-a-jwt')).body).toEqual({
      error: 'invalid_request',
      error_description: expect.stringContaining('MP-011'),
    });
    const res = await fetch(`${mp}/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toBe('invalid_request');
  });

  it('wrong authorization_details type → MP-301, unknown key → MP-302, bad org → MP-303', async () => {
    const typeBad = await tokenError(
      await grant({ authorizationDetails: [{ type: 'urn:altinn:consent', systemuser_org: systemUserDetails(FIRM)[0]!.systemuser_org }] }),
    );
    expect(typeBad.body.error_description).toContain('MP-301');
    const extraKey = await tokenError(await grant({ authorizationDetails: [{ ...systemUserDetails(FIRM)[0], systemuserorg: 'x' }] }));
    expect(extraKey.body.error_description).toContain('MP-302');
    const badOrg = await tokenError(await grant({ authorizationDetails: systemUserDetails('310000028') }));
    expect(badOrg.body.error_description).toContain('MP-303');
  });

  it('a client org named as owner → invalid_altinn_customer_configuration (MP-303)', async () => {
    const { status, body } = await tokenError(await grant({ authorizationDetails: systemUserDetails(C.c1) }));
    expect(status).toBe(400);
    expect(body.error).toBe('invalid_altinn_customer_configuration');
    expect(body.error_description).toContain('MP-303');
  });

  it('an unknown externalRef → invalid_altinn_customer_configuration', async () => {
    const { body } = await tokenError(await grant({ authorizationDetails: systemUserDetails(FIRM, 'no-such-ref') }));
    expect(body.error).toBe('invalid_altinn_customer_configuration');
  });

  it('advancing the clock expires a grant signed with real time', async () => {
    t.world.admin.advanceClock(3600);
    try {
      const { body } = await tokenError(await grant());
      expect(body.error_description).toContain('MP-130');
    } finally {
      t.world.admin.advanceClock(-3600);
    }
  });
});

describe('error bodies: real form (default) and documented form', () => {
  const expired = () => grant({ iat: Math.floor(Date.now() / 1000) - 300 });

  it('defaults to the real form: no MP code, the correlation id last; the admin API switches forms', async () => {
    const world = await startTestWorld({ clients: 20 });
    try {
      const issuer = world.world.urls.maskinporten;
      const stale = await signGrant(world.key, {
        clientId: VENDOR_CLIENT_ID,
        audience: `${issuer}/`,
        scope: 'skatteetaten:kravogbetalinger',
        iat: Math.floor(Date.now() / 1000) - 300,
      });
      const correlationId = crypto.randomUUID();
      const res = await fetch(`${issuer}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-correlation-id': correlationId },
        body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion: stale }).toString(),
      });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({
        error: 'invalid_grant',
        error_description: `Invalid assertion. Client authentication failed. JWT is expired (correlation id: ${correlationId})`,
      });

      expect(await (await world.admin('/settings')).json()).toEqual({ maskinportenErrors: 'real', requestTimeoutDays: 180 });
      const put = await world.admin('/settings', { method: 'PUT', body: '{"maskinportenErrors":"documented"}' });
      expect(await put.json()).toEqual({ maskinportenErrors: 'documented', requestTimeoutDays: 180 });
      const again = await postToken(
        `${issuer}/token`,
        await signGrant(world.key, {
          clientId: VENDOR_CLIENT_ID,
          audience: `${issuer}/`,
          scope: 'skatteetaten:kravogbetalinger',
          iat: Math.floor(Date.now() / 1000) - 300,
        }),
      );
      expect(((await again.json()) as { error_description: string }).error_description).toBe(
        'Invalid assertion. Client authentication failed. JWT is expired (MP-130)',
      );
      expect((await world.admin('/settings', { method: 'PUT', body: '{"maskinportenErrors":"loud"}' })).status).toBe(400);
      // The other switch, alone: the Maskinporten form chosen above stays.
      const days = await world.admin('/settings', { method: 'PUT', body: '{"requestTimeoutDays":10}' });
      expect(await days.json()).toEqual({ maskinportenErrors: 'documented', requestTimeoutDays: 10 });
      expect((await world.admin('/settings', { method: 'PUT', body: '{"requestTimeoutDays":0}' })).status).toBe(400);
    } finally {
      await world.close();
    }
  });

  it('real form: a scope not granted is "forbidden", a system-user miss keeps its error without MP-303', async () => {
    t.world.admin.setSettings({ maskinportenErrors: 'real' });
    await t.admin('/scope-access', {
      method: 'POST',
      body: JSON.stringify({ scope: 'skatteetaten:kravogbetalinger', orgNo: '310000019', granted: false }),
    });
    try {
      const { status, body } = await tokenError(await grant());
      expect(status).toBe(403);
      expect(body.error).toBe('forbidden');
      expect(body.error_description).toMatch(
        /^Consumer has not been granted access to the scope skatteetaten:kravogbetalinger \(correlation id: [0-9a-f-]{36}\)$/,
      );
    } finally {
      await t.admin('/scope-access', {
        method: 'POST',
        body: JSON.stringify({ scope: 'skatteetaten:kravogbetalinger', orgNo: '310000019', granted: true }),
      });
    }
    const miss = await tokenError(await grant({ authorizationDetails: systemUserDetails(C.c1) }));
    expect(miss.body.error).toBe('invalid_altinn_customer_configuration');
    expect(miss.body.error_description).not.toMatch(/MP-\d/);
    expect(miss.body.error_description).toMatch(/\(correlation id: [0-9a-f-]{36}\)$/);
    t.world.admin.setSettings({ maskinportenErrors: 'documented' });
    const documented = await tokenError(await expired());
    expect(documented.body.error_description).toContain('(MP-130)');
  });
});
