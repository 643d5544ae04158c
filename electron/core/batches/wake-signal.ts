// Lets the runner sleep until either a timeout passes or something worth looking at happens (a submit, a
// resume, the network coming back), without polling faster than it needs to.
export class WakeSignal {
  private controller = new AbortController();

  /** Ends every current `sleep` early. */
  wake(): void {
    this.controller.abort();
    this.controller = new AbortController();
  }

  /** Resolves after `ms` or on the next `wake()`, whichever comes first; never rejects. */
  sleep(ms: number): Promise<void> {
    const signal = this.controller.signal;
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      signal.addEventListener('abort', done, { once: true });
    });
  }
}
