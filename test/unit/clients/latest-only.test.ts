import { describe, expect, it } from 'vitest';
import { latestOnly } from '../../../renderer/src/views/clients/use-client-pages';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('latestOnly: the first page of a search typed faster than the store answers', () => {
  it('runs the first task at once, and of those handed over meanwhile only the newest, after it', async () => {
    const run = latestOnly();
    const started: string[] = [];
    const first = deferred();
    const last = deferred();
    run(() => (started.push('a'), first.promise));
    run(() => (started.push('b'), Promise.resolve()));
    run(() => (started.push('c'), last.promise));
    expect(started).toEqual(['a']);
    first.resolve();
    await first.promise;
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['a', 'c']);
    last.resolve();
    await new Promise((r) => setImmediate(r));
    run(() => (started.push('d'), Promise.resolve()));
    expect(started).toEqual(['a', 'c', 'd']);
  });

  it('keeps going after a task fails', async () => {
    const run = latestOnly();
    const started: string[] = [];
    run(() => (started.push('a'), Promise.reject(new Error('offline'))));
    run(() => (started.push('b'), Promise.resolve()));
    await new Promise((r) => setImmediate(r));
    expect(started).toEqual(['a', 'b']);
  });
});
