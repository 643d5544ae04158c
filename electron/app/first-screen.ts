// A start in two phases, the way a person meets it: first the screen, then the rest. The first screen reads only
// the store (start-gate.ts); the environment's start (the key vault's scrypt, the embedded demo world's build)
// and warming the search index are real work, and on a small machine they take the processor from the very
// window that is drawing that screen. So they wait until the window says its first screen is up, or until a call
// needs the started app, or until a grace period has passed without either, whichever comes first.

/** Long enough for a window to load and draw its first screen on a slow machine; short enough that nobody waits. */
export const FIRST_SCREEN_GRACE_MS = 2000;

export interface FirstScreen {
  /** Settles once the first screen is up or the started app is needed. Never rejects. */
  readonly passed: Promise<void>;
  /** The first screen is up, or something needs the started app now. Later calls change nothing. */
  pass(): void;
  /** Settles on `passed` or after `graceMs`, whichever is first (the timer does not hold the process open). */
  passedOrAfter(graceMs: number): Promise<void>;
}

export function firstScreenLatch(): FirstScreen {
  let pass!: () => void;
  const passed = new Promise<void>((resolve) => (pass = resolve));
  return {
    passed,
    pass: () => pass(),
    passedOrAfter(graceMs) {
      return new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, graceMs);
        timer.unref();
        void passed.then(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}
