// `npm start` where Electron is missing (or KLIENTDESK_BROWSER=1): it builds and starts the browser host instead
// of stopping with advice. `--help` reaches the host, which prints its usage and exits, so the whole path runs
// without leaving a server behind.
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('npm start without Electron', () => {
  it('starts the browser host on the same command line', () => {
    const run = spawnSync(NPM, ['start', '--', '--help'], {
      encoding: 'utf8',
      timeout: 180_000,
      shell: process.platform === 'win32',
      env: { ...process.env, KLIENTDESK_BROWSER: '1', CI: 'true', DISPLAY: '' },
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Klientdesk in your browser');
    expect(run.stdout).toContain('Usage: npm run web -- [options]');
    expect(run.stdout).toContain('--world URL');
  }, 200_000);

  it('refuses an unknown option with the usage and exit code 2', () => {
    const run = spawnSync(process.execPath, ['out/node/host.js', '--no-such-option'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--no-such-option');
    expect(run.stderr).toContain('Usage: npm run web');
  });

  it('prints the flow command’s usage with --help', () => {
    const run = spawnSync(process.execPath, ['out/node/flow.js', '--help'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain('Usage: npm run -s flow -- [options]');
  });
});
