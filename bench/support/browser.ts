// Chromium through Playwright's library API (not the test runner), with the end-to-end tests' launch options.
// playwright-core is loaded at run time, not bundled into out/node/bench.js: it ships its own binaries and
// lazy requires that a bundler must not rewrite.
import type { Browser, BrowserType } from '@playwright/test';
import { chromiumLaunchOptions } from '../../playwright.shared';

const PLAYWRIGHT = 'playwright-core';

export async function launchChromium(): Promise<Browser> {
  const { chromium } = (await import(/* @vite-ignore */ PLAYWRIGHT)) as { chromium: BrowserType };
  return chromium.launch({ ...chromiumLaunchOptions, headless: true });
}

/**
 * Installed before any page script runs (Playwright injects it past the CSP): notes, on the page's own clock,
 * the first animation frame after a client row is in the DOM, and keeps a record of keystroke → repaint times.
 */
export const PAGE_PROBE = `(() => {
  const probe = { firstRowAt: null, pending: null, samples: [], waiters: [] };
  // Settles true once there are more than n samples, false after timeoutMs: the bench waits on this instead of
  // polling the page every frame, which would keep it drawing frames the user's page never draws.
  probe.more = (n, timeoutMs) => new Promise((resolve) => {
    if (probe.samples.length > n) return resolve(true);
    const waiter = { n, resolve };
    probe.waiters.push(waiter);
    setTimeout(() => { probe.waiters = probe.waiters.filter((w) => w !== waiter); resolve(false); }, timeoutMs);
  });
  const sample = (ms) => {
    probe.samples.push(ms);
    probe.waiters = probe.waiters.filter((w) => (probe.samples.length > w.n ? (w.resolve(true), false) : true));
  };
  window.__kdProbe = probe;
  const ROWS = '[data-testid="client-grid"] [role="row"][data-testid^="client-row-"]';
  // What the grid shows: how many rows match and the rendered ones, or the "no match" state. A narrower term
  // often keeps the same first screenful, so the count is part of it. Skeleton rows carry no test id.
  const shown = () => {
    const rows = Array.from(document.querySelectorAll(ROWS), (e) => e.getAttribute('data-testid')).join(',');
    if (rows) return (document.querySelector('[data-testid="client-grid"]')?.getAttribute('aria-rowcount') ?? '') + '|' + rows;
    return document.querySelector('[data-testid^="clients-empty"]') ? 'empty' : '';
  };
  document.addEventListener('keydown', (e) => {
    if (e.target instanceof HTMLInputElement) probe.pending = { t0: e.timeStamp, before: shown() };
  }, true);
  new MutationObserver(() => {
    if (probe.firstRowAt === null && document.querySelector(ROWS)) {
      probe.firstRowAt = -1;
      requestAnimationFrame(() => (probe.firstRowAt = performance.now()));
    }
    const p = probe.pending;
    if (!p) return;
    const now = shown();
    if (now !== '' && now !== p.before) {
      probe.pending = null;
      requestAnimationFrame(() => sample(performance.now() - p.t0));
    }
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-testid', 'aria-rowcount'] });
})();`;

export interface PageProbe {
  firstRowAt: number | null;
  pending: unknown;
  samples: number[];
  more(n: number, timeoutMs: number): Promise<boolean>;
}
