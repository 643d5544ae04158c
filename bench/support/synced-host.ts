// The browser host on a data folder that already holds a synced copy of 50,000 clients, shared by the UI rows:
// the first row to ask pays for the sync once; the folder is removed when the benchmark exits.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MORTEN_PID } from './core';
import { invokeOverHttp, launchNode, type Launched } from './processes';

export const UI_CLIENTS = 50_000;
export const HOST_SCRIPT = 'out/node/host.js';
export const HOST_SECRET = randomBytes(24).toString('base64url');

let prepared: Promise<string> | null = null;

/** Starts the host on `dataDir` with the world of 50,000 clients; `url` is the launch address with the secret. */
export function launchHost(dataDir: string): Promise<Launched> {
  return launchNode(HOST_SCRIPT, ['--clients', String(UI_CLIENTS), '--data-dir', dataDir], {
    KLIENTDESK_HOST_SECRET: HOST_SECRET,
    KLIENTDESK_KEY_PASSPHRASE: 'bench-only key passphrase',
    KLIENTDESK_WEB_ROOT: 'out/web',
  });
}

/** A launch address with a fresh one-time code: each code opens one browser session. */
export async function freshLaunchUrl(host: Launched): Promise<string> {
  const res = await fetch(new URL('/api/launch-code', host.url), { method: 'POST', headers: { 'x-klientdesk-secret': HOST_SECRET } });
  const { code } = (await res.json()) as { code: string };
  return new URL(`/#c=${code}`, host.url).toString();
}

export const signIn = (host: Launched): Promise<unknown> => invokeOverHttp(host.url, HOST_SECRET, 'session.signIn', { pid: MORTEN_PID });

const signInAndSync = async (host: Launched): Promise<void> => {
  await signIn(host);
  await invokeOverHttp(host.url, HOST_SECRET, 'clients.sync', {});
};

export function syncedDataDir(): Promise<string> {
  prepared ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kd-bench-ui-'));
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    const host = await launchHost(dir);
    try {
      await signInAndSync(host);
    } finally {
      await host.stop();
    }
    return dir;
  })();
  return prepared;
}
