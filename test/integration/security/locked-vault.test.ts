// The browser host's core with no passphrase given, as a person starts it: the keys stay locked until the
// passphrase is chosen, in the Demo environment too (no shortcut), and a call that needs a key says so with a
// code the renderer opens its unlock dialog on.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/app/create-core';
import { fallbackProtector } from '../../../electron/platform/keys/fallback-protector';
import { createDispatcher, type Dispatch } from '../../../electron/platform/ipc/dispatch';
import { embeddedWorld } from '../../../electron/services/world/embedded';
import { startDemoWorld } from '../../../electron/demo';
import type { ChannelInput, ChannelName } from '../../../shared/contract';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const MORTEN = '14857110014';
const CLIENT = '313367002';

/** A core on a fresh folder whose keys are sealed by the fallback protector, given `env` as the process environment. */
function lockedCore(name: string, env: NodeJS.ProcessEnv) {
  let dataDir: string;
  let core: Core;
  let dispatch: Dispatch;
  beforeAll(async () => {
    dataDir = temp.make(name);
    core = await createCore({
      dataDir,
      mode: 'browser',
      version: 'test',
      protector: { ...fallbackProtector(dataDir, env), scrypt: { N: 2 ** 10, r: 8, p: 1 } },
      demoWorld: { embedded: embeddedWorld(() => startDemoWorld({ port: 0, clients: 120, quiet: true })) },
    });
    dispatch = createDispatcher(core.handlers);
  }, 60_000);
  afterAll(async () => {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  });
  return async <C extends ChannelName>(channel: C, input: ChannelInput<C>) =>
    dispatch(channel, input, { trusted: true }, { transport: 'ipc' });
}

describe('a core whose keys are sealed with a typed passphrase', () => {
  const call = lockedCore('locked-core', {});

  it('starts in the Demo environment with the keys locked and no key made behind the person’s back', async () => {
    const state = await call('keys.lockState', {});
    expect(state).toMatchObject({ ok: true, value: { protection: 'passphrase', state: 'unset', badEntries: [] } });
    expect(await call('keys.list', {})).toEqual({ ok: true, value: [] });
    expect(await call('keys.generate', {})).toMatchObject({ ok: false, error: { code: 'KEY_VAULT_LOCKED' } });
  });

  it('answers a call that needs to sign with KEY_VAULT_LOCKED, then works once the passphrase is chosen', async () => {
    expect((await call('session.signIn', { pid: MORTEN })).ok).toBe(true);
    expect(await call('claims.fetchOpen', { orgNumbers: [CLIENT] })).toMatchObject({ ok: false, error: { code: 'KEY_VAULT_LOCKED' } });

    expect(await call('keys.unlock', { passphrase: 'not chosen yet' })).toMatchObject({
      ok: false,
      error: { code: 'KEY_VAULT_PASSPHRASE_UNSET' },
    });
    expect(await call('keys.setPassphrase', { passphrase: 'short' })).toMatchObject({
      ok: false,
      error: { code: 'KEY_VAULT_WEAK_PASSPHRASE' },
    });
    expect(await call('keys.setPassphrase', { passphrase: 'fjell og fjord 2026' })).toMatchObject({
      ok: true,
      value: { state: 'unlocked' },
    });
    // The demo world's first key is made and registered as soon as the keys are open.
    const keys = await call('keys.list', {});
    expect(keys.ok && (keys.value as { status: string }[]).map((k) => k.status)).toEqual(['active']);
    const after = await call('claims.fetchOpen', { orgNumbers: [CLIENT] });
    expect(after.ok, JSON.stringify(after)).toBe(true);
  });
});

describe('a core given a passphrase too weak to seal the keys with', () => {
  const call = lockedCore('weak-passphrase-core', { KLIENTDESK_KEY_PASSPHRASE: 'x' });

  it('says why it cannot connect when the sign-in dialog asks for the demo persons and when signing in, not "not started yet"', async () => {
    // The rule's length travels with the code, so the renderer's sentence names the length the vault asks for.
    expect(await call('session.demoPersons', {})).toMatchObject({
      ok: false,
      error: { code: 'KEY_VAULT_WEAK_PASSPHRASE', params: { minLength: 10 } },
    });
    expect(await call('session.signIn', { pid: MORTEN })).toMatchObject({ ok: false, error: { code: 'KEY_VAULT_WEAK_PASSPHRASE' } });
  });
});
