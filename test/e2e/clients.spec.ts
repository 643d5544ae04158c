// The client list and the delegation wizard in Chromium, against the demo world ("ready" preset: SU-A has
// c1–c5, SU-B has c1; actors.md §6.3–§6.6), signed in as Morten Lie (DAGL, client administrator).
import type { Page } from '@playwright/test';
import { invoke } from './host-api';
import { expect, openApp, signIn, test } from './fixtures';

const SU_A_TITLE = 'SmartRegnskap – klienter';
const SU_B_TITLE = 'SmartRegnskap – skatt';
const TRICKY_NAME = '<img src=x onerror=alert(1)> AS';

const grid = (page: Page) => page.getByRole('grid', { name: 'Klienter' });
const row = (page: Page, orgNumber: string) => page.getByTestId(`client-row-${orgNumber}`);

async function search(page: Page, text: string): Promise<void> {
  await page.getByLabel('Søk i klienter').fill(text);
}

/** Signed in as Morten with a fresh local copy: the state every test after the first starts from. */
async function signedInAndSynced(page: Page): Promise<void> {
  await openApp(page);
  if (!(await page.getByTestId('session-button').textContent())?.includes('Morten Lie')) await signIn(page, 'Morten Lie');
  await page.getByTestId('clients-sync').click();
  await expect(page.getByTestId('clients-last-sync')).toContainText('Sist synkronisert', { timeout: 30_000 });
  await expect(grid(page)).toBeVisible();
}

test.describe('the client list', () => {
  let alerted = false;
  test.beforeEach(({ page }) => {
    alerted = false;
    page.on('dialog', (d) => {
      alerted = true;
      void d.dismiss();
    });
  });
  test.afterEach(() => expect(alerted, 'a client name ran as script').toBe(false));

  test('asks for a sign-in before it can sync', async ({ page, request }) => {
    await invoke(request, 'session.signOut');
    await openApp(page);
    await expect(page.getByTestId('clients-sync')).toBeDisabled();
    const info = (await invoke(request, 'clients.syncInfo')) as { total: number };
    // A local copy from an earlier test is still usable offline; an empty one says what to do.
    if (info.total === 0) await expect(page.getByText('Logg inn som firmaets klientadministrator')).toBeVisible();
    else await expect(grid(page)).toBeVisible();
  });

  test('syncs, then searches by name and by org number with or without spaces', async ({ page }) => {
    await signedInAndSynced(page);
    await expect(grid(page)).toHaveAttribute('aria-rowcount', /\d+/);
    for (const typed of ['313 367', '313367', '313 367 002', 'fjellbekk rør']) {
      await search(page, typed);
      await expect(row(page, '313367002'), typed).toBeVisible();
      await expect(row(page, '311851381')).toHaveCount(0);
    }
    await expect(row(page, '313367002').getByRole('gridcell').nth(2)).toHaveText('313 367 002');
  });

  test('filters by relationship and shows the AND-rule failures of SU-B with the missing package', async ({ page }) => {
    await signedInAndSynced(page);
    await search(page, 'bergtind');
    await page.getByTestId('filter-relationship-REVI').click();
    await expect(row(page, '310000035')).toBeVisible();
    await search(page, 'havbris');
    await expect(page.getByTestId('clients-empty-noMatch')).toBeVisible();
    await page.getByTestId('filter-relationship-REVI').click();
    await expect(row(page, '311851381')).toBeVisible();
    const warning = row(page, '311851381').getByTestId('and-rule-warning');
    await expect(warning).toHaveAttribute('aria-label', `${SU_B_TITLE} vil avvise denne klienten: mangler Skattegrunnlag`);
    await search(page, 'fjellbekk');
    await expect(row(page, '313367002').getByTestId('and-rule-warning')).toHaveCount(0);
  });

  test('selects with click, shift-click, ctrl-click, the keyboard and "select all filtered"', async ({ page }) => {
    await signedInAndSynced(page);
    await search(page, '');
    const nth = (i: number) => grid(page).locator(`[role=row][aria-rowindex="${i + 2}"]`);
    await nth(0).click();
    await nth(3).click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('clients-selection-count')).toHaveText('4 valgt');
    await nth(1).click({ modifiers: ['Control'] });
    await expect(page.getByTestId('clients-selection-count')).toHaveText('3 valgt');
    await expect(nth(1)).toHaveAttribute('aria-selected', 'false');
    await expect(nth(2)).toHaveAttribute('aria-selected', 'true');

    await grid(page).focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Shift+ArrowDown');
    await page.keyboard.press('Shift+ArrowDown');
    await expect(page.getByTestId('clients-selection-count')).toHaveText('3 valgt');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('clients-selection-count')).toHaveText('Ingen valgt');

    // FJORDVIND HANDEL AS and its sub-unit in Bergen: the header row plus two.
    await search(page, 'fjordvind');
    await expect(grid(page)).toHaveAttribute('aria-rowcount', '3');
    await page.getByTestId('clients-select-all').click();
    await expect(page.getByTestId('clients-selection-count')).toHaveText('2 valgt');
    await expect(row(page, '310000094')).toHaveAttribute('aria-selected', 'true');
  });

  test('the wizard shows AND-rule failures and every bad line before anything is sent', async ({ page }) => {
    await signedInAndSynced(page);
    await page.getByTestId('clients-delegate').click();
    const wizard = page.getByRole('dialog', { name: 'Deleger klienter til en systemtilgang' });
    await wizard.getByRole('radio', { name: new RegExp(SU_B_TITLE) }).check();
    await wizard.getByTestId('wizard-next').click();
    await wizard.getByRole('radio', { name: 'Lim inn organisasjonsnumre' }).check();
    await wizard.getByTestId('wizard-paste').fill('313 367 002\n311851381; 314055403\n310000051\n310000086\n123456789\nhello');
    await expect(wizard.getByText('5 organisasjonsnumre funnet, 2 linjer med feil')).toBeVisible();
    await wizard.getByTestId('wizard-next').click();

    await expect(wizard.getByTestId('verdict-ready')).toHaveText('Klar: 1');
    await expect(wizard.getByTestId('verdict-fails_and_rule')).toHaveText('Feiler OG-regelen: 2');
    await expect(wizard.getByTestId('verdict-already_done')).toHaveText('Allerede delegert: 1');
    await expect(wizard.getByTestId('verdict-unknown_client')).toHaveText('Ikke klient av firmaet: 1');
    await expect(wizard.getByTestId('verdict-invalid_number')).toHaveText('Ugyldig nummer: 2');
    await expect(wizard.getByTestId('review-row-311851381')).toContainText('Mangler Skattegrunnlag');
    await expect(wizard.getByTestId('review-row-310000051')).toContainText('Mangler Regnskapsfører med signeringsrettighet');
    await expect(wizard.getByTestId('review-row-123456789')).toContainText('Kontrollsifferet stemmer ikke');

    await wizard.getByTestId('wizard-next').click();
    await wizard.getByTestId('wizard-save-draft').click();
    // The wizard hands the new draft to the Batches view, opens it there and says so.
    await expect(wizard).toHaveCount(0);
    await expect(page.getByRole('main').getByTestId('batch-name')).toHaveText(`Deleger 1 klient til ${SU_B_TITLE}`);
    await expect(page.getByRole('status').filter({ hasText: 'er lagret med 1 klient.' })).toBeVisible();
  });

  test('removes a delegation through the wizard, and the next sync shows it gone', async ({ page }) => {
    await signedInAndSynced(page);
    await search(page, 'granli');
    await expect(row(page, '212201782').getByRole('gridcell').nth(5)).toContainText(SU_A_TITLE);
    await row(page, '212201782').click();
    await page.getByTestId('clients-remove').click();
    const wizard = page.getByRole('dialog', { name: 'Fjern klienter fra en systemtilgang' });
    await wizard.getByRole('radio', { name: new RegExp(SU_A_TITLE) }).check();
    await wizard.getByTestId('wizard-next').click();
    await expect(wizard.getByRole('radio', { name: 'Valgte i listen (1)' })).toBeChecked();
    await wizard.getByTestId('wizard-next').click();
    await expect(wizard.getByTestId('verdict-ready')).toHaveText('Klar: 1');
    await wizard.getByTestId('wizard-next').click();
    await wizard.getByTestId('wizard-submit').click();
    await expect(page.getByRole('status').filter({ hasText: 'med 1 klient er sendt.' })).toBeVisible();
    await page.getByTestId('nav-clients').click();
    await search(page, 'granli');

    await expect(async () => {
      await page.getByTestId('clients-sync').click();
      await expect(page.getByTestId('clients-sync')).toBeEnabled();
      await expect(row(page, '212201782').getByRole('gridcell').nth(5)).not.toContainText(SU_A_TITLE, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  });

  test('shows a client name with markup as text, never as HTML', async ({ page }) => {
    await signedInAndSynced(page);
    await search(page, 'onerror');
    const name = grid(page).getByTestId('client-name').filter({ hasText: TRICKY_NAME });
    await expect(name).toHaveText(TRICKY_NAME);
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
  });

  test('lists the agent system users with their packages and client counts', async ({ page }) => {
    await signedInAndSynced(page);
    await page.getByTestId('tab-system-users').click();
    const suB = page.getByRole('article', { name: SU_B_TITLE });
    await expect(suB).toContainText('Skattegrunnlag');
    await expect(suB).toContainText('Regnskapsfører med signeringsrettighet');
    await expect(page.getByRole('article', { name: SU_A_TITLE }).getByTestId('system-user-client-count')).toHaveText(/^\d+$/);
  });
});
