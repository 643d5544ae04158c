// A clock whose time moves only when someone sleeps: each sleep ends, in deadline order, with the clock set
// to its deadline. Retry-After windows and back-offs then take no real time, and "nothing was sent before
// the window ended" is an exact comparison instead of a bet on timer granularity.
import type { Clock } from '../../electron/platform/http/clock';

interface Sleeper {
  at: number;
  wake(): void;
}

export interface VirtualClock extends Clock {
  /** Number of sleeps that are waiting. */
  readonly sleeping: number;
}

export function virtualClock(start = Date.parse('2026-12-01T10:00:00.000Z')): VirtualClock {
  let now = start;
  const sleepers: Sleeper[] = [];
  let tick: NodeJS.Timeout | null = null;

  // One real macrotask between wake-ups lets the woken code run (and maybe sleep again) before time moves on.
  const pump = (): void => {
    tick = null;
    sleepers.sort((a, b) => a.at - b.at);
    const next = sleepers.shift();
    if (!next) return;
    now = Math.max(now, next.at);
    next.wake();
    schedule();
  };
  const schedule = (): void => {
    if (tick === null && sleepers.length > 0) tick = setTimeout(pump, 1);
  };

  return {
    now: () => now,
    get sleeping() {
      return sleepers.length;
    },
    sleep(ms, signal) {
      return new Promise<void>((resolve, reject) => {
        if (signal?.aborted) return reject(signal.reason);
        const sleeper: Sleeper = {
          at: now + Math.max(0, ms),
          wake: () => {
            signal?.removeEventListener('abort', onAbort);
            resolve();
          },
        };
        const onAbort = (): void => {
          const i = sleepers.indexOf(sleeper);
          if (i >= 0) sleepers.splice(i, 1);
          reject(signal?.reason);
        };
        signal?.addEventListener('abort', onAbort, { once: true });
        sleepers.push(sleeper);
        schedule();
      });
    },
  };
}
