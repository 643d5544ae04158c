// Issue 15, points 2 and 3: one person's refusal does not stay for the next, and the audit log's Details
// column is in the reader's language. By role and label, as a user finds them.
import { invoke } from './host-api';
import { setLanguage } from './words';
import { expect, openApp, signIn, test } from './fixtures';

const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
// Already delegated to SU-A in the preset: adding it again succeeds without changing the shared world.
const C1 = '313367002';
const NOT_A_CLIENT = '310000086';
const REFUSAL = /Du har ikke rettigheten Klientadministrator/;

test.describe('signing out and switching user', () => {
  test('Kari’s refusal is gone when she signs out, and Morten never sees it', async ({ page }) => {
    await openApp(page);
    await signIn(page, 'Kari Nordby');
    await page.getByRole('dialog').getByRole('button', { name: 'Lukk' }).click();
    await page.getByTestId('nav-clients').click();
    await page.getByRole('button', { name: 'Synkroniser', exact: true }).click();
    const refusal = page.getByRole('alert').filter({ hasText: 'Synkroniseringen feilet' });
    await expect(refusal).toContainText(REFUSAL, { timeout: 30_000 });

    await page.getByRole('button', { name: /Kari Nordby/ }).click();
    await page.getByRole('menuitem', { name: 'Logg ut' }).click();
    await expect(page.getByRole('button', { name: 'Logg inn' })).toBeVisible();
    await expect(page.getByText(REFUSAL)).toHaveCount(0);
    await expect(refusal).toHaveCount(0);

    await signIn(page, 'Morten Lie');
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.getByText(REFUSAL)).toHaveCount(0);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('the audit log’s details', () => {
  test.afterEach(async ({ request }) => {
    await invoke(request, 'settings.update', { language: 'nb' });
  });

  test('are worded in the reader’s language: state changes, counts and refusals', async ({ page, request }) => {
    await openApp(page);
    await signIn(page, 'Morten Lie');
    const name = `Detaljer ${Date.now()}`;
    const batch = await invoke<{ id: string }>(request, 'batches.create', {
      name,
      systemUserId: SU_A,
      items: [C1, NOT_A_CLIENT].map((orgNumber) => ({ orgNumber, operation: 'add' })),
      submit: true,
    });
    await expect
      .poll(async () => (await invoke<{ batch: { state: string } }>(request, 'batches.get', { id: batch.id })).batch.state, {
        timeout: 30_000,
      })
      .toMatch(/^completed/);

    await page.getByTestId('nav-audit').click();
    const table = page.getByRole('grid', { name: 'Revisjonslogg' });
    await page.getByLabel('Søk').fill(batch.id);
    await expect(table.getByRole('row').filter({ hasText: 'Fra i gang til fullført med feil' })).toHaveCount(1, { timeout: 15_000 });
    await expect(table.getByRole('row').filter({ hasText: 'Fra utkast til i kø' })).toHaveCount(1);
    await expect(table.getByRole('row').filter({ hasText: '2 klienter' })).toHaveCount(1);
    await expect(table.getByRole('row').filter({ hasText: 'Ikke en av firmaets klienter.' })).toHaveCount(1);
    await expect(table).not.toContainText('→');
    await expect(table).not.toContainText('running');

    await setLanguage(request, page, 'en');
    await page.getByTestId('nav-audit').click();
    const en = page.getByRole('grid', { name: 'Audit log' });
    await page.getByLabel('Search').fill(batch.id);
    await expect(en.getByRole('row').filter({ hasText: 'From running to completed with failures' })).toHaveCount(1, { timeout: 15_000 });
    await expect(en.getByRole('row').filter({ hasText: '2 clients' })).toHaveCount(1);
    await expect(en.getByRole('row').filter({ hasText: 'Not one of the firm’s clients.' })).toHaveCount(1);
    await expect(en).not.toContainText('Fra ');
  });
});
