import { test as base, expect, type Page } from '@playwright/test';
import { E2E_SECRET } from '../../playwright.config';

/** A fresh one-time launch code, as the host prints in its launch URL (asked for with the host secret). */
export async function launchCode(page: Page): Promise<string> {
  const res = await page.request.post('/api/launch-code', { headers: { 'x-klientdesk-secret': E2E_SECRET } });
  expect(res.status()).toBe(200);
  return ((await res.json()) as { code: string }).code;
}

/** Opens Klientdesk through the browser host the way a user would: a launch URL with a one-time code. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(`/#c=${await launchCode(page)}`);
  await expect(page.getByRole('navigation')).toBeVisible();
}

/**
 * Signs in to the Demo environment as one of the world's persons, through the top bar's dialog as a user would.
 * Waits until the bar shows the person; a person without the Client administrator right sees the dialog's
 * explanation, which the caller may check and close.
 */
export async function signIn(page: Page, name: string): Promise<void> {
  const button = page.getByTestId('session-button');
  // One host serves every spec, so someone may still be signed in from an earlier test.
  if ((await button.getAttribute('aria-haspopup')) === 'menu') {
    await button.click();
    await page.getByTestId('sign-out').click();
  }
  await expect(button).toHaveText(/Logg inn|Sign in/);
  await button.click();
  const dialog = page.getByRole('dialog', { name: /Logg inn|Sign in/ });
  await dialog.getByRole('button', { name: new RegExp(name) }).click();
  await expect(button).toContainText(name, { timeout: 30_000 });
}

export const test = base;
export { expect };
