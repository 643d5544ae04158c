// The hook that lets the client list's local copy follow the runner: told of each confirmed change, inside the
// transaction that marks the item done.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ConfirmedChange } from '../../../electron/features/batches/batch-store';
import { altinnError } from './fake-altinn';
import { harness, orgNumbers, SU_A, stateIs, until } from './harness';

type H = ReturnType<typeof harness>;
const running: H[] = [];
afterEach(async () => {
  for (const h of running.splice(0)) await h.service.runner.stop(1_000);
  vi.restoreAllMocks();
});

function started(onConfirmed: (change: ConfirmedChange) => void): H {
  const h = harness({ onConfirmed });
  running.push(h);
  h.service.runner.start();
  return h;
}

describe('confirmed changes', () => {
  it('reports each done item with the batch’s environment and system user, and no failed one', async () => {
    const confirmed: ConfirmedChange[] = [];
    const h = started((c) => confirmed.push(c));
    const [ok, refused, removed] = orgNumbers(3);
    h.altinn.script.set(h.altinn.partyOf(refused!), altinnError('AUTH-00079', 400));
    const b = h.service.create({
      name: 'Mixed',
      systemUserId: SU_A,
      items: [
        { orgNumber: ok!, operation: 'add' },
        { orgNumber: refused!, operation: 'add' },
        { orgNumber: removed!, operation: 'remove' },
      ],
      submit: true,
    });
    await until(stateIs(h.service, b.id, 'completed_with_failures'), 10_000, 'completion');
    expect(confirmed.sort((a, z) => a.orgNumber.localeCompare(z.orgNumber))).toEqual(
      [
        { orgNumber: ok!, operation: 'add' },
        { orgNumber: removed!, operation: 'remove' },
      ]
        .map((c) => ({
          ...c,
          environment: 'demo',
          systemUserId: SU_A,
          partyUuid: h.altinn.partyOf(c.orgNumber),
          name: `Client ${c.orgNumber}`,
        }))
        .sort((a, z) => a.orgNumber.localeCompare(z.orgNumber)),
    );
  });

  it('keeps the item out of "done" while the hook fails, and reports it once it is confirmed after all', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const confirmed: string[] = [];
    let refuse = true;
    const h = started((c) => {
      if (refuse) throw new Error('local copy busy');
      confirmed.push(c.orgNumber);
    });
    const [org] = orgNumbers(1);
    const b = h.service.create({ name: 'One', systemUserId: SU_A, items: [{ orgNumber: org!, operation: 'add' }], submit: true });
    await until(() => h.altinn.calls.length === 1, 5_000, 'the send');
    await until(() => (console.error as unknown as { mock: { calls: unknown[] } }).mock.calls.length > 0, 5_000, 'the failed step');

    // Altinn has it, but the item's change was rolled back with the hook's: no "done", no audit row for it.
    const item = h.service.get(b.id, {}).items[0]!;
    expect(item.state).toBe('in_flight');
    const doneRows = h.db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'client.add' AND outcome = 'done'").get();
    expect(doneRows).toEqual({ n: 0 });

    refuse = false;
    await until(stateIs(h.service, b.id, 'completed'), 10_000, 'completion after reconciling');
    // Settled from Altinn's list, not sent again.
    expect(h.altinn.calls).toHaveLength(1);
    expect(confirmed).toEqual([org]);
  });
});
