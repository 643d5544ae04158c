// What both Playwright runs (the e2e suite and the screenshots) share: the run's secrets and Chromium's launch
// options. Each worker starts a browser host of its own with these secrets (test/e2e/fixtures.ts).
import { existsSync } from 'node:fs';
import type { LaunchOptions } from '@playwright/test';

// A fixed secret for the test run only (128 bits or more, as the host demands); the host makes a random one
// per launch otherwise. The key passphrase stands in for the one a person would type: unattended runs give it
// in the environment, so the suite's hosts start with their keys unlocked.
export const E2E_SECRET = 'e2e-only-3f9c1a7b5d2e8f4a6c0b9d1e7f3a5c8b';
export const E2E_KEY_PASSPHRASE = 'e2e-only key passphrase';
/** The embedded demo world's admin secret, so specs can set its faults through its admin API. */
export const E2E_WORLD_SECRET = 'e2e-only-world-7c1d9e3a5b2f4c6d8e0a1b3c';
export const E2E_WORLD_HEADERS = { Authorization: `Bearer ${E2E_WORLD_SECRET}` };

// `npm test` passes the browser it found (.ci/find-browser.mjs); `npm run screenshots` and a direct
// `playwright test` find a system Chromium the same way, and else use Playwright's own.
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
const executablePath = process.env.CHROMIUM_PATH || SYSTEM_CHROMIUM.find((path) => existsSync(path));

export const chromiumLaunchOptions: LaunchOptions = {
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
};
