// Optional records of the typing in the client-list row, for finding where a keystroke's time goes; the row's
// figures do not depend on them. Set by environment variable:
// - KD_BENCH_CPUPROFILE=<file>: the page's CPU profile (Chrome DevTools' .cpuprofile format);
// - KD_BENCH_TRACE=<file>: a Chromium trace of the main thread's tasks, layout and paint;
// - KD_BENCH_KEYS=1: each key and its keystroke → repaint time, on stderr.
import { writeFile } from 'node:fs/promises';
import type { Browser, CDPSession, Page } from '@playwright/test';

export const printKeys = process.env.KD_BENCH_KEYS === '1';

/** Starts what the environment asks for; the function it returns stops and writes it. */
export async function recordTyping(browser: Browser, page: Page, cdp: CDPSession): Promise<() => Promise<void>> {
  const profileTo = process.env.KD_BENCH_CPUPROFILE;
  const traceTo = process.env.KD_BENCH_TRACE;
  if (profileTo) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
  }
  if (traceTo)
    await browser.startTracing(page, { path: traceTo, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  return async () => {
    if (traceTo) await browser.stopTracing();
    if (profileTo) {
      const { profile } = await cdp.send('Profiler.stop');
      await writeFile(profileTo, JSON.stringify(profile));
    }
  };
}
