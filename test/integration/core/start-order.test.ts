// The app as the browser host brings it up: opened (the store), then started (the environment, the features).
// While the embedded world is held back from starting, the first screen's calls are answered from the store and
// a call that needs the environment waits; once the world is let go, that call is answered too and the status
// says the environment is connected. Ordering only, no timing: the world starts when the test says so.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openApp, type AssembledApp } from '../../../electron/app/assemble';
import { startDemoWorld } from '../../../electron/demo';
import { passphraseProtector } from '../../../electron/platform/keys/protector';
import type { Result } from '../../../shared/contract/define';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('the app while it starts', () => {
  let app: AssembledApp | null = null;
  let letWorldStart: () => void = () => undefined;
  afterEach(async () => {
    letWorldStart();
    await app?.close();
    app = null;
  });

  it('answers the store before the environment is up, and what needs the environment after', async () => {
    const dataDir = temp.make('start-order');
    const worldMayStart = new Promise<void>((resolve) => (letWorldStart = resolve));
    app = openApp({
      holder: 'a test core',
      dataDir,
      mode: 'browser',
      version: 'test',
      protector: passphraseProtector('test-passphrase-123', { N: 2 ** 10, r: 8, p: 1 }),
      startEmbeddedWorld: async () => {
        await worldMayStart;
        return startDemoWorld({ port: 0, clients: 40, stateFile: join(dataDir, 'demo-world.json'), quiet: true });
      },
    });
    const opened = app;
    const call = (channel: string, input: unknown = {}) => opened.dispatch(channel, input, { trusted: true }, { transport: 'http' });
    const value = async (channel: string, input: unknown = {}) => {
      const result = await call(channel, input);
      if (!result.ok) throw new Error(`${channel}: ${result.error.code}`);
      return result.value;
    };
    const statuses: unknown[] = [];
    opened.core.bus.subscribe((name, payload) => name === 'app.status' && statuses.push(payload));

    const started = opened.core.start();
    let persons: Result<unknown> | null = null;
    void call('session.demoPersons').then((r) => (persons = r));

    expect(await value('clients.query', { query: {}, offset: 0, limit: 50 })).toMatchObject({ total: 0 });
    expect(await value('app.status')).toMatchObject({ environment: 'demo', connected: false, connecting: true, session: null });
    expect(await value('settings.get')).toMatchObject({ environment: 'demo' });
    await settle();
    expect(persons).toBeNull();

    letWorldStart();
    await started;
    await settle();
    expect(persons).toMatchObject({ ok: true });
    expect((persons as unknown as { value: unknown[] }).value.length).toBeGreaterThan(0);
    expect(await value('app.status')).toMatchObject({ connected: true, connecting: false });
    // The renderer learns the environment came up from the status event, and asks for the settings again.
    expect(statuses).toContainEqual(expect.objectContaining({ connected: true }));
    expect(await value('settings.get')).toMatchObject({ environments: { demo: { urls: { demoAdmin: expect.any(String) } } } });
  });

  /** An app whose embedded world notes when it is asked to start. */
  function appNotingTheStart(name: string): { opened: AssembledApp; asked: () => boolean } {
    const dataDir = temp.make(name);
    let asked = false;
    app = openApp({
      holder: 'a test core',
      dataDir,
      mode: 'browser',
      version: 'test',
      protector: passphraseProtector('test-passphrase-123', { N: 2 ** 10, r: 8, p: 1 }),
      startEmbeddedWorld: async () => {
        asked = true;
        return startDemoWorld({ port: 0, clients: 20, stateFile: join(dataDir, 'demo-world.json'), quiet: true });
      },
    });
    return { opened: app, asked: () => asked };
  }
  // Far longer than any test: the grace period never ends one.
  const NO_GRACE = 10 * 60_000;

  it('starts the environment only once the window says its first screen is up', async () => {
    const { opened, asked } = appNotingTheStart('first-screen');
    const started = opened.core.startAfterFirstScreen(NO_GRACE);
    const call = (channel: string, input: unknown = {}) => opened.dispatch(channel, input, { trusted: true }, { transport: 'http' });
    // The first screen's own calls do not end the wait.
    expect(await call('app.status')).toMatchObject({ ok: true, value: { connected: false } });
    expect(await call('clients.query', { query: {}, offset: 0, limit: 50 })).toMatchObject({ ok: true, value: { total: 0 } });
    expect(await call('systemUsers.list')).toMatchObject({ ok: true });
    await settle();
    expect(asked()).toBe(false);

    expect(await call('app.firstScreen')).toEqual({ ok: true, value: {} });
    await started;
    expect(asked()).toBe(true);
    expect(await call('app.status')).toMatchObject({ ok: true, value: { connected: true } });
  });

  it('starts at once when a call needs the started app before the first screen is up', async () => {
    const { opened, asked } = appNotingTheStart('first-screen-needed');
    const started = opened.core.startAfterFirstScreen(NO_GRACE);
    await settle();
    expect(asked()).toBe(false);
    const persons = await opened.dispatch('session.demoPersons', {}, { trusted: true }, { transport: 'http' });
    expect(persons).toMatchObject({ ok: true });
    await started;
    expect(asked()).toBe(true);
  });
});
