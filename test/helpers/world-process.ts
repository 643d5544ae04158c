// A demo world in its own process, the way a vendor or a CI job runs it (`npm run demo-world`): the built
// bundle out/node/demo-world.js on the project's Node 22. The first stdout line is the world's JSON
// (DemoWorldInfo plus `adminSecret`); everything after that is the process's own business.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { DemoWorldInfo, MaskinportenErrorForm, Preset } from '../../electron/demo/types';

const ROOT = resolve(new URL('../../', import.meta.url).pathname);
const BUNDLE = join(ROOT, 'out/node/demo-world.js');
// The client-list worker is built with the world's bundle and tested from it.
const SOURCES = ['electron/demo', 'shared', 'electron/services/altinn'];
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;
const LOCK_STALE_MS = 120_000;

export interface WorldProcessOptions {
  clients?: number;
  seed?: number;
  preset?: Preset;
  maskinportenErrors?: MaskinportenErrorForm;
  /** A state file the caller owns (kept after close), e.g. to restart a killed world on the same state. */
  stateFile?: string;
  /** true: keep state in a file inside the helper's own temp folder (removed on close). */
  state?: boolean;
  /** Further CLI options, e.g. `['--fault', 'altinn:latencyMs=20']`. */
  args?: string[];
  /** Log lines on stderr are collected either way; false keeps the world from writing them. */
  logs?: boolean;
}

export interface WorldProcess {
  info: DemoWorldInfo;
  adminSecret: string;
  /** The state file in use, if any. */
  stateFile: string | undefined;
  pid: number;
  /** A call to the admin API with the secret (and `Content-Type: application/json` when there is a body). */
  admin(path: string, init?: RequestInit): Promise<Response>;
  /** Sends a signal (SIGKILL to simulate a crash) and waits for the process to end. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Stops the world (SIGTERM, then SIGKILL if it hangs) and removes the helper's temp folder. */
  close(): Promise<void>;
  /** What the world wrote on stderr so far. */
  stderr(): string;
}

/** vitest runs on the project's Node 22; under any other Node, the node_modules binary is the project's. */
function nodeBinary(): string {
  return Number(process.versions.node.split('.')[0]) >= 22 ? process.execPath : join(ROOT, 'node_modules/.bin/node');
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

const isStale = (): boolean => !existsSync(BUNDLE) || SOURCES.some((d) => newestSource(join(ROOT, d)) > statSync(BUNDLE).mtimeMs);

/** Test files run in parallel forks: one builds while the others wait, so nobody starts a half-written bundle. */
function withBuildLock(build: () => void): void {
  const lock = join(ROOT, 'out/.world-build.lock');
  mkdirSync(join(ROOT, 'out'), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      // A lock left by a killed build is taken over after a while.
      if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
  try {
    build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

/** Builds the node bundles when the demo world's bundle is missing or older than its sources. */
export function ensureWorldBundle(): string {
  if (!isStale()) return BUNDLE;
  withBuildLock(() => {
    if (!isStale()) return;
    execFileSync(nodeBinary(), [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '-c', 'vite.node.config.ts', '--logLevel', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
  });
  return BUNDLE;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((r) => child.once('exit', () => r()));
}

function firstLine(child: ChildProcess, stderr: () => string): Promise<string> {
  return new Promise((resolveLine, reject) => {
    const rl = createInterface({ input: child.stdout! });
    const timer = setTimeout(
      () => fail(new Error(`the demo world did not start within ${START_TIMEOUT_MS} ms: ${stderr()}`)),
      START_TIMEOUT_MS,
    );
    const onExit = (code: number | null) => fail(new Error(`the demo world exited with ${code}: ${stderr()}`));
    function fail(err: Error): void {
      clearTimeout(timer);
      rl.close();
      reject(err);
    }
    child.once('exit', onExit);
    rl.once('line', (line) => {
      clearTimeout(timer);
      child.off('exit', onExit);
      rl.close();
      resolveLine(line);
    });
  });
}

export async function startWorldProcess(o: WorldProcessOptions = {}): Promise<WorldProcess> {
  const bundle = ensureWorldBundle();
  const dir = mkdtempSync(join(tmpdir(), 'kd-world-'));
  const stateFile = o.stateFile ?? (o.state ? join(dir, 'world-state.json') : undefined);
  const args = [
    bundle,
    ...(o.clients !== undefined ? ['--clients', String(o.clients)] : []),
    ...(o.seed !== undefined ? ['--seed', String(o.seed)] : []),
    ...(o.preset ? ['--preset', o.preset] : []),
    ...(o.maskinportenErrors ? ['--maskinporten-errors', o.maskinportenErrors] : []),
    ...(stateFile ? ['--state', stateFile] : []),
    ...(o.logs ? [] : ['--quiet']),
    ...(o.args ?? []),
  ];
  const child = spawn(nodeBinary(), args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let errText = '';
  child.stderr!.on('data', (d: Buffer) => (errText += d.toString()));
  const removeDir = () => rmSync(dir, { recursive: true, force: true });

  let line: string;
  try {
    line = await firstLine(child, () => errText);
  } catch (err) {
    child.kill('SIGKILL');
    await exited(child);
    removeDir();
    throw err;
  }
  // Later stdout is not read; keep the pipe drained so the world never blocks on it.
  child.stdout!.resume();
  const parsed = JSON.parse(line) as DemoWorldInfo & { adminSecret: string };
  const { adminSecret, ...info } = parsed;

  const kill = async (signal: NodeJS.Signals = 'SIGTERM'): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited(child);
  };
  return {
    info,
    adminSecret,
    stateFile,
    pid: child.pid!,
    async admin(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${adminSecret}`);
      if (init.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
      const send = () => fetch(`${info.urls.admin}${path}`, { ...init, headers });
      try {
        return await send();
      } catch (error) {
        // A kept-alive socket the world closed while idle fails the next request before it is sent; a read is
        // asked once more on a fresh socket (a write is not: it may have reached the world).
        const idempotent = (init.method ?? 'GET').toUpperCase() === 'GET';
        if (!idempotent || !(error instanceof TypeError)) throw error;
        return send();
      }
    },
    kill,
    async close() {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exited(child);
        clearTimeout(timer);
      }
      removeDir();
    },
    stderr: () => errText,
  };
}
