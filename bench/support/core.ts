// A whole Klientdesk core in a temp folder (store, embedded demo world, features), called through the same
// dispatcher the IPC and the browser host use, so a benchmark measures what the app runs.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore, type Core } from '../../electron/app/create-core';
import { createDispatcher } from '../../electron/platform/ipc/dispatch';
import { passphraseProtector } from '../../electron/platform/keys/protector';
import { embeddedWorld } from '../../electron/services/world/embedded';
import { startDemoWorld, type DemoWorld } from '../../electron/demo';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';

export interface BenchCore {
  core: Core;
  dataDir: string;
  /** The embedded demo world the core started (as a shell would), for faults and the traffic log. */
  readonly world: DemoWorld | null;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  close(): Promise<void>;
}

export const MORTEN_PID = '14857110014';

export async function startBenchCore(options: { demoClients?: number } = {}): Promise<BenchCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kd-bench-'));
  let world: DemoWorld | null = null;
  const core = await createCore({
    dataDir,
    mode: 'browser',
    version: 'bench',
    // Cheap scrypt: the key vault's sealing cost is not what any row measures.
    protector: passphraseProtector('bench-passphrase-123', { N: 2 ** 10, r: 8, p: 1 }),
    demoWorld: {
      embedded: embeddedWorld(
        () => startDemoWorld({ port: 0, clients: options.demoClients, stateFile: join(dataDir, 'demo-world.json'), quiet: true }),
        (running) => (world = running),
      ),
    },
  });
  const dispatch = createDispatcher(core.handlers);
  return {
    core,
    dataDir,
    get world() {
      return world;
    },
    async call(channel, input) {
      const r = await dispatch(channel, input, { trusted: true }, { transport: 'ipc' });
      if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
      return r.value as never;
    },
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Milliseconds `fn` takes, once, on the wall clock and in CPU time of this process (every thread: the demo world
 * answering in-process, SQLite, the garbage collector). On a shared machine the wall clock also counts the time
 * other processes held the cores; the CPU time does not.
 */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = await fn();
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  return { ms, cpuMs: (cpu.user + cpu.system) / 1000, value };
}
