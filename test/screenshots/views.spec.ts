// Screenshots of every main view at 1280×720 and 1920×1080 in both languages, written to screenshots/ to be
// looked at before a layout change is called done (issue 15). Not a test of its own: the e2e specs assert.
import { test } from '../e2e/fixtures';
import { readyApp, setLanguage, VIEWS } from '../e2e/views';

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
] as const;

test.afterEach(async ({ page }) => {
  await setLanguage(page, 'nb');
});

for (const language of ['nb', 'en'] as const) {
  test(`every view in ${language}`, async ({ page }) => {
    test.setTimeout(180_000);
    await readyApp(page, language);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const view of VIEWS) {
        await view.open(page);
        // Dialogs fade in: the picture is of the view as it settles, not half way through the transition.
        await page.screenshot({ path: `screenshots/${size.width}x${size.height}/${language}-${view.name}.png`, animations: 'disabled' });
        await view.close?.(page);
      }
    }
  });
}
