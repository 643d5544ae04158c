// Keyboard only: sign in, delegate through the wizard to a draft, open and delete that batch, and fetch claims,
// with Tab, Shift+Tab, arrows, Space and Enter. Locators only check where the focus is; they never click.
import type { Locator, Page } from '@playwright/test';
import { post } from './host-api';
import { expect, openApp, test } from './fixtures';

const SU_B_TITLE = 'SmartRegnskap – skatt';
const C1 = '313367002';
const READY_FOR_SU_B = '314055403';

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));

/** Presses Tab (or Shift+Tab) until the target has the focus, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, target: Locator, options: { back?: boolean; max?: number } = {}): Promise<void> {
  for (let i = 0; i < (options.max ?? 60); i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`the focus never reached ${target.toString()}`);
}

test('sign in, delegate to a draft, delete it, and fetch claims, all from the keyboard', async ({ page, request }) => {
  test.setTimeout(120_000);
  await post(request, 'session.signOut');
  await openApp(page);

  // Sign-in.
  const sessionButton = page.getByRole('button', { name: 'Logg inn' });
  await tabTo(page, sessionButton);
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: /Logg inn/ });
  await tabTo(page, dialog.getByRole('button', { name: /Morten Lie/ }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('session-button')).toContainText('Morten Lie', { timeout: 30_000 });

  // Sync, then the wizard.
  const sync = page.getByRole('button', { name: 'Synkroniser' });
  await tabTo(page, sync);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('clients-last-sync')).toContainText('Sist synkronisert', { timeout: 30_000 });
  await expect(page.getByTestId('clients-total')).toHaveText(/\d+ klienter/);
  await tabTo(page, page.getByRole('button', { name: 'Deleger…' }));
  await page.keyboard.press('Enter');
  const wizard = page.getByRole('dialog', { name: 'Deleger klienter til en systemtilgang' });
  const suB = wizard.getByRole('radio', { name: new RegExp(SU_B_TITLE) });
  await tabTo(page, wizard.getByRole('radio', { name: /SmartRegnskap – klienter/ }));
  while (!(await suB.isChecked())) await page.keyboard.press('ArrowDown');
  await tabTo(page, wizard.getByRole('button', { name: 'Neste' }));
  await page.keyboard.press('Enter');
  // The step that replaced the one with the focus takes it: never the dialog frame, never the page behind.
  await expect(wizard.getByRole('group', { name: 'Klienter', exact: true })).toBeFocused();
  const paste = wizard.getByRole('radio', { name: 'Lim inn organisasjonsnumre' });
  await tabTo(page, wizard.getByRole('radio', { name: /Alle som passer filteret/ }));
  while (!(await paste.isChecked())) await page.keyboard.press('ArrowDown');
  await tabTo(page, wizard.getByRole('textbox', { name: 'Organisasjonsnumre' }));
  await page.keyboard.type(READY_FOR_SU_B);
  await tabTo(page, wizard.getByRole('button', { name: 'Neste' }));
  await page.keyboard.press('Enter');
  await expect(wizard.getByTestId('verdict-ready')).toHaveText('Klar: 1');
  // Neste was disabled under the focus while the review ran; the focus went to the review step, not the frame.
  await expect(wizard.getByRole('group', { name: 'Kontroll', exact: true })).toBeFocused();
  await tabTo(page, wizard.getByRole('button', { name: 'Neste' }));
  await page.keyboard.press('Enter');
  const name = wizard.getByRole('textbox', { name: 'Navn på bunken' });
  await tabTo(page, name);
  await page.keyboard.press('ControlOrMeta+a');
  const batchName = `Tastatur ${Date.now()}`;
  await page.keyboard.type(batchName);
  await tabTo(page, wizard.getByRole('button', { name: 'Lagre som utkast' }));
  await page.keyboard.press('Enter');

  // The batch: it opens as a draft; delete it again so the shared data stays as it was.
  const main = page.getByRole('main');
  await expect(main.getByTestId('batch-name')).toHaveText(batchName);
  await tabTo(page, main.getByRole('button', { name: 'Slett utkast' }));
  await page.keyboard.press('Enter');
  const confirm = page.getByRole('dialog', { name: new RegExp(`Slette utkastet «${batchName}»`) });
  await expect(confirm.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(confirm.getByRole('button', { name: 'Slett utkast' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('batch-row').filter({ hasText: batchName })).toHaveCount(0);

  // Claims.
  await tabTo(page, page.getByRole('button', { name: 'Krav', exact: true }), { back: true });
  await page.keyboard.press('Enter');
  const typed = page.getByRole('radio', { name: 'Organisasjonsnumre jeg skriver inn' });
  // With no selection in the list, typing the numbers is the checked choice, where Tab enters the group.
  await tabTo(page, typed);
  await expect(typed).toBeChecked();
  await tabTo(page, page.getByRole('textbox', { name: 'Organisasjonsnumre' }));
  await page.keyboard.type(C1);
  await tabTo(page, page.getByRole('button', { name: 'Hent åpne krav' }));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId(`claims-client-${C1}`)).toContainText('Utskrevet forskuddsskatt', { timeout: 30_000 });
});
