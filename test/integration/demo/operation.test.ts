// Traffic log redaction, faults, the admin API and the state file.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { maskinportenToken, systemUserDetails } from '../../helpers/demo-grants';
import { bearer, C, startTestWorld, SU_A, VENDOR_CLIENT_ID, vendorKey, type TestWorld } from './world-fixture';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld();
});
afterAll(() => t.close());

describe('traffic log', () => {
  it('keeps decoded claims of grants and tokens but never a compact JWT, assertion or code_verifier', async () => {
    const seen: number[] = [];
    const unsubscribe = t.world.traffic.subscribe((e) => seen.push(e.id));
    const token = await t.systemUserToken();
    await fetch(`${t.world.urls.skatteetaten}/v1/regnskapssystem/${C.c1}/aapnekrav`, bearer(token));
    await t.personToken('14857110014');
    unsubscribe();
    const entries = t.world.traffic.list();
    expect(seen.length).toBeGreaterThan(5);
    const dump = JSON.stringify(entries);
    expect(dump).not.toMatch(JWT);
    expect(dump).not.toContain(token.split('.')[2]);
    const tokenCall = entries.find((e) => e.service === 'maskinporten' && e.path === '/token' && !e.caller)!;
    expect(tokenCall.requestBody).toMatchObject({ assertion: '[redacted JWT]' });
    expect(tokenCall.responseBody).toMatchObject({ access_token: '[redacted JWT]', token_type: 'Bearer' });
    expect(tokenCall.decodedJwt!.map((d) => d.where)).toEqual(['request.assertion', 'response.access_token']);
    expect(tokenCall.decodedJwt![1]!.claims).toMatchObject({ authorization_details: [{ systemuser_id: [SU_A] }] });
    const idpToken = entries.find((e) => e.service === 'idporten' && e.path === '/token')!;
    expect(idpToken.requestBody).toMatchObject({ code_verifier: '[redacted]', code: '[redacted]' });
    const kbCall = entries.find((e) => e.service === 'skatteetaten')!;
    expect(kbCall).toMatchObject({ method: 'GET', status: 200, correlationId: expect.any(String) });
    const hops = entries.filter((e) => e.correlationId === kbCall.correlationId && e.caller === 'skatteetaten');
    expect(hops.map((e) => `${e.service} ${e.path}`)).toEqual(
      expect.arrayContaining([
        'maskinporten /jwk',
        'maskinporten /token',
        'altinn /authentication/api/v1/exchange/maskinporten',
        'altinn /authorization/api/v1/authorize',
      ]),
    );
    const admin = await (await t.admin(`/traffic?since=${entries.at(-2)!.id}`)).json();
    expect(admin).toHaveLength(1);
  });
});

describe('faults', () => {
  it('errorRate 1 gives the configured statuses; clearing restores service', async () => {
    await t.admin('/faults', {
      method: 'PUT',
      body: JSON.stringify([{ service: 'maskinporten', pathPrefix: '/jwk', errorRate: 1, errorStatuses: [502] }]),
    });
    expect((await fetch(`${t.world.urls.maskinporten}/jwk`)).status).toBe(502);
    expect((await fetch(`${t.world.urls.maskinporten}/.well-known/oauth-authorization-server`)).status).toBe(200);
    await t.admin('/faults', { method: 'DELETE' });
    expect((await fetch(`${t.world.urls.maskinporten}/jwk`)).status).toBe(200);
  });

  it('rate limits with Retry-After, drops and hangs', async () => {
    t.world.admin.setFaults([{ service: 'idporten', rateLimitRate: 1, retryAfterSeconds: 7 }]);
    const limited = await fetch(`${t.world.urls.idporten}/jwk`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('7');
    t.world.admin.setFaults([{ service: 'idporten', dropRate: 1 }]);
    await expect(fetch(`${t.world.urls.idporten}/jwk`)).rejects.toThrow();
    t.world.admin.setFaults([{ service: 'idporten', hangRate: 1 }]);
    await expect(fetch(`${t.world.urls.idporten}/jwk`, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
    t.world.admin.clearFaults();
    await new Promise((r) => setTimeout(r, 50));
    expect(
      t.world.traffic
        .list()
        .filter((e) => e.fault === 'hang' || e.fault === 'drop')
        .map((e) => e.status),
    ).toEqual([null, null]);
  });

  it('the same seed and fault set fail the same requests', async () => {
    const run = async () => {
      t.world.admin.setFaults([{ service: 'maskinporten', pathPrefix: '/jwk', errorRate: 0.5 }]);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await fetch(`${t.world.urls.maskinporten}/jwk`)).status);
      t.world.admin.clearFaults();
      return statuses;
    };
    const first = await run();
    expect(await run()).toEqual(first);
    expect(new Set(first).size).toBeGreaterThan(1);
  });

  it('the admin API validates fault specs', async () => {
    const res = await t.admin('/faults', { method: 'PUT', body: JSON.stringify([{ service: 'nowhere' }]) });
    expect(res.status).toBe(400);
  });
});

describe('admin API', () => {
  it('reads delegations and resets to a preset', async () => {
    const world = await startTestWorld({ preset: 'ready' });
    try {
      expect(await (await world.admin(`/delegations?systemUser=${SU_A}`)).json()).toEqual({
        systemUser: SU_A,
        clients: [C.c1, C.c2, C.c3, C.c4, C.c5],
      });
      expect((await world.admin('/reset', { method: 'POST', body: '{"preset":"start"}' })).status).toBe(200);
      expect(world.world.admin.delegatedClients(SU_A)).toEqual([]);
      expect((await world.admin('/info', { headers: { origin: 'https://evil.example' } })).status).toBe(403);
      // Registered keys survive a reset; the system users do not (preset start has none).
      expect(await world.systemUserToken().catch((e: Error) => e.message)).toContain('invalid_altinn_customer_configuration');
      const clock = await world.admin('/clock', { method: 'POST', body: '{"advanceSeconds":30}' });
      expect(await clock.json()).toMatchObject({ advancedSeconds: 30 });
    } finally {
      await world.close();
    }
  });
});

describe('state file', () => {
  it('keeps delegations, requests, system users and registered keys across a restart', async () => {
    const dir = temp.make('world');
    const stateFile = join(dir, 'state.json');
    try {
      const first = await startTestWorld({ preset: 'ready', stateFile });
      const morten = await first.personToken('14857110014');
      const add = await fetch(
        `${first.world.urls.altinn}/authentication/api/v1/enduser/systemuser/clients?agent=${SU_A}&client=${await first.clientUuid(C.c6)}`,
        { method: 'POST', ...bearer(morten) },
      );
      expect(add.status).toBe(200);
      await first.close();

      const { startDemoWorld } = await import('../../../electron/demo/index');
      const second = await startDemoWorld({ port: 0, quiet: true, stateFile, preset: 'start' });
      try {
        expect(second.admin.delegatedClients(SU_A)).toContain(C.c6);
        // The key registered before the restart still authenticates (no new registration here).
        const token = await maskinportenToken(await vendorKey(), {
          maskinporten: second.urls.maskinporten,
          clientId: VENDOR_CLIENT_ID,
          scope: 'skatteetaten:kravogbetalinger',
          authorizationDetails: systemUserDetails('310000027'),
        });
        expect((await fetch(`${second.urls.skatteetaten}/v1/regnskapssystem/${C.c6}/aapnekrav`, bearer(token))).status).toBe(200);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
