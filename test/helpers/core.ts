// A whole Klientdesk core (store, demo world, features) in a temp folder, as main or the host would build it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/core/app/create-core';
import { createDispatcher, type Dispatch } from '../../electron/core/ipc/dispatch';
import { passphraseProtector } from '../../electron/core/keys/protector';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';

export interface TestCore {
  core: Core;
  dataDir: string;
  dispatch: Dispatch;
  /** Calls a channel through the same wrapper IPC uses; throws the typed error on failure. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  internalErrors: unknown[];
  close(): Promise<void>;
}

export async function startTestCore(options: { demoClients?: number } = {}): Promise<TestCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kd-core-'));
  // Cheap scrypt parameters: the tests exercise the sealing, not its cost.
  const core = await createCore({
    dataDir,
    mode: 'browser',
    version: 'test',
    protector: passphraseProtector('test-passphrase-123', { N: 2 ** 10, r: 8, p: 1 }),
    demoClients: options.demoClients ?? 120,
  });
  const internalErrors: unknown[] = [];
  const dispatch = createDispatcher(core.handlers, { onInternalError: (_c, e) => internalErrors.push(e) });
  return {
    core,
    dataDir,
    dispatch,
    internalErrors,
    async call(channel, input) {
      const r = await dispatch(channel, input, { trusted: true }, { transport: 'ipc' });
      if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
      return r.value as never;
    },
    close: () => core.close(),
  };
}
