import { test as base, expect, type Page } from '@playwright/test';
import { launchFragment } from '../../shared/contract/transport';
import { launchCode as newLaunchCode } from './host-api';

/** A fresh one-time launch code, as the host prints in its launch URL (asked for with the host secret). */
export const launchCode = (page: Page): Promise<string> => newLaunchCode(page.request);

/** The address a launch URL opens: the app with a one-time code in the fragment. */
export const launchPath = (code: string): string => `/${launchFragment(code)}`;

/** Opens Klientdesk through the browser host the way a user would: a launch URL with a one-time code. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(launchPath(await launchCode(page)));
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
