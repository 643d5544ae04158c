// Start-up as the user meets it, from launching the browser host process to the first client rows in the
// page (the clients already synced), against the floor of the same work without the app behind it: a minimal
// node:http server launched the same way, serving the very same built renderer (out/web) with the host's own
// headers (its Content-Security-Policy and the rest) and its launch fragment, and answering every /api/ call at
// once with a 404. Its page fetches and runs the same scripts, asks the same first questions, and paints what it
// paints first, the renderer's "could not start" screen: "start Node, serve this renderer, run it, paint" on this
// machine. What the app adds is its own start (modules, store, the first query) and the first rows themselves.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { launchFragment } from '../../shared/contract/transport';
import { SECURITY_HEADERS } from '../../electron/host/security-headers';
import { MIME } from '../../electron/host/static-files';
import { launchChromium, PAGE_PROBE, type PageProbe } from '../support/browser';
import { launchNode, type Launched } from '../support/processes';
import { launchHost, syncedDataDir } from '../support/synced-host';
import { atMost, percentile, round, thousands, type BenchRow } from '../row';

const STARTUP_RATIO = 2;

const RUNS = 3;

const WEB_ROOT = 'out/web';

/** The baseline: a static server with nothing behind /api/, reading each file per request as the host does. */
const staticServer = (webRoot: string): string => `
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
const root = ${JSON.stringify(webRoot)};
const headers = ${JSON.stringify(SECURITY_HEADERS)};
const mime = ${JSON.stringify(MIME)};
const server = createServer(async (req, res) => {
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
  if (path.startsWith('/api/')) {
    res.writeHead(404, { 'Content-Type': 'application/json; charset=utf-8' });
    return res.end(JSON.stringify({ error: 'Nothing answers behind this server.' }));
  }
  let file = normalize(join(root, path));
  if (!file.startsWith(root + sep)) file = join(root, 'index.html');
  try {
    if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
  } catch {
    file = join(root, 'index.html');
  }
  res.writeHead(200, { 'Content-Type': mime[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
  createReadStream(file).pipe(res);
});
server.listen(0, '127.0.0.1', () => console.log('Open: http://127.0.0.1:' + server.address().port + '/' + ${JSON.stringify(launchFragment('baseline'))}));
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
    // The host listens before the environment behind it is up; the page may take as long as the first rows may.
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
/** The little of the page's DOM the baseline looks at (the bench is compiled without the DOM's types). */
type PageRoot = { document: { getElementById(id: string): { childElementCount: number } | null } };

/** The renderer's own first contentful paint: the built page has no text of its own before the app renders. */
const firstContentfulPaint = (page: Page) =>
  page.waitForFunction(
    () =>
      performance.getEntriesByName('first-contentful-paint').length > 0 &&
      ((globalThis as unknown as PageRoot).document.getElementById('root')?.childElementCount ?? 0) > 0,
    null,
    { timeout: 30_000 },
  );

export const startup = (clients: number): BenchRow => ({
  id: `startup-${clients / 1000}k`,
  title: `Start-up to first rows (${thousands(clients)} clients)`,
  async run() {
    const dataDir = await syncedDataDir(clients);
    const scratch = mkdtempSync(join(tmpdir(), 'kd-bench-static-'));
    const serverScript = join(scratch, 'static-server.mjs');
    writeFileSync(serverScript, staticServer(resolve(WEB_ROOT)));
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
        baseline: { label: 'static server of the same renderer launch → first paint', value: round(floorMs, 0), unit: 'ms' },
        ratio: round(appMs / floorMs),
        target: atMost(appMs / floorMs, STARTUP_RATIO, 'ratio', '×'),
        note: `median of ${RUNS}; baseline: a minimal node:http server of the same built renderer (out/web) with the host's headers, every /api/ call a 404 at once, timed to that page's first contentful paint (its "could not start" screen); the host answers the store's calls (the client list, settings, status) once the store is open, and starts the embedded demo world of ${thousands(clients)} clients and unlocks the key vault beside them`,
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
