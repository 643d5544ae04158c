import { describe, expect, it } from 'vitest';
import { latestOnlyGate } from '../../../renderer/src/api/query/latest-only';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}
const tick = () => new Promise((r) => setImmediate(r));
const live = () => new AbortController().signal;

describe('latestOnlyGate: the first page of a search typed faster than the store answers', () => {
  it('runs the first request at once, and of those asked meanwhile only the newest, after it', async () => {
    const gate = latestOnlyGate();
    const started: string[] = [];
    const first = deferred<string>();
    const a = gate(live(), () => (started.push('a'), first.promise));
    const b = gate(live(), () => (started.push('b'), Promise.resolve('b')));
    const c = gate(live(), () => (started.push('c'), Promise.resolve('c')));
    expect(started).toEqual(['a']);
    await expect(b).rejects.toMatchObject({ name: 'AbortError' });
    first.resolve('a');
    await expect(a).resolves.toBe('a');
    await expect(c).resolves.toBe('c');
    expect(started).toEqual(['a', 'c']);
    await tick();
    await expect(gate(live(), () => (started.push('d'), Promise.resolve('d')))).resolves.toBe('d');
    expect(started).toEqual(['a', 'c', 'd']);
  });

  it('never starts a request whose query was cancelled while it waited', async () => {
    const gate = latestOnlyGate();
    const started: string[] = [];
    const first = deferred();
    void gate(live(), () => (started.push('a'), first.promise));
    const cancelled = new AbortController();
    const waiting = gate(cancelled.signal, () => (started.push('b'), Promise.resolve()));
    cancelled.abort();
    first.resolve();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(started).toEqual(['a']);
    // The gate is free again afterwards.
    await expect(gate(live(), () => (started.push('c'), Promise.resolve('c')))).resolves.toBe('c');
  });

  it('keeps going after a request fails, and passes the failure on', async () => {
    const gate = latestOnlyGate();
    const failing = gate(live(), () => Promise.reject(new Error('offline')));
    const next = gate(live(), () => Promise.resolve('ok'));
    await expect(failing).rejects.toThrow('offline');
    await expect(next).resolves.toBe('ok');
  });
});
