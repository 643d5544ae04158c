// Start-up as the user meets it, from launching the browser host process to the first client rows in the
// page (the clients already synced), against launching a tiny node:http server the same way and the first
// paint of its static page: the floor of "start Node, serve a page, paint it" on this machine.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchChromium, PAGE_PROBE, type PageProbe } from '../support/browser';
import { launchNode, type Launched } from '../support/processes';
import { launchHost, syncedDataDir } from '../support/synced-host';
import { atMost, percentile, round, thousands, type BenchRow } from '../row';

const STARTUP_RATIO = 2;

const RUNS = 3;

const STATIC_SERVER = `
import { createServer } from 'node:http';
const page = '<!doctype html><html lang="nb"><head><meta charset="utf-8"><title>Klientdesk</title></head>' +
  '<body><h1>Klientdesk</h1><p>A static page.</p></body></html>';
const server = createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
  res.end(page);
});
server.listen(0, '127.0.0.1', () => console.log('Open: http://127.0.0.1:' + server.address().port + '/'));
process.on('SIGTERM', () => server.close(() => process.exit(0)));
`;

/** ms from spawning the process until `ready` holds in a freshly opened page; also when it printed its address. */
async function timeLaunch(
  browser: Browser,
  launch: () => Promise<Launched>,
  ready: (page: Page) => Promise<unknown>,
): Promise<{ totalMs: number; listeningMs: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  await context.addInitScript(PAGE_PROBE);
  const page = await context.newPage();
  const t0 = performance.now();
  const proc = await launch();
  const listeningMs = performance.now() - t0;
  try {
    // The host listens before the app behind it is up; the page may take as long as the first rows may.
    await page.goto(proc.url, { timeout: 120_000 });
    await ready(page);
    return { totalMs: performance.now() - t0, listeningMs };
  } finally {
    await context.close();
    await proc.stop();
  }
}

const firstRows = (page: Page) =>
  page.waitForFunction(() => ((globalThis as unknown as { __kdProbe: PageProbe }).__kdProbe.firstRowAt ?? -1) > 0, null, {
    timeout: 120_000,
  });
const firstContentfulPaint = (page: Page) =>
  page.waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, null, { timeout: 30_000 });

export const startup = (clients: number): BenchRow => ({
  id: `startup-${clients / 1000}k`,
  title: `Start-up to first rows (${thousands(clients)} clients)`,
  async run() {
    const dataDir = await syncedDataDir(clients);
    const scratch = mkdtempSync(join(tmpdir(), 'kd-bench-static-'));
    const serverScript = join(scratch, 'static-server.mjs');
    writeFileSync(serverScript, STATIC_SERVER);
    // The browser is already running in both cases: the row times the app, not Chromium's own start.
    const browser = await launchChromium();
    try {
      const app: { totalMs: number; listeningMs: number }[] = [];
      const floor: { totalMs: number; listeningMs: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        app.push(await timeLaunch(browser, () => launchHost(dataDir, clients), firstRows));
        floor.push(await timeLaunch(browser, () => launchNode(serverScript, []), firstContentfulPaint));
      }
      const appMs = percentile(
        app.map((r) => r.totalMs),
        50,
      );
      const floorMs = percentile(
        floor.map((r) => r.totalMs),
        50,
      );
      return {
        id: this.id,
        title: this.title,
        subject: { label: 'host launch → first rows', value: round(appMs, 0), unit: 'ms' },
        baseline: { label: 'static server launch → first paint', value: round(floorMs, 0), unit: 'ms' },
        ratio: round(appMs / floorMs),
        target: atMost(appMs / floorMs, STARTUP_RATIO, 'ratio', '×'),
        note: `median of ${RUNS}; the host listens at once and serves the page while it opens the store, starts the embedded demo world of ${thousands(clients)} clients and unlocks the key vault; the page's calls wait for those`,
        extra: [
          {
            label: 'host listening',
            value: round(
              percentile(
                app.map((r) => r.listeningMs),
                50,
              ),
              0,
            ),
            unit: 'ms',
          },
        ],
      };
    } finally {
      await browser.close();
      rmSync(scratch, { recursive: true, force: true });
    }
  },
});
