// The browser host on a data folder that already holds a synced copy of the firm's clients, shared by the UI
// rows: the first row to ask for a size pays for the sync once, and the host that synced it reads its memory
// (the memory row); the folders are removed when the benchmark exits.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MORTEN_PID } from './core';
import { inspectorUrl, readMemory, type MemoryReading } from './inspect-memory';
import { invokeOverHttp, launchNode, type Launched } from './processes';

export const HOST_SCRIPT = 'out/node/host.js';
export const HOST_SECRET = randomBytes(24).toString('base64url');

/** Starts the host on `dataDir` with a world of `clients`; `url` is the launch address with the secret. */
export function launchHost(dataDir: string, clients: number, nodeArgs: string[] = []): Promise<Launched> {
  return launchNode(
    HOST_SCRIPT,
    ['--clients', String(clients), '--data-dir', dataDir],
    { KLIENTDESK_HOST_SECRET: HOST_SECRET, KLIENTDESK_KEY_PASSPHRASE: 'bench-only key passphrase', KLIENTDESK_WEB_ROOT: 'out/web' },
    nodeArgs,
  );
}

/** A launch address with a fresh one-time code: each code opens one browser session. */
export async function freshLaunchUrl(host: Launched): Promise<string> {
  const res = await fetch(new URL('/api/launch-code', host.url), { method: 'POST', headers: { 'x-klientdesk-secret': HOST_SECRET } });
  const { code } = (await res.json()) as { code: string };
  return new URL(`/#c=${code}`, host.url).toString();
}

export const signIn = (host: Launched): Promise<unknown> => invokeOverHttp(host.url, HOST_SECRET, 'session.signIn', { pid: MORTEN_PID });

export interface SyncedHost {
  dataDir: string;
  /** The host that synced, read after its sync: before (world started, signed in) and after. */
  memoryBeforeSync: MemoryReading;
  memoryAfterSync: MemoryReading;
  syncMs: number;
}

const prepared = new Map<number, Promise<SyncedHost>>();

export function syncedHost(clients: number): Promise<SyncedHost> {
  let ready = prepared.get(clients);
  if (!ready) {
    ready = (async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'kd-bench-ui-'));
      process.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
      const host = await launchHost(dataDir, clients, ['--inspect=127.0.0.1:0']);
      try {
        const inspector = inspectorUrl(host);
        await signIn(host);
        const memoryBeforeSync = await readMemory(inspector);
        const t0 = performance.now();
        await invokeOverHttp(host.url, HOST_SECRET, 'clients.sync', {});
        const syncMs = performance.now() - t0;
        // Settled: the page asks for the first rows after a sync, as the app does.
        await invokeOverHttp(host.url, HOST_SECRET, 'clients.query', { query: {}, offset: 0, limit: 200 });
        const memoryAfterSync = await readMemory(inspector);
        return { dataDir, memoryBeforeSync, memoryAfterSync, syncMs };
      } finally {
        await host.stop();
      }
    })();
    prepared.set(clients, ready);
  }
  return ready;
}

export const syncedDataDir = async (clients: number): Promise<string> => (await syncedHost(clients)).dataDir;
