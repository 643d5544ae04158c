// Whether the environment's services answer: every exchange tells (a transport failure that will not be
// retried means offline, any status means online), and a cheap probe looks again every few seconds.
import type { Exchange } from '../../platform/http/http-client';

const PROBE_INTERVAL_MS = 10_000;
const PROBE_TIMEOUT_MS = 3000;

export class OnlineWatch {
  #online = true;
  #timer: NodeJS.Timeout | null = null;
  #issuer: string | null = null;
  /** Counts starts and stops, so a probe that answers after a stop (the app closing) reports nothing. */
  #generation = 0;

  constructor(private readonly onChange: () => void) {}

  get online(): boolean {
    return this.#online;
  }

  /** Starts probing this Maskinporten issuer; the environment counts as online until told otherwise. */
  start(maskinportenIssuer: string): void {
    this.stop();
    this.#generation++;
    this.#issuer = maskinportenIssuer;
    this.#online = true;
    this.#timer = setInterval(() => void this.probe(), PROBE_INTERVAL_MS);
    this.#timer.unref();
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
    this.#issuer = null;
    this.#generation++;
  }

  note(exchange: Exchange): void {
    // An exchange that ends after a stop says nothing about an environment no longer watched.
    if (!this.#issuer) return;
    const transportFailure = exchange.status === undefined && exchange.error !== undefined;
    if (transportFailure && this.#online && !exchange.willRetry) this.set(false);
    if (exchange.status !== undefined && !this.#online) this.set(true);
  }

  /** A cheap look at the Maskinporten metadata tells whether the environment answers at all. */
  async probe(): Promise<boolean> {
    if (!this.#issuer) return false;
    const url = new URL('.well-known/oauth-authorization-server', this.#issuer).toString();
    const generation = this.#generation;
    let online: boolean;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(PROBE_TIMEOUT_MS) });
      online = res.status < 500;
    } catch {
      online = false;
    }
    if (generation !== this.#generation) return this.#online;
    this.set(online);
    return this.#online;
  }

  private set(online: boolean): void {
    if (this.#online === online) return;
    this.#online = online;
    this.onChange();
  }
}
