// The start gate: what reads only the store is answered while the app starts; everything else waits for the
// start and fails with it. Ordering only: the "not yet" is a flag read after the event loop has run.
import { describe, expect, it } from 'vitest';
import { ANSWERED_WHILE_STARTING, gateHandlers } from '../../../electron/app/start-gate';
import type { Handlers } from '../../../electron/platform/ipc/dispatch';

function deferred(): { promise: Promise<void>; resolve(): void; reject(error: unknown): void } {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  promise.catch(() => undefined);
  return { promise, resolve, reject };
}

const ctx = { transport: 'http' } as const;
/** Lets every pending callback run, so a call that could settle has settled. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

const handlers = {
  'clients.query': () => ({ rows: [], total: 0 }),
  'session.demoPersons': () => [],
} as unknown as Handlers;

/** Whether the call has settled, and how. */
function track(promise: Promise<unknown>): { state: 'pending' | 'answered' | 'failed'; value?: unknown; error?: unknown } {
  const seen: { state: 'pending' | 'answered' | 'failed'; value?: unknown; error?: unknown } = { state: 'pending' };
  promise.then(
    (value) => Object.assign(seen, { state: 'answered', value }),
    (error: unknown) => Object.assign(seen, { state: 'failed', error }),
  );
  return seen;
}

describe('the start gate', () => {
  it('answers a store-only call before the start, and holds one that needs the environment until it', async () => {
    const started = deferred();
    const gated = gateHandlers(handlers, ANSWERED_WHILE_STARTING, started.promise);
    const rows = track(Promise.resolve(gated['clients.query']({ query: {}, offset: 0, limit: 10 } as never, ctx)));
    const persons = track(Promise.resolve(gated['session.demoPersons']({} as never, ctx)));
    await settle();
    expect(rows).toEqual({ state: 'answered', value: { rows: [], total: 0 } });
    expect(persons.state).toBe('pending');
    started.resolve();
    await settle();
    expect(persons).toEqual({ state: 'answered', value: [] });
  });

  it('tells that the started app is needed whenever a call has to wait for it, never for a store-only call', async () => {
    const started = deferred();
    let needed = 0;
    const gated = gateHandlers(handlers, ANSWERED_WHILE_STARTING, started.promise, () => void needed++);
    await gated['clients.query']({ query: {}, offset: 0, limit: 10 } as never, ctx);
    expect(needed).toBe(0);
    const persons = track(Promise.resolve(gated['session.demoPersons']({} as never, ctx)));
    await settle();
    expect(needed).toBe(1);
    expect(persons.state).toBe('pending');
    started.resolve();
    await settle();
    expect(persons.state).toBe('answered');
  });

  it('fails the waiting calls with the reason the start failed', async () => {
    const started = deferred();
    const gated = gateHandlers(handlers, ANSWERED_WHILE_STARTING, started.promise);
    const persons = track(Promise.resolve(gated['session.demoPersons']({} as never, ctx)));
    started.reject(new Error('a feature could not start'));
    await settle();
    expect(persons.state).toBe('failed');
    expect((persons.error as Error).message).toBe('a feature could not start');
  });

  it('lets through at once only channels that read the store and the settings', () => {
    // Anything that signs in, syncs, changes settings or touches keys needs the environment or a started feature.
    for (const channel of ANSWERED_WHILE_STARTING)
      expect(channel).toMatch(/^(app\.(info|status|firstScreen)|settings\.get|clients\.|systemUsers\.list)/);
    expect(ANSWERED_WHILE_STARTING.has('clients.sync')).toBe(false);
    expect(ANSWERED_WHILE_STARTING.has('settings.update')).toBe(false);
  });
});
