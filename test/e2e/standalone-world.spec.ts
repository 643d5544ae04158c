// One journey against a demo world in its own process, the way a vendor runs it (`npm run demo-world`) and
// points Klientdesk at it (`npm run web -- --world URL`): Morten signs in, syncs, and sees the firm's clients.
// The spec starts both processes itself, with their own ports and data folder, and stops them afterwards.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { expect, signIn, test } from './fixtures';

const HOST_SECRET = 'standalone-e2e-secret-0123456789abcdef0123456789abcdef';

interface Started {
  child: ChildProcess;
  line: string;
}

/** Starts a bundle on the project's Node and resolves with the first stdout line that matches. */
function startBundle(script: string, args: string[], env: NodeJS.ProcessEnv, wanted: RegExp): Promise<Started> {
  const child = spawn(process.execPath, [script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      if (wanted.test(line)) resolve({ child, line });
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it was ready: ${stderr}`)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function stop(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

test.describe('against a demo world in its own process', () => {
  let world: ChildProcess | undefined;
  let host: ChildProcess | undefined;
  let dataDir: string | undefined;
  let launchUrl = '';
  let admin = { url: '', secret: '' };

  test.beforeAll(async () => {
    const started = await startBundle('out/node/demo-world.js', ['--port', '0', '--clients', '60', '--quiet'], {}, /^\{/);
    world = started.child;
    const info = JSON.parse(started.line) as { urls: { admin: string }; adminSecret: string };
    admin = { url: info.urls.admin, secret: info.adminSecret };

    dataDir = mkdtempSync(join(tmpdir(), 'kd-e2e-standalone-'));
    const port = await freePort();
    const app = await startBundle(
      'out/node/host.js',
      ['--world', admin.url, '--port', String(port)],
      {
        KLIENTDESK_HOST_SECRET: HOST_SECRET,
        KLIENTDESK_DATA_DIR: dataDir,
        KLIENTDESK_WEB_ROOT: 'out/web',
        KLIENTDESK_WORLD_SECRET: admin.secret,
        KLIENTDESK_KEY_PASSPHRASE: 'standalone e2e passphrase',
      },
      /Open: http/,
    );
    host = app.child;
    // The printed address carries a one-time code that the page trades for the session cookie.
    launchUrl = app.line.slice(app.line.indexOf('http')).trim();
  });

  test.afterAll(async () => {
    await stop(host);
    await stop(world);
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  test('Morten signs in, syncs and sees the clients; the firm was found through Altinn', async ({ page }) => {
    await page.goto(launchUrl);
    await expect(page.getByRole('navigation')).toBeVisible();
    await signIn(page, 'Morten Lie');
    await expect(page.getByTestId('session-button')).toContainText('REGNSKAPSFIRMA AS');

    await page.getByTestId('clients-sync').click();
    await expect(page.getByTestId('clients-last-sync')).toContainText('Sist synkronisert', { timeout: 30_000 });
    const grid = page.getByRole('grid', { name: 'Klienter' });
    await expect(grid).toBeVisible();
    await page.getByLabel('Søk i klienter').fill('313 367 002');
    await expect(page.getByTestId('client-row-313367002')).toBeVisible();

    // The world in the other process saw the app ask Altinn who the firm is, as it would in Test.
    const res = await fetch(`${admin.url}/traffic`, { headers: { Authorization: `Bearer ${admin.secret}` } });
    const traffic = (await res.json()) as { service: string; path: string; status: number | null }[];
    const partyLookups = traffic.filter(
      (e) => e.service === 'altinn' && e.path.startsWith('/accessmanagement/api/v1/enduser/authorizedparties'),
    );
    expect(partyLookups.map((e) => e.status)).toContain(200);
  });
});
