import { describe, expect, it } from 'vitest';
import { ConsecutiveBackoff } from '../../../electron/platform/http/backoff';
import { RunnerPacing } from '../../../electron/features/batches/runner-pacing';

describe('the back-off for failures in a row', () => {
  it('doubles per failure up to the cap, with equal jitter, and starts over after a success', () => {
    const full = new ConsecutiveBackoff({ baseMs: 100, maxMs: 500 }, () => 1);
    expect([full.fail(), full.fail(), full.fail(), full.fail()]).toEqual([100, 200, 400, 500]);
    full.succeed();
    expect(full.fail()).toBe(100);
    const half = new ConsecutiveBackoff({ baseMs: 100, maxMs: 500 }, () => 0);
    expect([half.fail(), half.fail()]).toEqual([50, 100]);
  });
});

describe('the runner pacing', () => {
  const at = (t: { now: number }) => () => t.now;

  it('holds the pool for Retry-After when the service names one, and for the back-off otherwise', () => {
    const t = { now: 1_000 };
    const pacing = new RunnerPacing(at(t), { baseMs: 100, maxMs: 1_000 }, () => 1);
    expect(pacing.react({ kind: 'busy', code: 'HTTP_429', retryAfterMs: 2_000, correlationId: null })).toBeNull();
    expect(pacing.notBefore).toBe(3_000);
    t.now = 2_500;
    expect(pacing.waitMs()).toBe(500);
    // A shorter back-off never shortens a hold already set.
    expect(pacing.react({ kind: 'unknown', code: 'TIMEOUT', message: 'lost', correlationId: null })).toBeNull();
    expect(pacing.notBefore).toBe(3_000);
    t.now = 3_000;
    expect(pacing.waitMs()).toBe(0);
  });

  it('stops claiming when the network or the sign-in is gone, or the person lacks the right', () => {
    const t = { now: 0 };
    const pacing = new RunnerPacing(at(t), { baseMs: 100, maxMs: 1_000 }, () => 1);
    expect(pacing.react({ kind: 'offline', code: 'NETWORK' })).toBe('offline');
    expect(pacing.notBefore).toBe(100);
    expect(pacing.react({ kind: 'signed_out', code: 'ALTINN_UNAUTHENTICATED' })).toBe('signed_out');
    expect(pacing.notBefore).toBe(200);
    expect(pacing.react({ kind: 'forbidden', code: 'NO_CLIENT_ADMIN', message: 'no right', correlationId: null })).toBe('no_client_admin');
    expect(pacing.react({ kind: 'failed', code: 'AUTH-00079', message: 'not a client', correlationId: null })).toBeNull();
    pacing.succeeded();
    pacing.react({ kind: 'unknown', code: 'TIMEOUT', message: 'lost', correlationId: null });
    expect(pacing.notBefore).toBe(200);
  });
});
