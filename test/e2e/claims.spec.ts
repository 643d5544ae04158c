import { readFile } from 'node:fs/promises';
import { expect, openApp, signIn, test } from './fixtures';

const C1 = '313367002';
const C2 = '311851381';
const C5 = '212201782';
const C6 = '310478717';

// Intl separates thousands with a no-break space; compare what a reader sees.
const plain = (s: string | null): string => (s ?? '').replace(/[\u00a0\u202f]/g, ' ');

test('open claims for delegated clients, a not-delegated client, and the CSV export', async ({ page }) => {
  await openApp(page);
  await signIn(page, 'Morten Lie');
  // c6 is told apart from a non-client by the local copy, so the copy must exist whichever spec ran first.
  await page.getByTestId('clients-sync').click();
  await expect(page.getByTestId('clients-last-sync')).toContainText('Sist synkronisert', { timeout: 30_000 });
  await page.getByTestId('nav-claims').click();
  await page.getByTestId('claims-org-numbers').fill(`${C1}, ${C2}\n${C5} 310 478 717`);
  await page.getByTestId('claims-fetch').click();

  const c1 = page.getByTestId(`claims-client-${C1}`);
  await expect(c1).toBeVisible({ timeout: 30_000 });
  expect(plain(await c1.getByTestId('client-totals').textContent())).toContain('Saldo kr 24 200,00');
  await expect(c1.getByRole('row').filter({ hasText: 'Restskatt' })).toContainText('Forfalt');
  await expect(c1.getByRole('row').filter({ hasText: 'Restskatt' })).toContainText('31336700225080');
  await expect(page.getByTestId(`claims-client-${C5}`)).toContainText('Ingen åpne krav');

  const c6 = page.getByTestId(`claims-client-${C6}`);
  await expect(c6.getByTestId('claims-not-delegated')).toContainText('SmartRegnskap har ikke tilgang');
  await expect(c6.getByTestId('claims-not-delegated')).toContainText('DAS-008');
  await expect(page.getByTestId('claims-chart')).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByTestId('claims-export').click();
  const file = await (await download).path();
  const csv = await readFile(file, 'utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const lines = csv.slice(1).split('\r\n');
  expect(lines[0]).toMatch(/^Organisasjonsnummer;Klient;Status;/);
  const claim = lines.find((l) => l.includes('KRAV-31336701'));
  expect(claim).toContain(';18450,00;18450,00;31336700225080;Ja;');
  // Human columns (org number spaced, date as on screen) and machine columns (codes, ISO date) side by side.
  expect(claim).toMatch(/^313 367 002;.*;\d\d\.\d\d\.\d{4};.*;313367002;ok;[A-Z_]+;\d{4}-\d\d-\d\d;/);
  expect(lines.find((l) => l.includes(`;${C6};`))).toContain('DAS-008');

  // The not-delegated row leads to the client list with that client selected.
  await c6.getByRole('button', { name: 'Deleger klienten' }).click();
  await expect(page.getByTestId('nav-clients')).toHaveAttribute('aria-current', 'page');
  await page.getByTestId('session-button').click();
  await page.getByTestId('sign-out').click();
});

test('a typo in an org number is caught before anything is sent', async ({ page }) => {
  await openApp(page);
  await page.getByTestId('nav-claims').click();
  await page.getByTestId('claims-org-numbers').fill('313367003');
  await expect(page.getByText('Ikke gyldig: 313367003')).toBeVisible();
  await expect(page.getByTestId('claims-fetch')).toBeDisabled();
});

test('from the client list: every client delegated to a system user, with names from the local copy', async ({ page }) => {
  await openApp(page);
  await signIn(page, 'Morten Lie');
  await page.getByTestId('clients-sync').click();
  await expect(page.getByTestId('clients-last-sync')).toBeVisible({ timeout: 30_000 });
  await page.getByTestId('nav-claims').click();
  await page.getByTestId('claims-source-system-user').click();
  await page.getByTestId('claims-fetch').click();
  const c1 = page.getByTestId(`claims-client-${C1}`);
  await expect(c1).toBeVisible({ timeout: 30_000 });
  await expect(c1).toContainText('FJELLBEKK RØRLEGGERSERVICE');
  // Only delegated clients were asked for: the not-delegated c6 is not in the answer.
  await expect(page.getByTestId(`claims-client-${C6}`)).toHaveCount(0);
  await page.getByTestId('session-button').click();
  await page.getByTestId('sign-out').click();
});
