// What every e2e spec starts from: a browser host of the worker's own (its own port, data folder and demo
// world), and opening and signing in to the app the way a user would. Each Playwright worker runs its specs
// one after another against its host; specs in another worker never see its world, so a spec that resets the
// world or sets its faults cannot disturb one running beside it.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { test as base, expect, type Page } from '@playwright/test';
import { E2E_KEY_PASSPHRASE, E2E_SECRET, E2E_WORLD_SECRET } from '../../playwright.shared';
import { launchFragment } from '../../shared/contract/transport';
import { launchCode as newLaunchCode } from './host-api';

/** A fresh one-time launch code, as the host prints in its launch URL (asked for with the host secret). */
export const launchCode = (page: Page): Promise<string> => newLaunchCode(page.request);

/** The address a launch URL opens: the app with a one-time code in the fragment. */
export const launchPath = (code: string): string => `/${launchFragment(code)}`;

/** Opens Klientdesk through the browser host the way a user would: a launch URL with a one-time code. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(launchPath(await launchCode(page)));
  await expect(page.getByRole('navigation')).toBeVisible();
}

/**
 * Signs in to the Demo environment as one of the world's persons, through the top bar's dialog as a user would.
 * Waits until the bar shows the person; a person without the Client administrator right sees the dialog's
 * explanation, which the caller may check and close.
 */
export async function signIn(page: Page, name: string): Promise<void> {
  const button = page.getByTestId('session-button');
  // One host serves every spec of the worker, so someone may still be signed in from an earlier test.
  if ((await button.getAttribute('aria-haspopup')) === 'menu') {
    await button.click();
    await page.getByTestId('sign-out').click();
  }
  await expect(button).toHaveText(/Logg inn|Sign in/);
  await button.click();
  const dialog = page.getByRole('dialog', { name: /Logg inn|Sign in/ });
  await dialog.getByRole('button', { name: new RegExp(name) }).click();
  await expect(button).toContainText(name, { timeout: 30_000 });
}

interface BrowserHost {
  /** Where the host listens, `http://127.0.0.1:PORT`: every page's and request's base URL. */
  url: string;
}

/** Starts `out/node/host.js` on a port the OS picks, with the run's secrets, and waits for its address. */
async function startBrowserHost(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const child = spawn(process.execPath, ['out/node/host.js', '--port', '0'], {
    env: {
      ...process.env,
      KLIENTDESK_HOST_SECRET: E2E_SECRET,
      KLIENTDESK_KEY_PASSPHRASE: E2E_KEY_PASSPHRASE,
      KLIENTDESK_WORLD_SECRET: E2E_WORLD_SECRET,
      KLIENTDESK_DATA_DIR: dataDir,
      KLIENTDESK_WEB_ROOT: 'out/web',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // The host's complaints ("[host] … failed") belong in the run's output, as they did under Playwright's webServer.
  child.stderr.on('data', (chunk: Buffer) => process.stderr.write(`[host] ${chunk.toString()}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    // Stopped the way a person stops it: it writes its world's state and removes its transfer folder on the way out.
    child.kill('SIGTERM');
    const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 10_000).unref())]);
    if (!stopped) {
      child.kill('SIGKILL');
      await exited;
    }
  };
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the browser host exited with ${code} before it printed its address`)));
    // A host that never comes up is stopped here, not left running after the worker gives up on it.
    const giveUp = setTimeout(() => {
      void stop().then(() => reject(new Error('the browser host printed no address within 60 s')));
    }, 60_000);
    giveUp.unref();
    child.once('exit', () => clearTimeout(giveUp));
    // Read to the end, so the host never blocks on a full pipe.
    createInterface({ input: child.stdout }).on('line', (line) => {
      const found = /Open: (http:\/\/127\.0\.0\.1:\d+)\//.exec(line)?.[1];
      if (found) {
        clearTimeout(giveUp);
        resolve(found);
      }
    });
  });
  return { url, stop };
}

export const test = base.extend<{ baseURL: string | undefined }, { browserHost: BrowserHost }>({
  browserHost: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      // Removed by the worker once its host has stopped; `npm test` fails on a `kd-` folder left behind.
      const dataDir = mkdtempSync(join(tmpdir(), 'kd-e2e-'));
      const host = await startBrowserHost(dataDir).catch((error: unknown) => {
        rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
        throw error;
      });
      try {
        await use({ url: host.url });
      } finally {
        await host.stop();
        rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
      }
    },
    { scope: 'worker', timeout: 90_000 },
  ],
  baseURL: async ({ browserHost }, use) => use(browserHost.url),
});
export { expect };
