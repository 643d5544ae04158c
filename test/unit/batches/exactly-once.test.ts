// Unknown outcomes, per-client ordering across batches, superseded answers and party resolution: the cases
// where "sent once" is not enough and only Altinn's own list may settle what happened.
import { afterEach, describe, expect, it } from 'vitest';
import { SU_A, harness, orgNumbers, stateIs, until } from './harness';

type H = ReturnType<typeof harness>;
const running: H[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.service.runner.stop(1_000);
});
const started = (overrides?: Parameters<typeof harness>[0]): H => {
  const h = harness(overrides);
  running.push(h);
  h.service.runner.start();
  return h;
};
const plan = (orgs: string[], operation: 'add' | 'remove' = 'add') => orgs.map((orgNumber) => ({ orgNumber, operation }));

describe('a lost answer', () => {
  it('makes the item unknown and settles it from Altinn’s list instead of resending it', async () => {
    const h = started();
    const orgs = orgNumbers(6);
    h.altinn.loseAnswer.add(h.altinn.partyOf(orgs[2]!));
    const b = h.service.create({ name: 'Lost', systemUserId: SU_A, items: plan(orgs), submit: true });
    await until(stateIs(h.service, b.id, 'completed'), 5_000);
    // Applied once, never resent: the list said it was there.
    expect(h.altinn.callsFor(h.altinn.partyOf(orgs[2]!))).toBe(1);
    expect(h.altinn.delegated.get(SU_A)?.size).toBe(6);
    const audit = h.db
      .prepare("SELECT outcome FROM audit_log WHERE client_org_number = ? AND action = 'client.add' ORDER BY id")
      .pluck()
      .all(orgs[2]) as string[];
    expect(audit).toEqual(['unknown', 'done']);
    expect(h.progress.some((p) => p.batchId === b.id && p.counts.unknown === 1)).toBe(true);
  });

  it('add then remove of one client in two batches, the add’s answer lost: Altinn ends with the last intent', async () => {
    const h = started();
    h.knobs.concurrency = 1;
    const [client, other] = orgNumbers(2);
    const uuid = h.altinn.partyOf(client!);
    h.altinn.loseAnswer.add(uuid);
    const adds = h.service.create({ name: 'Add', systemUserId: SU_A, items: plan([client!, other!]), submit: true });
    const removes = h.service.create({ name: 'Remove', systemUserId: SU_A, items: plan([client!], 'remove'), submit: true });
    await until(stateIs(h.service, adds.id, 'completed'), 5_000);
    await until(stateIs(h.service, removes.id, 'completed'), 5_000);
    expect(h.altinn.delegated.get(SU_A)?.has(uuid)).toBe(false);
    // Each intent went out exactly once, in order, and the remove only after the add was settled.
    expect(h.altinn.calls.filter((c) => c.client === uuid).map((c) => c.op)).toEqual(['add', 'remove']);
    const log = h.db.prepare('SELECT action, outcome FROM audit_log WHERE client_org_number = ? ORDER BY id').all(client) as {
      action: string;
      outcome: string;
    }[];
    expect(log).toEqual([
      { action: 'client.add', outcome: 'unknown' },
      { action: 'client.add', outcome: 'done' },
      { action: 'client.remove', outcome: 'done' },
    ]);
  });
});

describe('per-client ordering', () => {
  it('never sends for a client whose earlier operation in another batch is unsettled', async () => {
    const h = harness();
    const [client, free] = orgNumbers(2);
    const uuid = h.altinn.partyOf(client!);
    const first = h.service.create({
      name: 'First',
      systemUserId: SU_A,
      items: [{ orgNumber: client!, operation: 'add', partyUuid: uuid }],
      submit: true,
    });
    // A previous process sent the add and died; the list cannot be read yet.
    h.service.store.move(first.id, 'running');
    h.service.store.claimNext(first.id, 'dead-run');
    h.service.pause(first.id);
    const second = h.service.create({
      name: 'Second',
      systemUserId: SU_A,
      items: [
        { orgNumber: client!, operation: 'remove', partyUuid: uuid },
        { orgNumber: free!, operation: 'add', partyUuid: h.altinn.partyOf(free!) },
      ],
      submit: true,
    });
    h.service.store.move(second.id, 'running');
    // The store refuses to hand out the remove while the add is open; the other client goes.
    const claimed = h.service.store.claimNext(second.id, 'run-2');
    expect(claimed?.item.orgNumber).toBe(free);
    expect(h.service.store.claimNext(second.id, 'run-2')).toBeNull();
    h.service.store.finish(claimed!.item.id, claimed!.sendId, { kind: 'done', correlationId: null });

    // Altinn's list shows the add landed: it is settled, and only then the remove goes out.
    h.altinn.delegated.set(SU_A, new Set([uuid]));
    running.push(h);
    h.service.runner.start();
    await until(stateIs(h.service, second.id, 'completed'), 5_000);
    expect(h.service.get(first.id, {}).items[0]!.state).toBe('done');
    expect(h.altinn.calls.map((c) => [c.op, c.client])).toEqual([['remove', uuid]]);
    expect(h.altinn.delegated.get(SU_A)?.has(uuid)).toBe(false);
  });
});

describe('a cancelled batch killed mid-call', () => {
  it('is settled from Altinn’s list once someone signs in: nothing left in flight, nothing resent', async () => {
    const h = harness();
    h.knobs.signedIn = false;
    const orgs = orgNumbers(4);
    const b = h.service.create({
      name: 'Cancelled',
      systemUserId: SU_A,
      items: orgs.map((orgNumber) => ({ orgNumber, operation: 'add' as const, partyUuid: h.altinn.partyOf(orgNumber) })),
      submit: true,
    });
    h.service.store.move(b.id, 'running');
    for (let i = 0; i < 3; i++) h.service.store.claimNext(b.id, 'dead-run');
    h.service.cancel(b.id);
    // Of the three calls the dead process had sent, Altinn applied one.
    h.altinn.delegated.set(SU_A, new Set([h.altinn.partyOf(orgs[0]!)]));

    running.push(h);
    h.service.runner.start();
    h.knobs.signedIn = true;
    h.service.runner.sessionAvailable();
    await until(() => h.service.store.summary(b.id).counts.in_flight === 0, 5_000, 'settlement after sign-in');
    const c = h.service.store.summary(b.id).counts;
    expect(c).toMatchObject({ in_flight: 0, unknown: 0, done: 1, skipped: 3 });
    expect(h.altinn.calls).toEqual([]);
    expect(h.altinn.listDelegatedCalls).toBeGreaterThan(0);
    const final = h.db
      .prepare(
        "SELECT client_org_number, COUNT(*) AS n FROM audit_log WHERE action = 'client.add' AND outcome IN ('done', 'skipped', 'failed') GROUP BY client_org_number",
      )
      .all() as { n: number }[];
    expect(final).toHaveLength(4);
    expect(final.every((r) => r.n === 1)).toBe(true);
  });
});

describe('superseded sends', () => {
  it('ignores an answer to a send that was settled from Altinn’s list meanwhile', () => {
    const h = harness();
    const [org] = orgNumbers(1);
    const uuid = h.altinn.partyOf(org!);
    const b = h.service.create({
      name: 'Old',
      systemUserId: SU_A,
      items: [{ orgNumber: org!, operation: 'add', partyUuid: uuid }],
      submit: true,
    });
    h.service.store.move(b.id, 'running');
    const old = h.service.store.claimNext(b.id, 'run-old')!;
    // The list says it did not land; the item goes back and is sent again by a newer run.
    h.service.store.reconcile('demo', SU_A, { partyUuids: new Set(), orgNumbers: new Set() }, () => false);
    const fresh = h.service.store.claimNext(b.id, 'run-new')!;
    expect(fresh.sendId).not.toBe(old.sendId);
    const late = h.service.store.finish(old.item.id, old.sendId, {
      kind: 'failed',
      code: 'AUTH-00079',
      message: 'late',
      correlationId: null,
    });
    expect(late.ignored).toBe(true);
    expect(h.service.store.item(old.item.id)!.state).toBe('in_flight');
    const answer = h.service.store.finish(fresh.item.id, fresh.sendId, { kind: 'done', correlationId: 'c' });
    expect(answer).toMatchObject({ ignored: false, item: { state: 'done' } });
    const runs = h.db.prepare('SELECT run_id, outcome FROM batch_sends ORDER BY id').all();
    expect(runs).toEqual([
      { run_id: 'run-old', outcome: 'superseded' },
      { run_id: 'run-new', outcome: 'done' },
    ]);
  });
});

describe('org numbers the local list does not know', () => {
  it('are resolved through Altinn before sending, or failed in plain words without any send', async () => {
    const h = started();
    const [known, stranger] = orgNumbers(2);
    h.altinn.strangers.add(stranger!);
    const b = h.service.create({ name: 'Unknown', systemUserId: SU_A, items: plan([known!, stranger!]), submit: true });
    await until(stateIs(h.service, b.id, 'completed_with_failures'), 5_000);
    expect(h.altinn.calls.map((c) => c.client)).toEqual([h.altinn.partyOf(known!)]);
    const failed = h.service.get(b.id, { state: 'failed' }).items;
    expect(failed).toEqual([expect.objectContaining({ orgNumber: stranger, errorCode: 'UNKNOWN_CLIENT' })]);
    expect(failed[0]!.errorMessage).toMatch(/not among the firm's clients in Altinn.*Nothing was sent/);
  });
});
