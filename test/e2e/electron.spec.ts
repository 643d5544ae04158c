// Launches the real desktop app where the Electron binary exists; elsewhere it is reported as skipped, with why.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { _electron as electron, expect, test } from '@playwright/test';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const dir = dirname(require.resolve('electron/package.json'));
    const pathFile = join(dir, 'path.txt');
    if (!existsSync(pathFile)) return null;
    const bin = join(dir, 'dist', readFileSync(pathFile, 'utf8').trim());
    return existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();

test('the desktop app opens one hardened window on the demo world', async () => {
  test.skip(
    !binary,
    'The Electron binary is not installed here (it cannot be downloaded on this machine); the renderer is tested in Chromium instead.',
  );
  test.skip(!existsSync('out/main/index.js'), 'Run `npm run build` first: out/main/index.js is missing.');
  const dataDir = mkdtempSync(join(tmpdir(), 'kd-e2e-electron-'));
  const app = await electron.launch({ executablePath: binary!, args: ['.', '--data-dir', dataDir] });
  // Removed after the app has quit (and let go of its database), pass or fail.
  const removeDataDir = async () => {
    await app.close().catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 });
  };
  try {
    const page = await app.firstWindow();
    await expect(page.getByRole('navigation')).toBeVisible();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    // Context isolation and the sandbox leave the page with the bridge and nothing of Node.
    expect(await page.evaluate(() => typeof (window as unknown as { klientdesk?: unknown }).klientdesk)).toBe('object');
    expect(await page.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
    expect(await page.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
    // The guards of electron/main/security.ts: no new window, no navigation away from the app.
    expect(await page.evaluate(() => window.open('https://example.invalid/') === null)).toBe(true);
    await page.evaluate(() => (window.location.href = 'https://example.invalid/'));
    await expect(page.getByRole('navigation')).toBeVisible();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  } finally {
    await removeDataDir();
  }
});
