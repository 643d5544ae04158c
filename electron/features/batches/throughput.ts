// Items per minute over a sliding window, and the time left at that pace. A window (not the average since
// start) so a batch that sat paused overnight does not report a pace of one item an hour.
const WINDOW_MS = 60_000;
/** Fewer finished items than this say too little about the pace to promise a time. */
const MIN_SAMPLES_FOR_ETA = 3;

export class ThroughputMeter {
  private readonly finishedAt: number[] = [];

  record(atMs: number): void {
    this.finishedAt.push(atMs);
    this.prune(atMs);
  }

  perMinute(nowMs: number): number {
    this.prune(nowMs);
    const n = this.finishedAt.length;
    if (n === 0) return 0;
    // Over the part of the window that has data, so the first seconds of a run do not read as slow.
    const spanMs = Math.max(1_000, nowMs - this.finishedAt[0]!);
    return Math.round((n / spanMs) * 60_000 * 10) / 10;
  }

  etaSeconds(remaining: number, nowMs: number): number | null {
    if (remaining === 0) return 0;
    const rate = this.perMinute(nowMs);
    if (this.finishedAt.length < MIN_SAMPLES_FOR_ETA || rate <= 0) return null;
    return Math.ceil((remaining / rate) * 60);
  }

  private prune(nowMs: number): void {
    while (this.finishedAt.length > 0 && this.finishedAt[0]! < nowMs - WINDOW_MS) this.finishedAt.shift();
  }
}
