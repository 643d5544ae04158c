// Retry timing: exponential backoff with jitter, and the server's Retry-After when it sends one.

export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 200, maxMs: 5_000 };

/**
 * Delay before retry number `retry` (1 = first retry). "Equal jitter": half the exponential step is fixed,
 * half random, so many clients hit by the same 503 do not come back in lockstep, yet none retries at once.
 */
export function backoffDelayMs(retry: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(step / 2 + random() * (step / 2));
}

/** `Retry-After` as milliseconds from now: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/**
 * A wait that grows with each failure in a row and starts over after a success: the batch runner's pause
 * for the whole pool after a busy or unreachable service, on the same curve as the HTTP layer's retries.
 */
export class ConsecutiveBackoff {
  private failures = 0;

  constructor(
    private readonly policy: BackoffPolicy,
    private readonly random: () => number = Math.random,
  ) {}

  /** Counts one more failure and returns how long to wait before the next try. */
  fail(): number {
    this.failures++;
    return this.current();
  }

  /** The wait for the failures counted so far (the base step when there were none). */
  current(): number {
    return backoffDelayMs(Math.max(1, this.failures), this.policy, this.random);
  }

  succeed(): void {
    this.failures = 0;
  }
}
