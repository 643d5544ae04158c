// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, a system Chromium or Chrome, or Playwright's own.
import { existsSync } from 'node:fs';

const SYSTEM = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

/** Returns an executable path, '' for Playwright's managed Chromium, or null when there is none. */
export async function findBrowser() {
  if (process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
  const system = SYSTEM.find((p) => existsSync(p));
  if (system) return system;
  try {
    const { chromium } = await import('@playwright/test');
    if (existsSync(chromium.executablePath())) return '';
  } catch {
    // Playwright not installed or no managed browser: fall through.
  }
  return null;
}
