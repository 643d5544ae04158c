// axe on every main view in both languages: no serious or critical violation may reach a user.
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures';
import { readyApp, setLanguage, VIEWS, type Language } from './views';

// The two languages need nothing from each other: each may go to its own worker (and host).
test.describe.configure({ mode: 'parallel' });

test.afterEach(async ({ page }) => {
  await setLanguage(page, 'nb');
});

for (const language of ['nb', 'en'] as const satisfies readonly Language[]) {
  test(`every view in ${language} has no serious or critical axe violations`, async ({ page }) => {
    test.setTimeout(180_000);
    await readyApp(page, language);
    const found: string[] = [];
    for (const view of VIEWS) {
      await view.open(page);
      // Colours are checked as they settle: a button fading from disabled to enabled is not a contrast failure.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
      for (const v of result.violations) {
        if (v.impact !== 'serious' && v.impact !== 'critical') continue;
        const where = v.nodes
          .slice(0, 3)
          .map((n) => `${n.target.join(' ')} (${n.failureSummary?.replace(/\s+/g, ' ') ?? ''})`)
          .join(' | ');
        found.push(`${view.name}: ${v.id} (${v.impact}) ${v.help} at ${where}`);
      }
      await view.close?.(page);
    }
    expect(found).toEqual([]);
  });
}
