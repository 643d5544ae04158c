import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// A fixed secret for the test run only (128 bits or more, as the host demands); the host makes a random one
// per launch otherwise. The key passphrase stands in for the one a person would type: unattended runs give it
// in the environment, so the suite's host starts with its keys unlocked.
export const E2E_SECRET = 'e2e-only-3f9c1a7b5d2e8f4a6c0b9d1e7f3a5c8b';
export const E2E_KEY_PASSPHRASE = 'e2e-only key passphrase';
/** The embedded demo world's admin secret, so specs can set its faults through its admin API. */
export const E2E_WORLD_SECRET = 'e2e-only-world-7c1d9e3a5b2f4c6d8e0a1b3c';
export const E2E_WORLD_HEADERS = { Authorization: `Bearer ${E2E_WORLD_SECRET}` };
export const E2E_PORT = Number(process.env.KLIENTDESK_E2E_PORT ?? 4173);
const dataDir = process.env.KLIENTDESK_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'klientdesk-e2e-'));
const executablePath = process.env.CHROMIUM_PATH || undefined;

export default defineConfig({
  testDir: 'test/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: { baseURL: `http://127.0.0.1:${E2E_PORT}`, headless: true, viewport: { width: 1280, height: 720 } },
  projects: [
    {
      name: 'chromium',
      testIgnore: /electron\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          ...(executablePath ? { executablePath } : {}),
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
  webServer: {
    command: `node out/node/host.js --port ${E2E_PORT}`,
    url: `http://127.0.0.1:${E2E_PORT}/`,
    env: {
      KLIENTDESK_HOST_SECRET: E2E_SECRET,
      KLIENTDESK_KEY_PASSPHRASE: E2E_KEY_PASSPHRASE,
      KLIENTDESK_WORLD_SECRET: E2E_WORLD_SECRET,
      KLIENTDESK_DATA_DIR: dataDir,
      KLIENTDESK_WEB_ROOT: 'out/web',
    },
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    timeout: 60_000,
  },
});
