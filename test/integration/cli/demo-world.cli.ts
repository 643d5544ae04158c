// The CLI prints one JSON line first on stdout; the test reads it, calls an endpoint and stops the process.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
/** Exactly the documented command: `npm run -s demo-world -- <options>`. */
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let child: ChildProcess | null = null;
afterEach(() => {
  if (child?.pid && child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
  child = null;
});

function start(args: string[]): ChildProcess {
  return spawn(NPM, ['run', '-s', 'demo-world', '--', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
    shell: process.platform === 'win32',
  });
}

function firstLine(p: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: p.stdout! });
    let stderr = '';
    p.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
    rl.once('line', (line) => {
      rl.close();
      resolve(line);
    });
    p.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${stderr}`)));
  });
}

describe('demo-world CLI', () => {
  it('prints the world info as the first stdout line and serves it', async () => {
    child = start(['--port', '0', '--clients', '60', '--preset', 'start', '--fault', 'skatteetaten:latencyMs=1']);
    const info = JSON.parse(await firstLine(child)) as {
      urls: Record<string, string>;
      preset: string;
      clientCount: number;
      firm: { orgNo: string };
      adminSecret: string;
    };
    expect(info.preset).toBe('start');
    expect(info.clientCount).toBe(60);
    expect(info.firm.orgNo).toBe('310000027');
    for (const k of ['maskinporten', 'idporten', 'altinn', 'skatteetaten', 'admin'])
      expect(info.urls[k]).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const meta = await fetch(`${info.urls.maskinporten}/.well-known/oauth-authorization-server`);
    expect(((await meta.json()) as { issuer: string }).issuer).toBe(`${info.urls.maskinporten}/`);
    // The admin API answers only with the secret printed in the first line.
    expect((await fetch(`${info.urls.admin!}/info`)).status).toBe(401);
    const admin = (await (
      await fetch(`${info.urls.admin!}/info`, { headers: { Authorization: `Bearer ${info.adminSecret}` } })
    ).json()) as { urls: unknown };
    expect(admin.urls).toEqual(info.urls);
  });
});
