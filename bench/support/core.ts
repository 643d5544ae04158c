// A whole Klientdesk core in a temp folder (store, embedded demo world, features), called through the same
// dispatcher the IPC and the browser host use, so a benchmark measures what the app runs.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createInterface } from 'node:readline';
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
  /** The embedded demo world the core started (as a shell would), for faults and the traffic log; null when it runs in its own process. */
  readonly world: DemoWorld | null;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  close(): Promise<void>;
}

export const MORTEN_PID = '14857110014';

/** The built world CLI next to the built bench (out/node), as `npm run demo-world` starts it. */
const WORLD_CLI = join(import.meta.dirname, 'demo-world.js');

/**
 * The demo world in a process of its own, as a standalone world is run (`npm run demo-world`), so its work (above
 * all writing a 50–200 MB client list) is on neither this process's thread, heap nor CPU reading: real Altinn's
 * serialization is not on the app's CPU either.
 */
async function worldProcess(
  clients: number | undefined,
  dataDir: string,
): Promise<{ adminUrl: string; adminSecret: string; stop(): Promise<void> }> {
  const args = [WORLD_CLI, '--quiet', '--state', join(dataDir, 'demo-world.json')];
  if (clients !== undefined) args.push('--clients', String(clients));
  const child: ChildProcess = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    await exited;
  };
  const line = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the demo world exited with ${code}: ${stderr.join('')}`)));
    createInterface({ input: child.stdout! }).once('line', resolve);
  });
  child.removeAllListeners('exit');
  const info = JSON.parse(line) as { urls: { admin: string }; adminSecret: string };
  return { adminUrl: info.urls.admin, adminSecret: info.adminSecret, stop };
}

export async function startBenchCore(options: { demoClients?: number; worldInOwnProcess?: boolean } = {}): Promise<BenchCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kd-bench-'));
  let world: DemoWorld | null = null;
  const separate = options.worldInOwnProcess ? await worldProcess(options.demoClients, dataDir) : null;
  // A core that fails to start must not leave the world's process behind.
  const core = await createCore({
    dataDir,
    mode: 'browser',
    version: 'bench',
    // Cheap scrypt: the key vault's sealing cost is not what any row measures.
    protector: passphraseProtector('bench-passphrase-123', { N: 2 ** 10, r: 8, p: 1 }),
    demoWorld: separate
      ? { standalone: { adminUrl: separate.adminUrl, adminSecret: separate.adminSecret } }
      : {
          embedded: embeddedWorld(
            () => startDemoWorld({ port: 0, clients: options.demoClients, stateFile: join(dataDir, 'demo-world.json'), quiet: true }),
            (running) => (world = running),
          ),
        },
  }).catch(async (error: unknown) => {
    await separate?.stop();
    throw error;
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
      await separate?.stop();
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
