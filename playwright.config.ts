import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './playwright.shared';

export { E2E_KEY_PASSPHRASE, E2E_SECRET, E2E_WORLD_HEADERS, E2E_WORLD_SECRET } from './playwright.shared';

export default defineConfig({
  testDir: 'test/e2e',
  // Spec files are shared out between two workers; each has a browser host, data folder and demo world of its
  // own (the `browserHost` fixture in test/e2e/fixtures.ts) and runs its specs one after another.
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: { headless: true, viewport: { width: 1280, height: 720 } },
  projects: [
    { name: 'chromium', testIgnore: /electron\.spec\.ts/, use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions } },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
});
