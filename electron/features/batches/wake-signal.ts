// Lets the runner sleep until either a timeout passes or something worth looking at happens (a submit, a
// resume, the network coming back), without polling faster than it needs to. Time comes from the clock, so
// tests can run Retry-After windows and back-off fast.
import { systemClock, type Clock } from '../../platform/http/clock';

export class WakeSignal {
  private controller = new AbortController();

  constructor(private readonly clock: Clock = systemClock) {}

  /** Ends every current `sleep` early. */
  wake(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }

  /** Resolves after `ms` or on the next `wake()`, whichever comes first; never rejects. */
  sleep(ms: number): Promise<void> {
    return this.clock.sleep(Math.max(0, ms), this.controller.signal).catch(() => undefined);
  }
}
