import { readFile } from 'node:fs/promises';
import { expect, openApp, test } from './fixtures';
import { invokeInPage } from './host-api';

test.afterEach(async ({ page }) => {
  // One host serves every spec of the worker: put the language back even when a test stopped half-way.
  // The page's session cookie carries the call, as it does for the app itself.
  await invokeInPage(page, 'settings.update', { language: 'nb' });
});

test('generate a key and save its public JWK, which holds no private part', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('nav-settings').click();
  const table = page.getByTestId('keys-table');
  // The frame can show before the environment is up, and the keys load after it: counted once they have (the
  // button is off until then).
  await expect(page.getByTestId('keys-generate')).toBeEnabled();
  // The demo environment starts with a key the world knows; a new one is a rotation and waits for upload.
  const before = await table
    .getByRole('row')
    .count()
    .catch(() => 0);
  await page.getByTestId('keys-generate').click();
  await expect(table.getByRole('row')).toHaveCount(Math.max(before, 1) + 1);
  const newRow = table.getByRole('row').last();
  await expect(newRow).toContainText(/Venter på opplasting|Signerer/);
  const kid = (await newRow.getByRole('rowheader').textContent())!.trim();

  const download = page.waitForEvent('download');
  await page.getByTestId(`key-save-${kid}`).click();
  const saved = await download;
  expect(saved.suggestedFilename()).toBe(`${kid}.public.jwk.json`);
  const text = await readFile(await saved.path(), 'utf8');
  expect(text).not.toMatch(/PRIVATE KEY/);
  const jwk = JSON.parse(text) as Record<string, unknown>;
  expect(jwk).toMatchObject({ kty: 'RSA', kid, alg: 'RS256', use: 'sig', e: 'AQAB' });
  expect(Object.keys(jwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  expect(jwk).not.toHaveProperty('d');
});

test('switching to English relabels the frame, and back to bokmål', async ({ page }) => {
  await openApp(page);
  const nav = page.getByRole('navigation');
  await page.getByTestId('nav-settings').click();
  // The choice is saved first and shown after, so click and wait rather than check() (which wants it at once).
  await page.getByRole('radio', { name: 'English' }).click();
  await expect(page.getByRole('radio', { name: 'English' })).toBeChecked();
  await expect(nav.getByText('Clients', { exact: true })).toBeVisible();
  await expect(nav.getByText('Settings', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeVisible();

  await page.getByRole('radio', { name: 'Norsk bokmål' }).click();
  await expect(nav.getByText('Klienter', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Innstillinger', level: 2 })).toBeVisible();
});

test('the firm org number is checked with mod 11 as it is typed', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('nav-settings').click();
  await page.getByRole('tab', { name: 'Test (TT02)' }).click();
  const org = page.getByTestId('config-firm-org');
  await org.fill('310000028');
  await expect(page.getByText('Kontrollsifferet stemmer ikke')).toBeVisible();
  await org.fill('310 000 027');
  await expect(page.getByText('Kontrollsifferet stemmer ikke')).toBeHidden();
});

test('the active environment shows its service addresses', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-urls')).toContainText('Maskinporten');
  await expect(page.getByTestId('settings-urls')).toContainText('http://127.0.0.1');
});
