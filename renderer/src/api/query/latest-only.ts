// One request at a time for a list's first page: a request that comes while one runs waits, and replaces any
// other waiting one, which never starts. A request whose query was cancelled (its key is no longer on screen)
// never starts either. So a search keeps up with typing without a queue of stale searches behind it.

/** Runs `task` when its turn comes; rejects with an AbortError when it is superseded or cancelled first. */
export type Gate = <T>(signal: AbortSignal, task: () => Promise<T>) => Promise<T>;

const aborted = (): DOMException => new DOMException('superseded by a newer request', 'AbortError');

export function latestOnlyGate(): Gate {
  let running = false;
  let waiting: { start(): void; drop(): void } | null = null;

  const runNext = (): void => {
    const next = waiting;
    waiting = null;
    if (next) next.start();
    else running = false;
  };

  return <T>(signal: AbortSignal, task: () => Promise<T>) =>
    new Promise<T>((resolve, reject) => {
      const start = (): void => {
        if (signal.aborted) {
          reject(aborted());
          runNext();
          return;
        }
        running = true;
        task().then(resolve, reject).finally(runNext);
      };
      if (!running) return start();
      waiting?.drop();
      waiting = { start, drop: () => reject(aborted()) };
    });
}
