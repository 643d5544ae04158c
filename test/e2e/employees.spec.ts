// Employees in Chromium, against the embedded demo world ("ready" preset: Kari is an agent for c2 and c3):
// add an employee, give Kari a client package through the wizard, see it under the client's "who has access",
// take it back, and find every step in the audit log. The spec leaves the shared world as it found it.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { readyApp } from './views';

const C4 = '314055403';
const C4_NAME = 'SOLSIDEN KAFÉ';
const RF_UTEN = 'Regnskapsfører uten signeringsrettighet';

async function openEmployees(page: Page): Promise<void> {
  await page.getByTestId('nav-employees').click();
  await expect(page.getByRole('heading', { name: 'Ansatte', level: 2 })).toBeVisible();
}

/** The wizard for Kari with "Regnskapsfører uten signeringsrettighet", for C4 pasted, sent at once. */
async function kariBatch(page: Page, operation: 'add' | 'remove'): Promise<void> {
  await page.getByTestId('nav-clients').click();
  await page.getByTestId(operation === 'add' ? 'clients-delegate' : 'clients-remove').click();
  const wizard = page.getByRole('dialog', { name: operation === 'add' ? 'Deleger klienter til en systemtilgang' : /Fjern/ });
  const target = wizard.getByTestId('employee-target');
  await target.getByRole('combobox', { name: 'Ansatt' }).click();
  await page.getByRole('option', { name: 'Kari Nordby' }).click();
  await target.getByRole('checkbox', { name: RF_UTEN }).check();
  await expect(target.getByRole('status')).toContainText('Valgt: Kari Nordby (regnskapsforer-uten-signeringsrettighet)');
  await wizard.getByTestId('wizard-next').click();
  await wizard.getByRole('radio', { name: 'Lim inn organisasjonsnumre' }).check();
  await wizard.getByTestId('wizard-paste').fill(C4);
  await wizard.getByTestId('wizard-next').click();
  await expect(wizard.getByTestId('verdict-ready')).toHaveText('Klar: 1');
  await wizard.getByTestId('wizard-next').click();
  await wizard.getByTestId('wizard-submit').click();
  await expect(page.getByRole('main').getByTestId('batch-state')).toHaveAttribute('data-state', 'completed', { timeout: 30_000 });
}

async function whoHasAccess(page: Page): Promise<ReturnType<Page['getByTestId']>> {
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('client-search').fill('solsiden');
  await page.getByTestId(`client-row-${C4}`).click();
  await page.getByTestId('client-access-open').click();
  const dialog = page.getByRole('dialog', { name: `Hvem har tilgang til ${C4_NAME}` });
  await expect(dialog.getByTestId('client-access-holder').first()).toBeVisible();
  return dialog.getByTestId('client-access-list');
}

async function closeAccess(page: Page): Promise<void> {
  await page
    .getByRole('dialog', { name: /Hvem har tilgang/ })
    .getByRole('button', { name: 'Lukk' })
    .click();
}

test('an employee is added, Kari gets and loses a client package, and the audit log has each step', async ({ page }) => {
  await readyApp(page, 'nb');

  await openEmployees(page);
  const table = page.getByTestId('employees-table');
  await expect(table.getByTestId('employee-row').filter({ hasText: 'Kari Nordby' }).getByTestId('employee-client-count')).toHaveText('2');

  await page.getByTestId('employee-add').click();
  const add = page.getByRole('dialog', { name: 'Legg til en ansatt som agent' });
  await add.getByTestId('employee-identifier').fill('118892 10055');
  await add.getByTestId('employee-last-name').fill('Haugen');
  await add.getByTestId('employee-add-submit').click();
  await expect(add.getByText('Kontrollsifrene stemmer ikke – fødselsnummeret har en skrivefeil.')).toBeVisible();
  await add.getByTestId('employee-identifier').fill('118892 10054');
  await add.getByTestId('employee-add-submit').click();
  await expect(page.getByRole('status').filter({ hasText: 'Ingrid Haugen er lagt til som agent.' })).toBeVisible();
  await expect(table.getByTestId('employee-row').filter({ hasText: 'Ingrid Haugen' })).toBeVisible();

  await kariBatch(page, 'add');
  const holders = await whoHasAccess(page);
  const kari = holders.getByTestId('client-access-holder').filter({ hasText: 'Kari Nordby' });
  await expect(kari).toContainText('Ansatt');
  await expect(kari).toContainText(RF_UTEN);
  await expect(holders.getByTestId('client-access-holder').filter({ hasText: 'Systemtilgang' }).first()).toBeVisible();
  await closeAccess(page);

  await kariBatch(page, 'remove');
  const after = await whoHasAccess(page);
  await expect(after.getByTestId('client-access-holder').filter({ hasText: 'Kari Nordby' })).toHaveCount(0);
  await closeAccess(page);

  await openEmployees(page);
  await table.getByRole('button', { name: 'Fjern… Ingrid Haugen' }).click();
  const remove = page.getByRole('dialog', { name: 'Fjerne Ingrid Haugen som agent?' });
  await expect(remove.getByText('Ingrid Haugen har ingen klienttilganger. Bare agentrollen fjernes.')).toBeVisible();
  await remove.getByTestId('employee-remove-confirm').click();
  await expect(page.getByRole('status').filter({ hasText: 'Ingrid Haugen er fjernet som agent.' })).toBeVisible();
  await expect(table.getByTestId('employee-row').filter({ hasText: 'Ingrid Haugen' })).toHaveCount(0);

  await page.getByTestId('nav-audit').click();
  const rows = page.getByTestId('audit-row');
  await page.getByTestId('audit-search').fill('Haugen');
  await expect(rows.filter({ hasText: 'Ansatt lagt til som agent' }).filter({ hasText: 'Utført' })).toHaveCount(1);
  await expect(rows.filter({ hasText: 'Ansatt fjernet som agent' }).filter({ hasText: 'Utført' })).toHaveCount(1);
  await page.getByTestId('audit-search').fill(C4);
  await expect(rows.filter({ hasText: 'Legg til klient' }).filter({ hasText: 'Utført' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: 'Fjern klient' }).filter({ hasText: 'Utført' }).first()).toBeVisible();
});
