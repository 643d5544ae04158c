// The renderer's defences in Chromium, through the browser host. Each probe is also run against a page served
// without the defence (a tiny server started here), where it must succeed: that is what shows the probe can fail.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { E2E_SECRET } from '../../playwright.config';
import { expect, launchCode, launchPath, openApp, signIn, test } from './fixtures';
import { invoke, invokeInPage } from './host-api';

const TRICKY_NAME = '<img src=x onerror=alert(1)> AS';
const REMOTE = 'https://example.invalid';

interface ProbeResult {
  inlineRan: boolean;
  handlerRan: boolean;
  violations: string[];
}

/**
 * Tries what an injected string would try: an inline script, an inline event handler (the `onerror=` of the
 * demo's tricky client name), a fetch and an image from a remote host. Each runs from the page's own tasks:
 * code Playwright evaluates directly is exempt from the CSP (so eval cannot be probed here; the header check
 * covers 'unsafe-eval'). Violations are reported asynchronously, hence the short wait at the end.
 */
function probe(page: Page): Promise<ProbeResult> {
  return page.evaluate(async (remote) => {
    const violations: string[] = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(`${e.effectiveDirective} ${e.blockedURI}`));
    const w = window as unknown as { __inlineRan?: boolean; __handlerRan?: boolean };
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.appendChild(script);
    await new Promise<void>((resolve) => {
      const broken = document.createElement('img');
      broken.setAttribute('onerror', 'window.__handlerRan = true;');
      broken.addEventListener('error', () => setTimeout(resolve, 0));
      broken.src = 'data:image/png;base64,AAAA';
      document.body.appendChild(broken);
    });
    await fetch(`${remote}/data.json`).catch(() => undefined);
    await new Promise<void>((resolve) => {
      const img = new Image();
      img.onload = img.onerror = () => resolve();
      img.src = `${remote}/pixel.png`;
      document.body.appendChild(img);
    });
    await new Promise((r) => setTimeout(r, 250));
    return { inlineRan: w.__inlineRan === true, handlerRan: w.__handlerRan === true, violations };
  }, REMOTE);
}

test.describe('the content security policy', () => {
  let plain: Server;
  let plainUrl: string;
  test.beforeAll(async () => {
    // The same kind of page with no CSP at all: the control for every probe.
    plain = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>no policy</title></head><body><p>plain</p></body></html>');
    });
    await new Promise<void>((r) => plain.listen(0, '127.0.0.1', () => r()));
    plainUrl = `http://127.0.0.1:${(plain.address() as AddressInfo).port}/`;
  });
  test.afterAll(() => new Promise<void>((r) => plain.close(() => r())));

  test('is sent with the page, strict for scripts and remote hosts', async ({ page }) => {
    const res = await page.goto(launchPath(await launchCode(page)));
    const csp = res!.headers()['content-security-policy'] ?? '';
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-(inline|eval)'/);
  });

  test('blocks inline scripts, inline handlers and remote loads in the app, with a violation for each', async ({ page }) => {
    await openApp(page);
    const r = await probe(page);
    expect(r.inlineRan).toBe(false);
    expect(r.handlerRan).toBe(false);
    // A CSP refusal, not a network error: each attempt shows up as a violation of its directive.
    expect(r.violations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^script-src-elem inline/),
        expect.stringMatching(/^script-src-attr inline/),
        expect.stringMatching(/^connect-src https:\/\/example\.invalid/),
        expect.stringMatching(/^img-src https:\/\/example\.invalid/),
      ]),
    );
  });

  test('is what stops them: the same probe runs on a page without it', async ({ page }) => {
    await page.goto(plainUrl);
    const r = await probe(page);
    expect(r.inlineRan).toBe(true);
    expect(r.handlerRan).toBe(true);
    expect(r.violations).toEqual([]);
  });
});

test.describe('untrusted text and new windows', () => {
  test('shows a client name with markup as text in the claims view too', async ({ page, request }) => {
    let alerted = false;
    page.on('dialog', (d) => {
      alerted = true;
      void d.dismiss();
    });
    await openApp(page);
    await signIn(page, 'Morten Lie');
    await invoke(request, 'clients.sync');
    const found = (await invoke(request, 'clients.query', { query: { search: 'onerror' }, offset: 0, limit: 5 })) as {
      rows: { orgNumber: string; name: string }[];
    };
    const tricky = found.rows.find((r) => r.name === TRICKY_NAME);
    expect(tricky, 'the demo seed has a client whose name is markup').toBeDefined();

    await page.getByTestId('nav-claims').click();
    await page.getByTestId('claims-org-numbers').fill(tricky!.orgNumber);
    await page.getByTestId('claims-fetch').click();
    const card = page.getByTestId(`claims-client-${tricky!.orgNumber}`);
    await expect(card).toContainText(TRICKY_NAME, { timeout: 30_000 });
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    expect(alerted, 'a client name ran as script').toBe(false);
    await page.getByTestId('session-button').click();
    await page.getByTestId('sign-out').click();
  });

  test('the served bundle never opens windows or targets _blank', async ({ page, request }) => {
    await openApp(page);
    const scripts = await page.evaluate(() => Array.from(document.querySelectorAll('script[src]'), (s) => (s as HTMLScriptElement).src));
    expect(scripts.length).toBeGreaterThan(0);
    const opensWindow = /\b(window|globalThis|self|top|parent)\.open\s*\(/;
    expect('x&&window.open(u,"w")').toMatch(opensWindow);
    for (const src of scripts) {
      const js = await (await request.get(src)).text();
      expect(js.length).toBeGreaterThan(1000);
      expect(js, src).not.toMatch(opensWindow);
      expect(js, src).not.toContain('_blank');
    }
    // Nor does any view render a link that would open one.
    for (const view of ['clients', 'batches', 'claims', 'actorflow', 'settings', 'audit']) {
      await page.getByTestId(`nav-${view}`).click();
      await expect(page.locator('a[target]:not([target="_self"])')).toHaveCount(0);
    }
  });
});

test.describe('the launch code', () => {
  test('is spent once, and the page keeps neither it nor the secret', async ({ page, browser }) => {
    const code = await launchCode(page);
    await page.goto(launchPath(code));
    await expect(page.getByRole('navigation')).toBeVisible();
    expect(page.url()).not.toContain(code);
    const kept = await page.evaluate(() => ({
      cookie: document.cookie,
      storage: JSON.stringify({ ...sessionStorage }) + JSON.stringify({ ...localStorage }),
    }));
    // The session cookie is HttpOnly: the page's own scripts cannot read it.
    expect(kept.cookie).toBe('');
    expect(kept.storage).not.toContain(E2E_SECRET);
    expect(kept.storage).not.toContain(code);

    // Someone who finds the address later (history, a shoulder) gets nothing from it.
    const other = await browser.newContext();
    try {
      const late = await other.newPage();
      await late.goto(launchPath(code));
      const status = await invokeInPage(late, 'app.status');
      expect(status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

/** A browser host of its own, with no passphrase in its environment: as a person starts `npm run web`. */
async function startLockedHost(dataDir: string): Promise<{ url: string; stop(): Promise<void> }> {
  const env: NodeJS.ProcessEnv = { ...process.env, KLIENTDESK_DATA_DIR: dataDir, KLIENTDESK_WEB_ROOT: 'out/web' };
  for (const given of ['KLIENTDESK_KEY_PASSPHRASE', 'KLIENTDESK_KEY_PASSPHRASE_FILE', 'KLIENTDESK_HOST_SECRET']) delete env[given];
  const child = spawn(process.execPath, ['out/node/host.js', '--port', '0'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = async (): Promise<void> => {
    if (child.exitCode !== null) return;
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.kill('SIGTERM');
    await exited;
  };
  const url = await new Promise<string>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the host exited with ${code}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const found = /(http:\/\/127\.0\.0\.1:\d+\/#c=\S+)/.exec(line)?.[1];
      if (found) resolve(found);
    });
  });
  return { url, stop };
}

test.describe('the key passphrase', () => {
  test('is asked for when a key is needed, chosen once, then typed once per launch', async ({ page }) => {
    test.setTimeout(120_000);
    const dataDir = await mkdtemp(join(tmpdir(), 'kd-e2e-locked-'));
    try {
      let host = await startLockedHost(dataDir);
      await page.goto(host.url);
      await page.getByTestId('nav-settings').click();
      await expect(page.getByTestId('keys-locked')).toContainText('Velg en passordfrase');
      // A key operation finds the keys locked: the dialog explains and asks, also in the Demo environment.
      await page.getByTestId('keys-generate').click();
      const dialog = page.getByRole('dialog', { name: 'Velg en passordfrase for nøklene' });
      await expect(dialog).toContainText('Passordfrasen lagres ikke noe sted');
      await dialog.getByTestId('unlock-passphrase').fill('kort');
      await dialog.getByTestId('unlock-repeat').fill('kort');
      await dialog.getByTestId('unlock-submit').click();
      await expect(dialog).toContainText('minst 10 tegn');
      await dialog.getByTestId('unlock-passphrase').fill('fjell og fjord i e2e');
      await dialog.getByTestId('unlock-repeat').fill('fjell og fjord i e2e');
      await dialog.getByTestId('unlock-submit').click();
      await expect(dialog).toBeHidden();
      // The demo's first key is made as soon as the keys are open.
      await expect(page.getByTestId('keys-table').getByRole('row')).toHaveCount(2);
      await expect(page.getByTestId('keys-locked')).toHaveCount(0);
      const files = await readdir(dataDir);
      for (const name of files) expect(await readFile(join(dataDir, name), 'latin1').catch(() => '')).not.toContain('fjell og fjord i e2e');
      await host.stop();

      host = await startLockedHost(dataDir);
      await page.goto(host.url);
      await page.getByTestId('nav-settings').click();
      await expect(page.getByTestId('keys-locked')).toContainText('Nøklene er låst');
      await page.getByTestId('keys-generate').click();
      const unlock = page.getByRole('dialog', { name: 'Lås opp nøklene' });
      await unlock.getByTestId('unlock-passphrase').fill('ikke passordfrasen');
      await unlock.getByTestId('unlock-submit').click();
      await expect(unlock).toContainText('Passordfrasen er feil');
      await unlock.getByTestId('unlock-passphrase').fill('fjell og fjord i e2e');
      await unlock.getByTestId('unlock-submit').click();
      await expect(unlock).toBeHidden();
      await page.getByTestId('keys-generate').click();
      await expect(page.getByTestId('keys-table').getByRole('row')).toHaveCount(3);
      await host.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
