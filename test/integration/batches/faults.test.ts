// A batch of 1 000 clients against a demo world that fails on purpose: 10 % 503s, some 429s with
// Retry-After, dropped connections and added latency. The HTTP layer retries below the port what provably
// did not take effect, and holds every call back during a Retry-After; the runner settles dropped calls
// from Altinn's list. Every item must end done, or failed for a stated reason, and no request to the
// service may leave inside a Retry-After window it was told about. The app's waits run on a virtual clock, so
// the windows take no real time and "nothing inside the window" is exact on the clock the app obeys.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../../electron/platform/http/http-client';
import { virtualClock } from '../../helpers/virtual-clock';
import { startDemoWorld, type DemoWorld } from '../../../electron/demo/index';
import { availableClients, signInToWorld } from '../../helpers/world-altinn';
import { waitFor, worldBatches } from './world-batches';

const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
const RETRY_AFTER_SECONDS = 1;
const CLIENT_DELEGATION = '/authentication/api/v1/enduser/systemuser/clients';

let world: DemoWorld;
beforeAll(async () => {
  world = await startDemoWorld({ port: 0, quiet: true, clients: 2600, preset: 'ready' });
}, 60_000);
afterAll(async () => {
  await world?.close();
});

describe('a batch against a faulty Altinn', () => {
  it('completes with every item done or failed for a real reason, and waits out Retry-After', async () => {
    const urls = { idporten: world.urls.idporten, altinn: world.urls.altinn };
    const token = await signInToWorld(urls);
    const delegated = new Set(world.admin.delegatedClients(SU_A));
    const toAdd = (await availableClients(urls, token, SU_A)).filter((o) => !delegated.has(o)).slice(0, 998);
    expect(toAdd).toHaveLength(998);
    const { nonClient, named } = world.info.clients;
    const auditorClient = named.c8!; // REVI packages only: fails SU-A's AND rule
    const plan = [...toAdd, nonClient, auditorClient].map((orgNumber) => ({ orgNumber, operation: 'add' as const }));

    world.admin.setFaults([
      { service: 'altinn', pathPrefix: CLIENT_DELEGATION, latencyMs: 15, errorRate: 0.1, errorStatuses: [503] },
      { service: 'altinn', pathPrefix: CLIENT_DELEGATION, rateLimitRate: 0.02, retryAfterSeconds: RETRY_AFTER_SECONDS },
      { service: 'altinn', pathPrefix: CLIENT_DELEGATION, dropRate: 0.02 },
    ]);
    const trafficFrom = world.traffic.list().at(-1)?.id ?? 0;
    const clock = virtualClock(Date.now());
    const exchanges: Exchange[] = [];
    const t = worldBatches(urls, { clock, onExchange: (e) => exchanges.push(e) });
    try {
      await waitFor(t.isOnline, 5_000, 'the probe');
      t.service.runner.start();
      const batch = t.service.create({ name: 'Faulty 1000', systemUserId: SU_A, items: plan, submit: true });
      await waitFor(
        () => ['completed', 'completed_with_failures'].includes(t.service.store.stateOf(batch.id)),
        150_000,
        'the batch to finish',
      );

      const failed = t.service.get(batch.id, { state: 'failed', limit: 100 }).items;
      // Neither is offered to the firm's system users in Altinn, so neither has a party id the app could send:
      // both are refused before any call, in plain words, instead of with a guessed UUID.
      expect(failed.map((i) => [i.orgNumber, i.errorCode]).sort()).toEqual(
        [
          [nonClient, 'UNKNOWN_CLIENT'],
          [auditorClient, 'UNKNOWN_CLIENT'],
        ].sort(),
      );
      expect(failed.every((i) => /Nothing was sent/.test(i.errorMessage ?? ''))).toBe(true);
      expect(t.service.get(batch.id, {}).batch.counts).toMatchObject({
        done: 998,
        failed: 2,
        pending: 0,
        in_flight: 0,
        unknown: 0,
        skipped: 0,
      });
      const nowDelegated = new Set(world.admin.delegatedClients(SU_A));
      expect(toAdd.every((o) => nowDelegated.has(o))).toBe(true);
    } finally {
      world.admin.clearFaults();
      await t.close();
    }

    // The faults really happened, and after every 429 the same call came back no sooner than Retry-After.
    const traffic = world.traffic.list(trafficFrom).filter((e) => e.service === 'altinn' && e.path.startsWith(CLIENT_DELEGATION));
    expect(traffic.filter((e) => e.status === 503).length).toBeGreaterThan(50);
    expect(traffic.filter((e) => e.fault === 'drop').length).toBeGreaterThan(5);
    expect(traffic.filter((e) => e.status === 429).length).toBeGreaterThan(5);

    // As the app saw it: after every 429 that the layer retried, the same call left no sooner than Retry-After.
    const delegation = exchanges.filter((e) => e.url.includes(CLIENT_DELEGATION));
    const limited = delegation.filter((e) => e.status === 429);
    expect(limited.length).toBeGreaterThan(5);
    const retried = limited.filter((e) => e.willRetry);
    expect(retried.length).toBeGreaterThan(0);
    for (const refusal of retried) {
      expect(refusal.retryDelayMs).toBe(RETRY_AFTER_SECONDS * 1000);
      const again = delegation.find((e) => e.correlationId === refusal.correlationId && e.attempt === refusal.attempt + 1)!;
      expect(again.startedAt - (refusal.startedAt + refusal.durationMs)).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000);
    }

    // One hold for the whole pool: once a 429 has been answered, no slot sends to the service until its
    // Retry-After has passed. Calls that had left before the answer came started at or before it.
    const windows = limited.map((r) => ({ from: r.startedAt + r.durationMs, to: r.startedAt + r.durationMs + RETRY_AFTER_SECONDS * 1000 }));
    const inside = delegation.filter((e) => windows.some((w) => e.startedAt > w.from && e.startedAt < w.to));
    expect(inside.map((e) => `${new Date(e.startedAt).toISOString()} ${e.method} ${e.status ?? e.error}`)).toEqual([]);
  }, 180_000);
});
