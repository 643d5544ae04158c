// When the page says its first screen is up: only once nothing it asked for is still on its way, and a frame
// has been drawn after that. The frame is the test's own: it is "drawn" when the test says so.
import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it } from 'vitest';
import { afterQueriesSettle } from '../../../renderer/src/api/query/first-screen';

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const settle = () => new Promise((r) => setImmediate(r));

/** Frames the test draws: each `draw()` runs what waited for the next frame. */
function testFrames() {
  const waiting = new Set<() => void>();
  return {
    afterFrame: (fn: () => void) => {
      waiting.add(fn);
      return () => waiting.delete(fn);
    },
    waiting: () => waiting.size,
    draw: () => {
      const due = [...waiting];
      waiting.clear();
      due.forEach((fn) => fn());
    },
  };
}

describe('the first-screen signal', () => {
  const clients: QueryClient[] = [];
  afterEach(() => clients.splice(0).forEach((c) => c.clear()));
  const client = () => {
    const c = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    clients.push(c);
    return c;
  };

  it('waits for every query on its way, then for a frame, and tells once', async () => {
    const queryClient = client();
    const rows = deferred<string>();
    const status = deferred<string>();
    void queryClient.prefetchQuery({ queryKey: ['rows'], queryFn: () => rows.promise });
    void queryClient.prefetchQuery({ queryKey: ['status'], queryFn: () => status.promise });
    const frames = testFrames();
    let told = 0;
    afterQueriesSettle(queryClient, () => void told++, frames.afterFrame);

    rows.resolve('rows');
    await settle();
    expect(frames.waiting()).toBe(0);
    status.resolve('status');
    await settle();
    expect(frames.waiting()).toBe(1);
    expect(told).toBe(0);
    frames.draw();
    expect(told).toBe(1);

    // A query after that changes nothing: the first screen was up.
    void queryClient.prefetchQuery({ queryKey: ['later'], queryFn: () => 'later' });
    await settle();
    frames.draw();
    expect(told).toBe(1);
  });

  it('tells after the next frame when nothing is on its way, and not at all once cancelled', async () => {
    const frames = testFrames();
    let told = 0;
    afterQueriesSettle(client(), () => void told++, frames.afterFrame);
    frames.draw();
    expect(told).toBe(1);

    const queryClient = client();
    const answer = deferred<string>();
    void queryClient.prefetchQuery({ queryKey: ['rows'], queryFn: () => answer.promise });
    const cancel = afterQueriesSettle(queryClient, () => void told++, frames.afterFrame);
    cancel();
    answer.resolve('rows');
    await settle();
    frames.draw();
    expect(told).toBe(1);
  });
});
