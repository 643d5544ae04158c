// `npm start` where Electron is missing (or KLIENTDESK_BROWSER=1): it builds and starts the browser host instead
// of stopping with advice. `--help` reaches the host, which prints its usage and exits, so the whole path runs
// without leaving a server behind.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

  // Every documented command answers --help with its usage and exits, rather than starting its work.
  it.each([
    ['host.js', 'Usage: npm run web -- [options]'],
    ['demo-world.js', 'Usage: npm run -s demo-world -- [options]'],
    ['flow.js', 'Usage: npm run -s flow -- [options]'],
    ['batch.js', 'Usage: npm run -s batch -- <command> [options]'],
    ['bench.js', 'Usage: npm run bench -- [--help] [row ...]'],
  ])('out/node/%s --help prints its usage and exits', (bundle, usage) => {
    const run = spawnSync(process.execPath, [`out/node/${bundle}`, '--help'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain(usage);
  });

  it('every option a command lists in its usage is documented in the README', () => {
    const readme = readFileSync('README.md', 'utf8');
    const undocumented = ['host.js', 'demo-world.js', 'flow.js', 'batch.js'].flatMap((bundle) => {
      const run = spawnSync(process.execPath, [`out/node/${bundle}`, '--help'], { encoding: 'utf8', timeout: 30_000 });
      const options = new Set(`${run.stdout}${run.stderr}`.match(/--[a-z][a-z-]+/g) ?? []);
      return [...options].filter((option) => !readme.includes(`\`${option}`)).map((option) => `${bundle} ${option}`);
    });
    expect(undocumented).toEqual([]);
  });

  it('the bench refuses an unknown option with its usage and exit code 2, measuring nothing', () => {
    const run = spawnSync(process.execPath, ['out/node/bench.js', '--quick'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown option --quick');
    expect(run.stderr).not.toContain('bench: Demo world start');
  });
});
