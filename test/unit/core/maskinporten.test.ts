import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { decodeJwt, importPKCS8 } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../electron/platform/errors';
import { createHttpClient } from '../../../electron/platform/http/http-client';
import { summariseAccessToken } from '../../../electron/services/maskinporten/access-token';
import { maskinportenError } from '../../../electron/services/maskinporten/errors';
import type { GrantSigningKey } from '../../../electron/platform/keys/key-types';
import { MaskinportenService } from '../../../electron/services/maskinporten/maskinporten-service';
import { FakeClock, json, scriptedFetch, type SeenRequest } from './helpers';

const ENDPOINT = { issuer: 'https://test.maskinporten.no/', tokenEndpoint: 'https://test.maskinporten.no/token' };
let key: GrantSigningKey;
beforeAll(async () => {
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  key = { kid: 'kid-1', key: await importPKCS8(pem, 'RS256') };
});

const grantOf = (req: SeenRequest): Record<string, unknown> => decodeJwt(new URLSearchParams(req.body).get('assertion')!);

function tokenServer(clock: FakeClock, expiresIn = 120) {
  return scriptedFetch(async () => {
    await new Promise((r) => setTimeout(r, 5));
    return json(
      200,
      { access_token: `token-${randomUUID()}`, token_type: 'Bearer', expires_in: expiresIn, scope: 'x' },
      { Date: new Date(clock.now()).toUTCString() },
    );
  });
}

function service(clock: FakeClock, fetch: typeof globalThis.fetch, environment = 'test'): MaskinportenService {
  return new MaskinportenService({
    environment,
    http: createHttpClient({ fetch, clock }),
    clock,
    endpoint: ENDPOINT,
    clientId: 'b7e2c0de-5a4f-4c1b-9e3d-7f6a5b4c3d21',
    signingKey: async () => key,
  });
}

describe('token cache', () => {
  it('makes exactly one token request for 100 concurrent callers of the same system user', async () => {
    const clock = new FakeClock();
    const fetch = tokenServer(clock);
    const mp = service(clock, fetch);
    const tokens = await Promise.all(
      Array.from({ length: 100 }, () => mp.systemUserToken({ orgNumber: '310000027' }, ['skatteetaten:kravogbetalinger'])),
    );
    expect(fetch.seen).toHaveLength(1);
    expect(new Set(tokens.map((t) => t.accessToken)).size).toBe(1);
    expect(mp.tokenRequestCount).toBe(1);
    const req = fetch.seen[0]!;
    expect(req.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(req.body).get('grant_type')).toBe('urn:ietf:params:oauth:grant-type:jwt-bearer');
  });

  it('reuses a token with more than 30 s left and refreshes one with 30 s or less', async () => {
    const clock = new FakeClock();
    const fetch = tokenServer(clock);
    const mp = service(clock, fetch);
    const su = { orgNumber: '310000027' };
    const first = await mp.systemUserToken(su, ['s']);
    clock.advance(89);
    expect((await mp.systemUserToken(su, ['s'])).accessToken).toBe(first.accessToken);
    clock.advance(1); // 30 s left
    const refreshed = await mp.systemUserToken(su, ['s']);
    expect(refreshed.accessToken).not.toBe(first.accessToken);
    expect(fetch.seen).toHaveLength(2);
  });

  it('keeps separate tokens per environment, externalRef, owner org and scope set (scope order does not matter)', async () => {
    const clock = new FakeClock();
    const fetch = tokenServer(clock);
    const test = service(clock, fetch, 'test');
    const prod = service(clock, fetch, 'production');
    const a = await test.systemUserToken({ orgNumber: '310000027' }, ['a', 'b']);
    const aAgain = await test.systemUserToken({ orgNumber: '310000027' }, ['b', 'a']);
    const withRef = await test.systemUserToken({ orgNumber: '310000027', externalRef: 'regnskapsfirma-skatt' }, ['a', 'b']);
    const otherEnv = await prod.systemUserToken({ orgNumber: '310000027' }, ['a', 'b']);
    const vendor = await test.vendorToken(['a', 'b']);
    expect(aAgain.accessToken).toBe(a.accessToken);
    expect(new Set([a, withRef, otherEnv, vendor].map((t) => t.accessToken)).size).toBe(4);
    expect(fetch.seen).toHaveLength(4);
    expect(grantOf(fetch.seen[1]!).authorization_details).toEqual([
      {
        type: 'urn:altinn:systemuser',
        systemuser_org: { authority: 'iso6523-actorid-upis', ID: '0192:310000027' },
        externalRef: 'regnskapsfirma-skatt',
      },
    ]);
    expect(grantOf(fetch.seen[3]!).authorization_details).toBeUndefined();
  });

  it('drops a rejected token so the next caller gets a new one, and forgets everything on dispose', async () => {
    const clock = new FakeClock();
    const fetch = tokenServer(clock);
    const mp = service(clock, fetch);
    const t1 = await mp.systemUserToken({ orgNumber: '310000027' }, ['s']);
    mp.invalidateToken(t1.accessToken);
    const t2 = await mp.systemUserToken({ orgNumber: '310000027' }, ['s']);
    expect(t2.accessToken).not.toBe(t1.accessToken);
    mp.dispose();
    await expect(mp.systemUserToken({ orgNumber: '310000027' }, ['s'])).rejects.toThrow(/disposed/);
  });

  it('does not cache a failure: the next call tries again', async () => {
    const clock = new FakeClock();
    const fetch = scriptedFetch((_r, i) =>
      i === 0
        ? json(400, { error: 'invalid_altinn_customer_configuration', error_description: 'No system user found (MP-303)' })
        : json(200, { access_token: 'ok', expires_in: 120 }),
    );
    const mp = service(clock, fetch);
    await expect(mp.systemUserToken({ orgNumber: '310000027' }, ['s'])).rejects.toMatchObject({ code: 'MP-303', status: 400 });
    expect((await mp.systemUserToken({ orgNumber: '310000027' }, ['s'])).accessToken).toBe('ok');
  });
});

describe('clock skew', () => {
  it('learns the offset from the Date header after "Issue time is after now" and retries once with a corrected iat', async () => {
    const clock = new FakeClock();
    const serverNow = (): number => clock.now() - 60_000; // our clock is a minute ahead
    const fetch = scriptedFetch((req, i) => {
      const date = { Date: new Date(serverNow()).toUTCString() };
      if (i === 0) return json(400, { error: 'invalid_grant', error_description: 'Issue time is after now' }, date);
      const iat = grantOf(req).iat as number;
      return Math.abs(iat * 1000 - serverNow()) <= 10_000
        ? json(200, { access_token: 'ok', expires_in: 120 }, date)
        : json(400, { error: 'invalid_grant', error_description: 'Issue time is after now' }, date);
    });
    const mp = service(clock, fetch);
    expect((await mp.vendorToken(['s'])).accessToken).toBe('ok');
    expect(fetch.seen).toHaveLength(2);
    expect(mp.clockOffsetMs).toBeLessThanOrEqual(-59_000);
    expect(grantOf(fetch.seen[0]!).jti).not.toBe(grantOf(fetch.seen[1]!).jti);
  });

  it('resyncs and retries on the real wording "JWT is expired" (no MP code)', async () => {
    const clock = new FakeClock();
    const serverNow = (): number => clock.now() + 300_000; // our clock is five minutes behind
    const fetch = scriptedFetch((req, i) => {
      const date = { Date: new Date(serverNow()).toUTCString() };
      const body = {
        error: 'invalid_grant',
        error_description: 'Invalid assertion. JWT is expired (correlation id: 6a1f0c1e-0000-4000-8000-000000000001)',
      };
      if (i === 0) return json(400, body, date);
      const iat = grantOf(req).iat as number;
      return Math.abs(iat * 1000 - serverNow()) <= 10_000
        ? json(200, { access_token: 'fresh', expires_in: 120 }, date)
        : json(400, body, date);
    });
    const mp = service(clock, fetch);
    expect((await mp.vendorToken(['s'])).accessToken).toBe('fresh');
    expect(fetch.seen).toHaveLength(2);
    expect(mp.clockOffsetMs).toBeGreaterThanOrEqual(299_000);
  });

  it('retries MP-130 only once', async () => {
    const clock = new FakeClock();
    const fetch = scriptedFetch(() => json(400, { error: 'invalid_grant', error_description: 'JWT is expired (MP-130)' }));
    await expect(service(clock, fetch).vendorToken(['s'])).rejects.toMatchObject({ code: 'MP-130' });
    expect(fetch.seen).toHaveLength(2);
  });
});

describe('Maskinporten errors', () => {
  const res = (status: number, body: unknown) => ({
    status,
    ok: false,
    headers: new Headers(),
    bodyText: typeof body === 'string' ? body : JSON.stringify(body),
    url: 'u',
    correlationId: 'corr-1',
    attempts: 1,
    durationMs: 1,
  });

  it.each([
    [
      400,
      { error: 'invalid_grant', error_description: 'Invalid assertion. Client authentication failed. (MP-100) trace_id: 4bf92f3577b34da6' },
      'MP-100',
      '4bf92f3577b34da6',
    ],
    [400, { error: 'invalid_grant', error_description: 'Invalid assertion. Invalid JWT claim aud (MP-110)' }, 'MP-110', undefined],
    [400, { error: 'invalid_scope', error_description: 'Token request contains invalid scopes for client (MP-200)' }, 'MP-200', undefined],
    [
      403,
      {
        error: 'access_denied',
        error_description: 'Consumer has not been granted access to the scope skatteetaten:kravogbetalinger (MP-250)',
      },
      'MP-250',
      undefined,
    ],
    [
      400,
      { error: 'invalid_altinn_customer_configuration', error_description: 'Invalid authorization details values (MP-303)' },
      'MP-303',
      undefined,
    ],
    // No code in the body: the documented wording still names it.
    [400, { error: 'invalid_request', error_description: 'Invalid assertion. Invalid parameter value' }, 'MP-011', undefined],
    [400, { error: 'invalid_request', error_description: 'Something new and unexplained' }, 'invalid_request', undefined],
  ])('maps HTTP %i %j to code %s', (status, body, code, traceId) => {
    const e = maskinportenError(res(status, body));
    expect(e).toBeInstanceOf(ServiceError);
    expect(e.code).toBe(code);
    expect(e.correlationId).toBe('corr-1');
    expect(e.traceId).toBe(traceId);
    expect(e.retryable).toBe(false);
    expect(e.message.length).toBeGreaterThan(10);
  });

  // Bodies in the form captured from the real service (maskinporten.md §5): no MP code, `forbidden` for a scope
  // not granted, and Maskinporten's correlation id at the end of the description.
  const CORRELATION = '0f3c9a2e-5b1d-4c7a-9e8f-1a2b3c4d5e6f';
  it.each([
    [400, 'invalid_grant', `Invalid assertion. JWT is expired (correlation id: ${CORRELATION})`, 'MP-130', /clock/],
    [400, 'invalid_grant', `Invalid assertion. Client authentication failed. (correlation id: ${CORRELATION})`, 'MP-100', /client id/],
    [400, 'invalid_grant', `Invalid assertion. Invalid JWT claim aud (correlation id: ${CORRELATION})`, 'MP-110', /wrong Maskinporten/],
    [400, 'invalid_grant', `Grant is used before (correlation id: ${CORRELATION})`, 'MP-012', /seen this grant/],
    [
      403,
      'forbidden',
      `Consumer has not been granted access to the scope skatteetaten:kravogbetalinger (correlation id: ${CORRELATION})`,
      'MP-250',
      /not been granted/,
    ],
    [403, 'forbidden', `Access denied (correlation id: ${CORRELATION})`, 'MP-250', /not been granted/],
    [400, 'invalid_scope', `Token request contains invalid scopes for client (correlation id: ${CORRELATION})`, 'MP-200', /not registered/],
    [400, 'invalid_grant', `Issue time is after now (correlation id: ${CORRELATION})`, 'CLOCK_SKEW', /issued in the future/],
  ])('real form: HTTP %i %s "%s" is %s, with the correlation id kept', (status, error, description, code, words) => {
    const e = maskinportenError(res(status, { error, error_description: description }));
    expect(e.code).toBe(code);
    expect(e.message).toMatch(words);
    expect(e.traceId).toBe(CORRELATION);
    // The correlation id travels in the error's details, which is what the UI's "Details" shows.
    expect(e.toShape().details).toMatchObject({ traceId: CORRELATION, correlationId: 'corr-1', status });
    expect(e.remoteMessage).toContain(description);
  });

  it('the documented form and the real form of the same refusal lead to the same code and words', () => {
    const documented = maskinportenError(
      res(400, { error: 'invalid_grant', error_description: 'JWT is expired (MP-130) trace_id: abc123' }),
    );
    const real = maskinportenError(
      res(400, { error: 'invalid_grant', error_description: `JWT is expired (correlation id: ${CORRELATION})` }),
    );
    expect([documented.code, documented.message, documented.traceId]).toEqual(['MP-130', real.message, 'abc123']);
    expect([real.code, real.traceId]).toEqual(['MP-130', CORRELATION]);
  });

  it('marks 5xx retryable and survives a non-JSON body', () => {
    const e = maskinportenError(res(503, '<html>Service Unavailable</html>'));
    expect(e.code).toBe('HTTP_503');
    expect(e.retryable).toBe(true);
  });

  it('reads the system user from an access token whether the org key is ID or id', () => {
    const claims = {
      client_id: 'c',
      consumer: { authority: 'iso6523-actorid-upis', ID: '0192:310000019' },
      scope: 'skatteetaten:kravogbetalinger',
      authorization_details: [
        {
          type: 'urn:altinn:systemuser',
          systemuser_org: { authority: 'iso6523-actorid-upis', id: '0192:310000027' },
          systemuser_id: ['0c1d2e3f-1111-4222-8333-444455556666'],
          system_id: '310000019_smartregnskap',
          externalRef: '310000027',
        },
      ],
      exp: 2000,
    };
    const token = `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.sig`;
    expect(summariseAccessToken(token)).toMatchObject({
      consumerOrg: '310000019',
      systemUserOrg: '310000027',
      systemUserId: '0c1d2e3f-1111-4222-8333-444455556666',
      systemId: '310000019_smartregnskap',
      externalRef: '310000027',
      expiresAtSeconds: 2000,
    });
    expect(summariseAccessToken('opaque')).toBeUndefined();
  });
});
