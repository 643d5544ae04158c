// The first-screen latch: it passes when told, and a wait on it ends on the pass or after the grace period,
// whichever is first. The grace period runs on Vitest's fake clock.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { firstScreenLatch } from '../../../electron/app/first-screen';

const flush = () => vi.advanceTimersByTimeAsync(0);

describe('the first-screen latch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('ends a wait when the first screen is up, before the grace period', async () => {
    const latch = firstScreenLatch();
    let done = false;
    void latch.passedOrAfter(2000).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(1999);
    expect(done).toBe(false);
    latch.pass();
    await flush();
    expect(done).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('ends a wait after the grace period when nothing tells it, and still passes later', async () => {
    const latch = firstScreenLatch();
    let waited = false;
    let passed = false;
    void latch.passedOrAfter(2000).then(() => (waited = true));
    void latch.passed.then(() => (passed = true));
    await vi.advanceTimersByTimeAsync(2000);
    expect(waited).toBe(true);
    expect(passed).toBe(false);
    latch.pass();
    latch.pass();
    await flush();
    expect(passed).toBe(true);
  });

  it('does not wait at all once it has passed', async () => {
    const latch = firstScreenLatch();
    latch.pass();
    let done = false;
    void latch.passedOrAfter(60_000).then(() => (done = true));
    await flush();
    expect(done).toBe(true);
  });
});
