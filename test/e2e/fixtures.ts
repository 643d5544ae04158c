import { test as base, expect, type Page } from '@playwright/test';
import { E2E_SECRET } from '../../playwright.config';

/** Opens Klientdesk through the browser host the way a user would: the printed launch URL carries the secret. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(`/#k=${E2E_SECRET}`);
  await expect(page.getByRole('navigation')).toBeVisible();
}

export const test = base;
export { expect };
