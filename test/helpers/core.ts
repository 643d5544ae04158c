// A whole Klientdesk core (store, features) in a temp folder, assembled by the same function main and the
// host use. Like those shells, the helper starts the embedded demo world in-process when Demo is active (or
// points Demo at a standalone world), and exposes the running world object so tests can set faults or read it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assembleApp, type AssembledApp } from '../../electron/app/assemble';
import type { Core } from '../../electron/app/create-core';
import type { Dispatch } from '../../electron/platform/ipc/dispatch';
import { passphraseProtector } from '../../electron/platform/keys/protector';
import type { WorldConnection } from '../../electron/services/world/connection';
import { startDemoWorld, type DemoWorld } from '../../electron/demo';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';

export interface TestCore {
  core: Core;
  dataDir: string;
  dispatch: Dispatch;
  /** The embedded world while Demo is active (null with a standalone world, or in another environment). */
  readonly world: DemoWorld | null;
  /** Calls a channel through the same wrapper IPC uses; throws the typed error on failure. */
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  internalErrors: unknown[];
  /** Closes the core (and so the embedded world) and removes the data folder. */
  close(): Promise<void>;
}

export async function startTestCore(options: { demoClients?: number; world?: WorldConnection } = {}): Promise<TestCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kd-core-'));
  let world: DemoWorld | null = null;
  const internalErrors: unknown[] = [];
  let app: AssembledApp;
  try {
    app = await assembleApp({
      holder: 'a test core',
      standaloneWorld: options.world,
      dataDir,
      mode: 'browser',
      version: 'test',
      // Cheap scrypt parameters: the tests exercise the sealing, not its cost.
      protector: passphraseProtector('test-passphrase-123', { N: 2 ** 10, r: 8, p: 1 }),
      startEmbeddedWorld: () =>
        startDemoWorld({ port: 0, clients: options.demoClients ?? 120, stateFile: join(dataDir, 'demo-world.json'), quiet: true }),
      onEmbeddedWorld: (running) => (world = running),
      onInternalError: (_c, e) => internalErrors.push(e),
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const { core, dispatch } = app;
  return {
    core,
    dataDir,
    dispatch,
    internalErrors,
    get world() {
      return world;
    },
    async call(channel, input) {
      const r = await dispatch(channel, input, { trusted: true }, { transport: 'ipc' });
      if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
      return r.value as never;
    },
    async close() {
      try {
        await app.close();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

/** A POST to the embedded world's admin API (a client joins or leaves the firm, …); anything but 200 fails the test. */
export async function worldAdmin(t: TestCore, path: string, body: unknown): Promise<void> {
  const world = t.world;
  if (!world) throw new Error('the test core has no embedded demo world');
  const res = await fetch(`${world.urls.admin}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${world.adminSecret}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (res.status !== 200) throw new Error(`world admin ${path}: ${res.status} ${await res.text()}`);
}
