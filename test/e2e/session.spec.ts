import { expect, openApp, signIn, test } from './fixtures';
import { setLanguage } from './views';

test('Morten signs in as client administrator for REGNSKAPSFIRMA AS and signs out again', async ({ page }) => {
  await openApp(page);
  await signIn(page, 'Morten Lie');
  await expect(page.getByRole('dialog')).toBeHidden();
  const button = page.getByTestId('session-button');
  await expect(button).toContainText('REGNSKAPSFIRMA AS');
  await expect(button).toContainText('310 000 027');

  await button.click();
  const summary = page.getByTestId('session-summary');
  await expect(summary).toContainText('Morten Lie');
  await expect(summary).toContainText('Demo');
  await expect(summary).toContainText(/Klientadministrator\s*Ja/);
  await page.getByTestId('sign-out').click();
  await expect(page.getByTestId('session-button')).toHaveText(/Logg inn/);
});

test('Kari, who is not a client administrator, is told why in plain words', async ({ page }) => {
  await openApp(page);
  await signIn(page, 'Kari Nordby');
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByTestId('not-client-admin')).toContainText('Kari Nordby er ikke klientadministrator for REGNSKAPSFIRMA AS');
  await expect(dialog.getByTestId('not-client-admin')).toContainText('daglig leder');
  await dialog.getByRole('button', { name: 'Lukk' }).click();

  // The explanation stays one click away in the menu.
  await page.getByTestId('session-button').click();
  await expect(page.getByTestId('session-summary')).toContainText(/Klientadministrator\s*Nei/);
  await expect(page.getByTestId('session-summary').getByTestId('not-client-admin')).toBeVisible();
  await page.getByTestId('sign-out').click();
});

test('the sign-in dialog is usable with the keyboard alone', async ({ page }) => {
  await openApp(page);
  await expect(page.getByTestId('session-button')).toHaveText(/Logg inn/);
  await page.getByTestId('session-button').focus();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Logg inn' });
  await expect(dialog.getByRole('button', { name: /Morten Lie/ })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

// Issue 15, point 4: the person picker says what each person may do in words, never as a code.
for (const language of ['nb', 'en'] as const) {
  test(`the person picker words each role in ${language}`, async ({ page }) => {
    await openApp(page);
    await setLanguage(page, language);
    const button = page.getByTestId('session-button');
    if ((await button.getAttribute('aria-haspopup')) === 'menu') {
      await button.click();
      await page.getByTestId('sign-out').click();
    }
    await button.click();
    const dialog = page.getByRole('dialog', { name: language === 'nb' ? 'Logg inn' : 'Sign in' });
    const words =
      language === 'nb'
        ? { morten: 'Klientadministrator', kari: 'Ansatt, ikke klientadministrator', jonas: 'Tilgangsstyrer, ikke klientadministrator' }
        : {
            morten: 'Client administrator',
            kari: 'Employee, not a client administrator',
            jonas: 'Access manager, not a client administrator',
          };
    await expect(dialog.getByRole('button', { name: /Morten Lie/ })).toContainText(words.morten);
    await expect(dialog.getByRole('button', { name: /Kari Nordby/ })).toContainText(words.kari);
    await expect(dialog.getByRole('button', { name: /Jonas Berg/ })).toContainText(words.jonas);
    await expect(dialog).not.toContainText(/client_admin|access_manager|employee/);
    await page.keyboard.press('Escape');
    await setLanguage(page, 'nb');
  });
}
