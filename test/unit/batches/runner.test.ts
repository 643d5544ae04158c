import { afterEach, describe, expect, it } from 'vitest';
import { altinnError, networkError } from './fake-altinn';
import { harness, orgNumbers, SU_A, stateIs, until } from './harness';
import { virtualClock } from '../../helpers/virtual-clock';

type H = ReturnType<typeof harness>;
const running: H[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.service.runner.stop(1_000);
});

function started(overrides?: Parameters<typeof harness>[0]): H {
  const h = harness(overrides);
  running.push(h);
  h.service.runner.start();
  return h;
}

const plan = (orgs: string[], operation: 'add' | 'remove' = 'add') => orgs.map((orgNumber) => ({ orgNumber, operation }));

describe('the runner', () => {
  it('never has more calls in flight than the configured concurrency, and sends each item once', async () => {
    const h = started();
    h.knobs.concurrency = 3;
    const orgs = orgNumbers(40);
    const b = h.service.create({ name: 'Forty', systemUserId: SU_A, items: plan(orgs), submit: true });
    await until(stateIs(h.service, b.id, 'completed'), 10_000, 'completion');
    expect(h.altinn.maxInFlight).toBe(3);
    expect(h.altinn.calls).toHaveLength(40);
    expect(new Set(h.altinn.calls.map((c) => c.client)).size).toBe(40);
    expect(h.altinn.delegated.get(SU_A)?.size).toBe(40);
    const items = h.service.get(b.id, { limit: 100 }).items;
    expect(items.every((i) => i.state === 'done' && i.attempts === 1 && i.correlationId?.startsWith('corr-'))).toBe(true);
  });

  it('picks up a change of concurrency while a batch runs', async () => {
    const h = started();
    h.knobs.concurrency = 1;
    h.altinn.latencyMs = 10;
    const b = h.service.create({ name: 'Slow', systemUserId: SU_A, items: plan(orgNumbers(30)), submit: true });
    await until(() => h.altinn.calls.length >= 5, 5_000);
    expect(h.altinn.maxInFlight).toBe(1);
    h.knobs.concurrency = 4;
    await until(stateIs(h.service, b.id, 'completed'), 10_000);
    expect(h.altinn.maxInFlight).toBe(4);
  });

  it('never sends the same item twice at once, even when items are retried', async () => {
    const h = started();
    const orgs = orgNumbers(10);
    // Every client fails twice with 503 before it succeeds: the item goes back to pending and is claimed again.
    for (const org of orgs) h.altinn.script.set(h.altinn.partyOf(org), (call) => (call <= 2 ? altinnError('HTTP_503', 503) : null));
    const b = h.service.create({ name: 'Flaky', systemUserId: SU_A, items: plan(orgs), submit: true });
    await until(stateIs(h.service, b.id, 'completed'), 10_000);
    expect(h.altinn.sameClientOverlaps).toEqual([]);
    expect(h.altinn.calls).toHaveLength(30);
    expect(h.service.get(b.id, {}).items.every((i) => i.attempts === 3)).toBe(true);
  });

  it('waits out Retry-After before sending anything again', async () => {
    const clock = virtualClock();
    const h = harness({ runner: { clock, pollMs: 10, backoff: { baseMs: 20, maxMs: 100 }, maxAttemptsPerItem: 4, progressIntervalMs: 0 } });
    h.altinn.clock = clock;
    running.push(h);
    h.service.runner.start();
    h.knobs.concurrency = 1;
    const orgs = orgNumbers(4);
    let refusedAt = 0;
    h.altinn.script.set(h.altinn.partyOf(orgs[1]!), (call) => {
      if (call > 1) return null;
      refusedAt = clock.now();
      return altinnError('HTTP_429', 429, { retryAfterSeconds: 0.4 });
    });
    const b = h.service.create({ name: 'Throttled', systemUserId: SU_A, items: plan(orgs), submit: true });
    await until(stateIs(h.service, b.id, 'completed'), 10_000);
    const refusal = h.altinn.calls.findIndex((c) => c.client === h.altinn.partyOf(orgs[1]!));
    const after = h.altinn.calls.slice(refusal + 1);
    expect(refusedAt).toBeGreaterThan(0);
    expect(after.length).toBe(3);
    // Time is virtual: nothing may go out before the 400 ms window has ended, to the millisecond.
    expect(Math.min(...after.map((c) => c.at)) - refusedAt).toBeGreaterThanOrEqual(400);
    expect(h.progress.some((p) => p.batchId === b.id && p.waitingUntil === new Date(refusedAt + 400).toISOString())).toBe(true);
  });

  it('gives up on an item that stays unavailable and records the real reason', async () => {
    const h = started();
    const [bad, good] = orgNumbers(2);
    h.altinn.script.set(h.altinn.partyOf(bad!), () => altinnError('HTTP_503', 503));
    const b = h.service.create({ name: 'Broken', systemUserId: SU_A, items: plan([bad!, good!]), submit: true });
    await until(stateIs(h.service, b.id, 'completed_with_failures'), 10_000);
    const failed = h.service.get(b.id, { state: 'failed' }).items;
    expect(failed).toEqual([
      expect.objectContaining({ orgNumber: bad, errorCode: 'HTTP_503', attempts: 4, correlationId: 'corr-HTTP_503' }),
    ]);
  });

  it('fails an item on a service verdict at once, names the missing package, and "retry failed" sends it again', async () => {
    const h = started();
    h.altinn.packages = ['regnskapsforer-med-signeringsrettighet', 'skattegrunnlag'];
    const [a, b2, c] = orgNumbers(3);
    h.db
      .prepare(
        `INSERT INTO clients (environment, org_number, party_uuid, name, variant, is_sub_unit, relationship_mask, packages, sort_name, search_text,
           first_seen_at, first_seen_sync, last_seen_at) VALUES ('demo', ?, ?, 'HAVBRIS', 'ENK', 0, 1, ?, 'h', 'h', 'x', 0, 'x')`,
      )
      .run(a, h.altinn.partyOf(a!), JSON.stringify(['regnskapsforer-med-signeringsrettighet', 'regnskapsforer-lonn']));
    h.altinn.script.set(h.altinn.partyOf(a!), altinnError('AUTH-00080', 400));
    h.altinn.script.set(h.altinn.partyOf(b2!), altinnError('AUTH-00079', 400));
    const b = h.service.create({ name: 'Mixed', systemUserId: SU_A, items: plan([a!, b2!, c!]), submit: true });
    await until(stateIs(h.service, b.id, 'completed_with_failures'), 10_000);
    expect(h.altinn.callsFor(h.altinn.partyOf(a!))).toBe(1);
    const failed = h.service.get(b.id, { state: 'failed' }).items;
    expect(failed.map((i) => [i.orgNumber, i.errorCode])).toEqual([
      [a, 'AUTH-00080'],
      [b2, 'AUTH-00079'],
    ]);
    expect(failed[0]!.missingPackages).toEqual(['skattegrunnlag']);

    // The client gives the package, the other is now a client: retry the failed ones.
    h.service.retryFailed(b.id);
    await until(stateIs(h.service, b.id, 'completed'), 10_000);
    expect(h.altinn.callsFor(h.altinn.partyOf(a!))).toBe(2);
    expect(h.altinn.callsFor(h.altinn.partyOf(c!))).toBe(1);
  });

  it('pauses as offline when the network goes, and resumes by itself when it is back', async () => {
    const h = started();
    h.knobs.concurrency = 2;
    h.altinn.latencyMs = 10;
    const orgs = orgNumbers(30);
    const b = h.service.create({ name: 'Train', systemUserId: SU_A, items: plan(orgs), submit: true });
    await until(() => h.altinn.calls.length >= 6, 5_000);
    h.altinn.everyCall = networkError;
    h.knobs.online = false;
    await until(stateIs(h.service, b.id, 'paused'), 5_000, 'offline pause');
    expect(h.service.get(b.id, {}).batch.pauseReason).toBe('offline');
    const counts = h.service.get(b.id, {}).batch.counts;
    expect(counts.in_flight).toBe(0);
    expect(counts.failed).toBe(0);

    h.altinn.everyCall = null;
    h.knobs.online = true;
    await until(stateIs(h.service, b.id, 'completed'), 10_000, 'completion after the network returned');
    expect(h.altinn.delegated.get(SU_A)?.size).toBe(30);
  });

  it('pauses a submitted batch at once when offline, without calling anything', async () => {
    const h = started();
    h.knobs.online = false;
    const b = h.service.create({ name: 'Offline', systemUserId: SU_A, items: plan(orgNumbers(3)), submit: true });
    await until(stateIs(h.service, b.id, 'paused'), 5_000);
    expect(h.altinn.calls).toEqual([]);
    h.knobs.online = true;
    h.service.runner.wake();
    await until(stateIs(h.service, b.id, 'completed'), 5_000);
  });

  it('pauses as signed out when the sign-in is lost, and resumes after signing in', async () => {
    const h = started();
    h.altinn.latencyMs = 10;
    const b = h.service.create({ name: 'Session', systemUserId: SU_A, items: plan(orgNumbers(20)), submit: true });
    await until(() => h.altinn.calls.length >= 3, 5_000);
    h.knobs.signedIn = false;
    h.altinn.everyCall = () => altinnError('ALTINN_UNAUTHENTICATED', 401);
    await until(stateIs(h.service, b.id, 'paused'), 5_000);
    expect(h.service.get(b.id, {}).batch.pauseReason).toBe('signed_out');
    h.altinn.everyCall = null;
    h.knobs.signedIn = true;
    await until(stateIs(h.service, b.id, 'completed'), 10_000);
  });

  it('pauses for good when the person lacks the client administrator right', async () => {
    const h = started();
    h.altinn.everyCall = () => altinnError('NO_CLIENT_ADMIN', 403);
    const b = h.service.create({ name: 'Kari', systemUserId: SU_A, items: plan(orgNumbers(10)), submit: true });
    await until(stateIs(h.service, b.id, 'paused'), 5_000);
    const got = h.service.get(b.id, {});
    expect(got.batch.pauseReason).toBe('no_client_admin');
    // Only what was already under way was tried; the rest waits for a person to resume.
    expect(got.batch.counts.failed).toBeLessThanOrEqual(5);
    expect(got.batch.counts.pending).toBeGreaterThanOrEqual(5);
    // Two full passes of the runner's loop after the pause: neither may resume it by itself.
    await h.service.runner.whenIdle();
    await h.service.runner.whenIdle();
    expect(h.service.store.stateOf(b.id)).toBe('paused');
    expect(h.service.get(b.id, {}).batch.counts).toEqual(got.batch.counts);
  });

  it('lets a person pause and resume; in-flight calls finish, nothing new is sent while paused', async () => {
    const h = started();
    h.altinn.latencyMs = 15;
    const b = h.service.create({ name: 'Manual', systemUserId: SU_A, items: plan(orgNumbers(40)), submit: true });
    await until(() => h.altinn.calls.length >= 5, 5_000);
    h.service.pause(b.id);
    await until(() => h.service.get(b.id, {}).batch.counts.in_flight === 0, 5_000);
    const sentWhilePaused = h.altinn.calls.length;
    // Two full passes of the runner's loop while paused: neither may send anything.
    await h.service.runner.whenIdle();
    await h.service.runner.whenIdle();
    expect(h.altinn.calls.length).toBe(sentWhilePaused);
    expect(h.service.store.stateOf(b.id)).toBe('paused');
    h.service.resume(b.id);
    await until(stateIs(h.service, b.id, 'completed'), 10_000);
    expect(h.altinn.calls).toHaveLength(40);
  });

  it('cancels: pending items are skipped, nothing more is sent', async () => {
    const h = started();
    h.altinn.latencyMs = 15;
    const b = h.service.create({ name: 'Cancel', systemUserId: SU_A, items: plan(orgNumbers(40)), submit: true });
    await until(() => h.altinn.calls.length >= 5, 5_000);
    h.service.cancel(b.id);
    await until(() => h.service.get(b.id, {}).batch.counts.in_flight === 0, 5_000);
    const c = h.service.get(b.id, {}).batch.counts;
    expect(c.done + c.skipped).toBe(40);
    expect(c.done).toBe(h.altinn.calls.length);
  });

  it('reports progress with counts, throughput and an estimate', async () => {
    const h = started();
    h.altinn.latencyMs = 5;
    const b = h.service.create({ name: 'Progress', systemUserId: SU_A, items: plan(orgNumbers(30)), submit: true });
    await until(stateIs(h.service, b.id, 'completed'), 10_000);
    const mine = h.progress.filter((p) => p.batchId === b.id);
    expect(mine.at(-1)).toMatchObject({ state: 'completed', counts: expect.objectContaining({ done: 30, total: 30 }) });
    const midway = mine.find((p) => p.state === 'running' && p.counts.done > 10);
    expect(midway?.throughputPerMinute).toBeGreaterThan(0);
    expect(midway?.etaSeconds).not.toBeNull();
  });
});

describe('recovery after a crash', () => {
  it('settles items left in flight against Altinn before anything is retried', async () => {
    const h = harness();
    const [addedBeforeCrash, addLost, removedBeforeCrash, removeLost, untouched] = orgNumbers(5);
    const item = (orgNumber: string, operation: 'add' | 'remove') => ({ orgNumber, operation, partyUuid: h.altinn.partyOf(orgNumber) });
    const b = h.service.create({
      name: 'Crashed',
      systemUserId: SU_A,
      items: [
        item(addedBeforeCrash!, 'add'),
        item(addLost!, 'add'),
        item(removedBeforeCrash!, 'remove'),
        item(removeLost!, 'remove'),
        item(untouched!, 'add'),
      ],
      submit: true,
    });
    // A previous process claimed four items and died; Altinn got two of the calls.
    h.service.store.move(b.id, 'running');
    for (let i = 0; i < 4; i++) h.service.store.claimNext(b.id, 'dead-run');
    h.altinn.delegated.set(SU_A, new Set([h.altinn.partyOf(addedBeforeCrash!), h.altinn.partyOf(removeLost!)]));

    running.push(h);
    h.service.runner.start();
    await until(stateIs(h.service, b.id, 'completed'), 5_000);
    // The two calls that got through are not repeated; the two lost ones and the untouched item are sent once.
    expect(h.altinn.calls.map((c) => c.client).sort()).toEqual([addLost, removeLost, untouched].map((o) => h.altinn.partyOf(o!)).sort());
    expect([...h.altinn.delegated.get(SU_A)!].sort()).toEqual(
      [addedBeforeCrash, addLost, untouched].map((o) => h.altinn.partyOf(o!)).sort(),
    );
    const sends = h.db.prepare('SELECT item_id, finished, outcome FROM batch_sends ORDER BY id').all() as { outcome: string }[];
    expect(sends.filter((s) => s.outcome === 'reconciled:done')).toHaveLength(2);
    expect(sends.filter((s) => s.outcome === 'reconciled:not_applied')).toHaveLength(2);
  });

  it('keeps items in flight untouched while Altinn cannot say what happened', async () => {
    const h = harness();
    const orgs = orgNumbers(2);
    const b = h.service.create({
      name: 'Unknown',
      systemUserId: SU_A,
      items: orgs.map((orgNumber) => ({ orgNumber, operation: 'add' as const, partyUuid: h.altinn.partyOf(orgNumber) })),
      submit: true,
    });
    h.service.store.move(b.id, 'running');
    h.service.store.claimNext(b.id, 'dead-run');
    h.altinn.everyCall = networkError;
    running.push(h);
    h.service.runner.start();
    await until(stateIs(h.service, b.id, 'paused'), 5_000);
    expect(h.service.get(b.id, {}).batch.counts.in_flight).toBe(1);
    expect(h.altinn.calls).toEqual([]);
    h.altinn.everyCall = null;
    await until(stateIs(h.service, b.id, 'completed'), 5_000);
    expect(h.altinn.calls).toHaveLength(2);
  });
});
