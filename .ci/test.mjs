// `npm test`: unit and integration tests (Vitest), then the end-to-end tests in Chromium (Playwright),
// and one closing line that counts them all.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser } from './find-browser.mjs';

// Windows runs npx as a .cmd script, which Node only starts through a shell.
const onWindows = process.platform === 'win32';
const run = (args, env = {}) =>
  spawnSync(onWindows ? 'npx.cmd' : 'npx', args, { stdio: 'inherit', shell: onWindows, env: { ...process.env, ...env } }).status ?? 1;
/** As `run`, without waiting: resolves with the exit status, so independent steps can go side by side. */
const start = (args) =>
  new Promise((resolve) => {
    const child = spawn(onWindows ? 'npx.cmd' : 'npx', args, { stdio: 'inherit', shell: onWindows });
    child.once('error', () => resolve(1));
    child.once('exit', (code) => resolve(code ?? 1));
  });

const USAGE = `Usage: npm test [-- --help]

Builds the renderer and the browser host, runs every unit and integration test (Vitest, with coverage of
electron/main and electron/preload), then every end-to-end test in Chromium (Playwright; CHROMIUM_PATH picks the
browser), and prints one closing line: N passed, N failed, N skipped. Reports go to reports/.
To run a part: npm run test:unit, npm run test:e2e.
`;
const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
  process.exit(0);
}
if (args.length > 0) {
  process.stderr.write(`npm test takes no options (${args.join(' ')})\n\n${USAGE}`);
  process.exit(2);
}

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });

// Every test makes its folders as `kd-*` in the system temp folder and removes them; what is new after the
// run was left behind by a test (or a process it started) and fails the run, by name.
const TEMP_REPORT = 'reports/temp-folders.json';
const tempEntries = () => readdirSync(tmpdir()).filter((name) => name.startsWith('kd-'));
const tempBefore = new Set(tempEntries());

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
// Built first: some integration tests start the browser host bundle, and every end-to-end test needs it. The two
// builds share nothing (out/web and out/node), so they run side by side.
const built = (
  await Promise.all([
    start(['vite', 'build', 'renderer', '--logLevel', 'warn']),
    start(['vite', 'build', '-c', 'vite.node.config.ts', '--logLevel', 'warn']),
  ])
).every((code) => code === 0);
// With coverage of electron/main and electron/preload, which fails the run below 80 % of lines.
if (run(['vitest', 'run', '--coverage', '--reporter=default', '--reporter=json', '--outputFile=reports/unit.json']) !== 0) status = 1;

if (!built) {
  console.error('The renderer or the browser host did not build; the end-to-end tests cannot run.');
  status = 1;
} else {
  // Each Playwright worker makes its host's `kd-e2e-` data folder and removes it; one left is found below.
  if (run(['playwright', 'test'], { CHROMIUM_PATH: browser }) !== 0) status = 1;
}

const leftBehind = tempEntries().filter((name) => !tempBefore.has(name));
if (leftBehind.length > 0) {
  console.error(`The run left ${leftBehind.length} new entries in ${tmpdir()}: ${leftBehind.join(', ')}`);
  for (const name of leftBehind) rmSync(join(tmpdir(), name), { recursive: true, force: true });
  status = 1;
}
// Counted as one more test in the closing line, so a leak is never hidden behind "N passed, 0 failed".
writeFileSync(
  TEMP_REPORT,
  JSON.stringify({ numPassedTests: leftBehind.length === 0 ? 1 : 0, numFailedTests: leftBehind.length === 0 ? 0 : 1, leftBehind }),
);

const summary = spawnSync(process.execPath, ['.ci/summary.mjs', 'reports/unit.json', 'reports/e2e.json', TEMP_REPORT], {
  stdio: 'inherit',
});
process.exit(status || (summary.status ?? 1));
