// The screenshot run: the e2e setup (a browser host per worker, each with a fresh data folder), pointed at test/screenshots.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({
  ...base,
  testDir: 'test/screenshots',
  reporter: [['list']],
  projects: base.projects?.filter((p) => p.name === 'chromium').map((p) => ({ ...p, testIgnore: undefined })),
});
