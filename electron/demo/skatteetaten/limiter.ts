// At most five in-flight K&B calls per organisation (krav-og-betalinger.md §7). The simulator counts per
// `consumer` (the vendor); the sixth concurrent call is refused rather than queued.
export const MAX_CONCURRENT_PER_ORG = 5;

export class ConcurrencyLimiter {
  private readonly inFlight = new Map<string, number>();
  private readonly limit: number;

  constructor(limit = MAX_CONCURRENT_PER_ORG) {
    this.limit = limit;
  }

  /** A release function, or null when the organisation is at its limit. */
  tryAcquire(orgNo: string): (() => void) | null {
    const n = this.inFlight.get(orgNo) ?? 0;
    if (n >= this.limit) return null;
    this.inFlight.set(orgNo, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(orgNo) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(orgNo);
      else this.inFlight.set(orgNo, left);
    };
  }
}
