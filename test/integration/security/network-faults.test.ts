// Every call has a timeout, and no fault of the network leaves the app waiting forever. Two levels:
// 1. The environment's services as the app wires them, with a short timeout injected into the one HTTP layer
//    (the app's own default is 15 s × 4 attempts): hangs, dropped connections, slow answers and error storms on
//    each service end in a typed error, for a sign-in, a claims call, a token and a delegation.
// 2. The whole core with its real defaults, under fake timers: a sign-in and a claims fetch against a world that
//    never answers end with typed errors after the configured timeouts, not never.
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDemoWorld, type DemoWorld, type FaultSpec } from '../../../electron/demo';
import { buildEnvironment } from '../../../electron/platform/environments';
import { openEnvironment, type EnvironmentServices } from '../../../electron/services/environment-services';
import { createHttpClient } from '../../../electron/platform/http/http-client';
import { testPartyUuid } from '../../helpers/party-uuids';
import { AppError } from '../../../shared/errors';
import { startTestCore, type TestCore } from '../../helpers/core';
import { tempVault } from '../core/demo-world';

const MORTEN = '14857110014';
const CLIENT = '313367002';
const TIMEOUT_MS = 300;
/** Far above what any case needs with the injected timeout; reaching it means something waited for ever. */
const HANG_GUARD_MS = 15_000;
const TYPED = /^[A-Z][A-Z0-9_.-]*$/;

/** The error a promise ends with, or a marker if it did not end within the guard. */
async function settle(promise: Promise<unknown>): Promise<{ code?: string; message?: string } | 'resolved' | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), HANG_GUARD_MS)));
  try {
    return await Promise.race([promise.then(() => 'resolved' as const), guard]);
  } catch (error) {
    return error as { code?: string };
  } finally {
    clearTimeout(timer);
  }
}

describe('the services with a short timeout, against every kind of fault', () => {
  let world: DemoWorld;
  let services: EnvironmentServices;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    world = await startDemoWorld({ port: 0, preset: 'ready', quiet: true, clients: 40 });
    const temp = await tempVault();
    cleanup = temp.cleanup;
    const key = await temp.vault.generate({ environment: 'demo' });
    world.admin.registerJwk(world.info.vendor.maskinportenClientId, key.publicJwk);
    const http = createHttpClient({
      defaultTimeoutMs: TIMEOUT_MS,
      defaultMaxAttempts: 2,
      backoff: { baseMs: 10, maxMs: 20 },
      maxRetryAfterMs: 0,
    });
    services = openEnvironment(buildEnvironment('demo', {}, { demoUrls: world.urls }), { vault: temp.vault, http });
    await services.loginDemo(MORTEN);
    // Caches the system user's token, so the faults below hit Skatteetaten's own answer, not the token request.
    await services.kravOgBetalinger.openClaims(CLIENT);
  }, 60_000);
  afterEach(() => world.admin.clearFaults());
  afterAll(async () => {
    services?.dispose();
    await world?.close();
    await cleanup?.();
  });

  const faults: [string, FaultSpec[]][] = [
    ['a hang', [{ service: '*', hangRate: 1 }]],
    ['a dropped connection', [{ service: '*', dropRate: 1 }]],
    ['an answer slower than the timeout', [{ service: '*', latencyMs: TIMEOUT_MS * 4 }]],
    ['a storm of 500s', [{ service: '*', errorRate: 1, errorStatuses: [500] }]],
    ['a storm of 502s and 503s from a proxy', [{ service: '*', errorRate: 1, errorStatuses: [502, 503] }]],
    ['a storm of 429s with a long Retry-After', [{ service: '*', rateLimitRate: 1, retryAfterSeconds: 3600 }]],
  ];

  const calls: [string, () => Promise<unknown>][] = [
    ['an ID-porten sign-in', () => services.loginDemo(MORTEN)],
    ['a Maskinporten token', () => services.maskinporten.vendorToken(['altinn:authentication/systemregister.write'])],
    ['a Krav og betalinger call', () => services.kravOgBetalinger.openClaims(CLIENT)],
    ['an Altinn delegation', () => services.clientDelegation.addClient(world.info.systemUsers.suA.id, testPartyUuid(CLIENT))],
  ];

  for (const [faultName, spec] of faults) {
    it.each(calls)(`ends %s with a typed error under ${faultName}`, async (_name, run) => {
      world.admin.setFaults(spec);
      const outcome = await settle(run());
      expect(outcome).not.toBe('hung');
      expect(outcome).not.toBe('resolved');
      // A typed error: the app's own codes, or the service's own (Maskinporten's are OAuth's lower-case ones).
      expect(outcome).toBeInstanceOf(AppError);
      const error = outcome as AppError;
      expect(error.code).toMatch(/^[A-Za-z][A-Za-z0-9_.-]*$/);
      expect(error.message.length).toBeGreaterThan(10);
    });
  }

  it('works again as soon as the faults are gone', async () => {
    await expect(services.loginDemo(MORTEN)).resolves.toBeDefined();
    await expect(services.kravOgBetalinger.openClaims(CLIENT)).resolves.toBeDefined();
  });
});

describe('the whole core with its default timeouts, against a world that never answers', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
    await t.call('session.signIn', { pid: MORTEN });
  }, 60_000);
  afterAll(async () => {
    vi.useRealTimers();
    t.world?.admin.clearFaults();
    await t?.close();
  });

  /** Runs a channel call with only timers faked, advancing them until it settles; returns the simulated wait. */
  async function underFakeTime(run: () => Promise<unknown>): Promise<{ result: unknown; simulatedMs: number }> {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      let settled = false;
      let result: unknown;
      void run().then((r) => ((settled = true), (result = r)));
      let simulatedMs = 0;
      // Ten minutes of simulated time is far beyond 4 attempts × 15 s plus back-off; beyond it, the app hangs.
      while (!settled && simulatedMs < 10 * 60_000) {
        await vi.advanceTimersByTimeAsync(1000);
        simulatedMs += 1000;
        // Real I/O (the aborted sockets) needs real turns of the event loop to finish.
        await new Promise((r) => setImmediate(r));
      }
      expect(settled, 'the call never ended').toBe(true);
      return { result, simulatedMs };
    } finally {
      vi.useRealTimers();
    }
  }

  it('ends a claims fetch with a typed error after the timeouts', async () => {
    t.world!.admin.setFaults([{ service: '*', hangRate: 1 }]);
    const { result, simulatedMs } = await underFakeTime(() =>
      t.dispatch('claims.fetchOpen', { orgNumbers: [CLIENT, '310000035'] }, { trusted: true }, { transport: 'ipc' }),
    );
    const r = result as {
      ok: boolean;
      error?: { code: string };
      value?: { clients: { outcome: string; error: { code: string } | null }[] };
    };
    // Either the channel failed as a whole (no token) or each client carries its own typed error.
    const codes = r.ok ? r.value!.clients.map((c) => c.error?.code) : [r.error!.code];
    for (const code of codes) expect(code).toMatch(TYPED);
    expect(codes).toContain('TIMEOUT');
    expect(simulatedMs).toBeGreaterThanOrEqual(15_000);
    expect(t.internalErrors).toEqual([]);
  }, 60_000);

  it('ends a sign-in with a typed error after the timeouts', async () => {
    t.world!.admin.setFaults([{ service: '*', hangRate: 1 }]);
    const { result } = await underFakeTime(() => t.dispatch('session.signIn', { pid: MORTEN }, { trusted: true }, { transport: 'ipc' }));
    const r = result as { ok: boolean; error?: { code: string; message: string } };
    expect(r.ok).toBe(false);
    expect(r.error!.code).toBe('TIMEOUT');
    expect(r.error!.message).toMatch(/did not answer within 15 s/);
  }, 60_000);
});
