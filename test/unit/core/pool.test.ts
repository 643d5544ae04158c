import { describe, expect, it } from 'vitest';
import { createPool, mapPooled } from '../../../electron/platform/http/pool';
import { runPooled } from '../../../electron/features/claims/run-pooled';

/** A task that runs until the test lets it end, so "how many at once" is read, not raced. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('the pool', () => {
  it('never runs more than its limit at once, serves waiters in order, and takes a new limit while it runs', async () => {
    const pool = createPool(2);
    const gates = Array.from({ length: 6 }, gate);
    const started: number[] = [];
    const all = Promise.all(
      gates.map((g, i) =>
        pool(async () => {
          started.push(i);
          await g.opened;
          return i;
        }),
      ),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect(pool.activeCount).toBe(2);
    expect(pool.pendingCount).toBe(4);
    gates[1]!.open();
    await gates[1]!.opened;
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2]);
    pool.concurrency = 4;
    await new Promise((resolve) => setImmediate(resolve));
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(pool.activeCount).toBe(4);
    for (const g of gates) g.open();
    expect(await all).toEqual([0, 1, 2, 3, 4, 5]);
    expect(pool.activeCount).toBe(0);
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => createPool(0)).toThrow(RangeError);
    expect(() => createPool(1.5)).toThrow(RangeError);
  });

  it('maps in item order and, after the first failure, begins no item that had not started', async () => {
    expect(await mapPooled(createPool(3), [3, 1, 2], async (n) => n * 10)).toEqual([30, 10, 20]);
    const begun: number[] = [];
    const items = Array.from({ length: 20 }, (_, i) => i);
    await expect(
      runPooled(items, 2, async (n) => {
        begun.push(n);
        if (n === 3) throw new Error('token refused');
        await Promise.resolve();
        return n;
      }),
    ).rejects.toThrow('token refused');
    // 0..3 began (two at a time); at most the one sharing the slot round with 3 began after it.
    expect(begun.length).toBeLessThanOrEqual(5);
    expect(begun.slice(0, 4)).toEqual([0, 1, 2, 3]);
  });
});
