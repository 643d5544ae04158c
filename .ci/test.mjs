// `npm test`: unit and integration tests (Vitest), then the end-to-end tests in Chromium (Playwright),
// and one closing line that counts them all.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser } from './find-browser.mjs';

// Windows runs npx as a .cmd script, which Node only starts through a shell.
const onWindows = process.platform === 'win32';
const run = (args, env = {}) =>
  spawnSync(onWindows ? 'npx.cmd' : 'npx', args, { stdio: 'inherit', shell: onWindows, env: { ...process.env, ...env } }).status ?? 1;

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

let browser = await findBrowser();
if (browser === null && !process.env.CI) {
  console.log('No Chromium found; trying to install Playwright’s own (needs the internet)…');
  run(['playwright', 'install', 'chromium']);
  browser = await findBrowser();
}
if (browser === null) {
  console.error(
    'No Chromium for the end-to-end tests: install one (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROMIUM_PATH, then run `npm test` again.',
  );
  process.exit(1);
}

let status = 0;
// Built first: some integration tests start the browser host bundle, and every end-to-end test needs it.
const built =
  run(['vite', 'build', 'renderer', '--logLevel', 'warn']) === 0 &&
  run(['vite', 'build', '-c', 'vite.node.config.ts', '--logLevel', 'warn']) === 0;
if (run(['vitest', 'run', '--reporter=default', '--reporter=json', '--outputFile=reports/unit.json']) !== 0) status = 1;

if (!built) {
  console.error('The renderer or the browser host did not build; the end-to-end tests cannot run.');
  status = 1;
} else {
  const dataDir = mkdtempSync(join(tmpdir(), 'klientdesk-e2e-'));
  if (run(['playwright', 'test'], { CHROMIUM_PATH: browser, KLIENTDESK_E2E_DATA_DIR: dataDir }) !== 0) status = 1;
  rmSync(dataDir, { recursive: true, force: true });
}

const summary = spawnSync(process.execPath, ['.ci/summary.mjs', 'reports/unit.json', 'reports/e2e.json'], { stdio: 'inherit' });
process.exit(status || (summary.status ?? 1));
