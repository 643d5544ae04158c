// Maskinporten accepts a grant only if iat is within about ±10 s of its own clock. We measure our offset
// from the Date header of its responses and sign with the corrected time.
import type { Clock } from '../../platform/http/clock';

// The Date header has whole-second resolution; smaller differences are noise, not skew.
const NOISE_MS = 2_000;

export class ClockOffset {
  private offset = 0;

  constructor(private readonly clock: Clock) {}

  /** Server time minus local time, in milliseconds (0 while within the noise band). */
  get offsetMs(): number {
    return this.offset;
  }

  /** Maskinporten's "now" in whole seconds. */
  nowSeconds(): number {
    return Math.floor((this.clock.now() + this.offset) / 1000);
  }

  /** Learn from a response's Date header; returns whether the offset changed. */
  observe(dateHeader: string | null, receivedAtMs: number = this.clock.now()): boolean {
    if (!dateHeader) return false;
    const serverMs = Date.parse(dateHeader);
    if (Number.isNaN(serverMs)) return false;
    const measured = serverMs - receivedAtMs;
    const next = Math.abs(measured) < NOISE_MS ? 0 : measured;
    const changed = next !== this.offset;
    this.offset = next;
    return changed;
  }
}
