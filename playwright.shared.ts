// What both Playwright runs (the e2e suite and the screenshots) share: the run's secrets, one browser host on
// a free port and a fresh data folder, and Chromium's launch options. Playwright loads the config in its main
// process and again in every worker; the port and the folder are chosen once, in the main process, and handed
// to the workers through the environment, so all of them talk to the same host.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LaunchOptions, PlaywrightTestConfig } from '@playwright/test';

// A fixed secret for the test run only (128 bits or more, as the host demands); the host makes a random one
// per launch otherwise. The key passphrase stands in for the one a person would type: unattended runs give it
// in the environment, so the suite's host starts with its keys unlocked.
export const E2E_SECRET = 'e2e-only-3f9c1a7b5d2e8f4a6c0b9d1e7f3a5c8b';
export const E2E_KEY_PASSPHRASE = 'e2e-only key passphrase';
/** The embedded demo world's admin secret, so specs can set its faults through its admin API. */
export const E2E_WORLD_SECRET = 'e2e-only-world-7c1d9e3a5b2f4c6d8e0a1b3c';
export const E2E_WORLD_HEADERS = { Authorization: `Bearer ${E2E_WORLD_SECRET}` };

/** A port nothing listens on now: the OS picks it for a socket that is closed at once. */
function freePort(): number {
  const script =
    "const s=require('node:net').createServer();s.listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return Number(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

/** `KLIENTDESK_E2E_PORT` forces a port; otherwise a free one, the same in every Playwright process of the run. */
export function e2ePort(): number {
  process.env.KLIENTDESK_E2E_PORT ??= String(freePort());
  return Number(process.env.KLIENTDESK_E2E_PORT);
}

/**
 * `KLIENTDESK_E2E_DATA_DIR` names the folder; otherwise a new `kd-e2e-` one, removed when the Playwright
 * process that made it exits: after the host has stopped (a global teardown runs before that, and the host
 * writes its world's state on the way out).
 */
export function e2eDataDir(): string {
  if (process.env.KLIENTDESK_E2E_DATA_DIR === undefined) {
    const dir = mkdtempSync(join(tmpdir(), 'kd-e2e-'));
    process.env.KLIENTDESK_E2E_DATA_DIR = dir;
    process.once('exit', () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 }));
  }
  return process.env.KLIENTDESK_E2E_DATA_DIR;
}

export const chromiumLaunchOptions: LaunchOptions = {
  ...(process.env.CHROMIUM_PATH ? { executablePath: process.env.CHROMIUM_PATH } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** The browser host the specs run against, on `port`, with a fresh data folder and the run's secrets. */
export function hostWebServer(port: number): NonNullable<PlaywrightTestConfig['webServer']> {
  return {
    command: `node out/node/host.js --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    env: {
      KLIENTDESK_HOST_SECRET: E2E_SECRET,
      KLIENTDESK_KEY_PASSPHRASE: E2E_KEY_PASSPHRASE,
      KLIENTDESK_WORLD_SECRET: E2E_WORLD_SECRET,
      KLIENTDESK_DATA_DIR: e2eDataDir(),
      KLIENTDESK_WEB_ROOT: 'out/web',
    },
    reuseExistingServer: false,
    // Stopped the way a person stops it, so it removes its own temp folder for file transfers on the way out.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
    stdout: 'pipe',
    stderr: 'pipe',
    timeout: 60_000,
  };
}
