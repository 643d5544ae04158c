import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions, e2ePort, hostWebServer } from './playwright.shared';

export { E2E_KEY_PASSPHRASE, E2E_SECRET, E2E_WORLD_HEADERS, E2E_WORLD_SECRET } from './playwright.shared';
export const E2E_PORT = e2ePort();

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
    { name: 'chromium', testIgnore: /electron\.spec\.ts/, use: { browserName: 'chromium', launchOptions: chromiumLaunchOptions } },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
  ],
  webServer: hostWebServer(E2E_PORT),
});
