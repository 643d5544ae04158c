// When the runner may send again: one "not before" for the whole pool, set by Retry-After or by the
// back-off after busy or unreachable answers in a row, so no slot claims anything before it ends.
import { ConsecutiveBackoff, type BackoffPolicy } from '../../platform/http/backoff';
import type { ErrorVerdict } from './classify-error';
import { NO_CLIENT_ADMIN_PAUSE } from './runner-verdicts';

export class RunnerPacing {
  /** No new send before this time (epoch ms). */
  notBefore = 0;
  private readonly backoff: ConsecutiveBackoff;

  constructor(
    private readonly now: () => number,
    policy: BackoffPolicy,
    random?: () => number,
  ) {
    this.backoff = new ConsecutiveBackoff(policy, random);
  }

  /** Milliseconds until the pool may send, 0 when it may now. */
  waitMs(): number {
    return Math.max(0, this.notBefore - this.now());
  }

  succeeded(): void {
    this.backoff.succeed();
  }

  /** Counts a failure and holds the pool for the back-off, or for the service's own Retry-After. */
  troubled(retryAfterMs?: number): number {
    const backoff = this.backoff.fail();
    this.notBefore = Math.max(this.notBefore, this.now() + (retryAfterMs ?? backoff));
    return backoff;
  }

  /**
   * Applies what an error means for the pool. Returns the reason to stop claiming, if any.
   * Busy: waited out. Unknown: one lost answer is not a lost network; back off a little and settle it from
   * Altinn's list. Offline or signed out: the port said so even if the probe has not noticed yet; look again
   * only after a back-off, so a flapping network is not hammered.
   */
  react(verdict: ErrorVerdict): string | null {
    switch (verdict.kind) {
      case 'busy':
        this.troubled(verdict.retryAfterMs ?? undefined);
        return null;
      case 'unknown':
        this.troubled();
        return null;
      case 'offline':
      case 'signed_out':
        this.troubled();
        return verdict.kind;
      case 'forbidden':
        return NO_CLIENT_ADMIN_PAUSE;
      case 'failed':
        return null;
    }
  }
}
