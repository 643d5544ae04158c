// Planning on a train: with the demo world unreachable, a draft is made in the wizard, edited in the batch
// detail, submitted (it waits as offline), and sent once the world answers again. The local client list follows
// without a sync, and the audit log has each client. The world is made unreachable through its loopback admin
// API (electron/demo/README.md), whose address Settings show.
import type { APIRequestContext, Page } from '@playwright/test';
import { formatOrgNumber } from '../../shared/domain/orgnr';
import { E2E_WORLD_HEADERS } from '../../playwright.config';
import { expect, openApp, signIn, test } from './fixtures';
import { invoke } from './host-api';

const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
const SU_A_TITLE = 'SmartRegnskap – klienter';
// Every service of the world drops every connection: to Klientdesk it is as if the network were gone.
const UNREACHABLE = [{ service: '*', dropRate: 1 }];

async function demoAdmin(request: APIRequestContext): Promise<string> {
  const settings = await invoke<{ environments: { demo: { urls: Record<string, string> } } }>(request, 'settings.get');
  const url = settings.environments.demo.urls.demoAdmin;
  if (!url) throw new Error('settings.get gave no demo admin address; is the Demo environment active?');
  return url.replace(/\/$/, '');
}

/**
 * Three generated clients (the 32… block, which no other spec uses) that SU-A does not have and that pass its
 * AND rule, so the batch changes nothing another spec relies on.
 */
async function readyClients(request: APIRequestContext): Promise<[string, string, string]> {
  const candidates = await invoke<string[]>(request, 'clients.matchingOrgNumbers', {
    query: { systemUserId: SU_A, delegated: 'no' },
  });
  const review = await invoke<{ orgNumber: string; verdict: string }[]>(request, 'batches.review', {
    systemUserId: SU_A,
    operation: 'add',
    orgNumbers: candidates.filter((o) => o.startsWith('32')).slice(0, 50),
  });
  const ready = review.filter((r) => r.verdict === 'ready').map((r) => r.orgNumber);
  expect(ready.length, 'generated clients ready for SU-A').toBeGreaterThanOrEqual(3);
  return [ready[0]!, ready[1]!, ready[2]!];
}

const statusBarSays = (page: Page, text: string) => expect(page.getByTestId('status-online')).toContainText(text, { timeout: 30_000 });

test.describe('offline', () => {
  let admin: string | null = null;
  test.afterEach(async ({ request }) => {
    // Whatever happened, later specs get a reachable world.
    if (admin) await request.delete(`${admin}/faults`, { headers: E2E_WORLD_HEADERS });
  });

  test('a draft is made and edited while the world is unreachable, waits when submitted, and is sent once it answers', async ({
    page,
    request,
  }) => {
    await openApp(page);
    if (!(await page.getByTestId('session-button').textContent())?.includes('Morten Lie')) await signIn(page, 'Morten Lie');
    await page.getByTestId('clients-sync').click();
    await expect(page.getByTestId('clients-last-sync')).toContainText('Sist synkronisert', { timeout: 30_000 });
    const [first, second, third] = await readyClients(request);

    admin = await demoAdmin(request);
    expect((await request.put(`${admin}/faults`, { headers: E2E_WORLD_HEADERS, data: UNREACHABLE })).ok()).toBe(true);
    await statusBarSays(page, 'Frakoblet');

    // The batch list's "New draft" opens the wizard with the client list behind it.
    await page.getByTestId('nav-batches').click();
    await page.getByTestId('batch-new-draft').click();
    const wizard = page.getByRole('dialog', { name: 'Deleger klienter til en systemtilgang' });
    await wizard.getByRole('radio', { name: new RegExp(SU_A_TITLE) }).check();
    await wizard.getByTestId('wizard-next').click();
    await wizard.getByRole('radio', { name: 'Lim inn organisasjonsnumre' }).check();
    await wizard.getByTestId('wizard-paste').fill(`${first}\n${second}`);
    await wizard.getByTestId('wizard-next').click();
    await expect(wizard.getByTestId('verdict-ready')).toHaveText('Klar: 2');
    await wizard.getByTestId('wizard-next').click();
    const name = `På toget ${Date.now()}`;
    await wizard.getByLabel('Navn på bunken').fill(name);
    await expect(wizard.getByTestId('wizard-submit')).toBeDisabled();
    await wizard.getByTestId('wizard-save-draft').click();

    // The wizard hands over to the Batches view, with the new draft open and a note saying so.
    await expect(wizard).toHaveCount(0);
    const main = page.getByRole('main');
    await expect(main.getByTestId('batch-name')).toHaveText(name);
    await expect(page.getByRole('status').filter({ hasText: `Utkastet «${name}» er lagret med 2 klienter.` })).toBeVisible();
    await expect(main.getByTestId('batch-state')).toHaveAttribute('data-state', 'draft');

    // Add a client: one new, one already in the draft, one line that is not a number.
    await main.getByTestId('draft-add').click();
    const add = page.getByRole('dialog', { name: `Legg til klienter i «${name}»` });
    await add.getByTestId('draft-paste').fill(`${formatOrgNumber(third)}\n${first}\nhello`);
    await expect(add.getByText('2 organisasjonsnumre funnet, 1 linje med feil')).toBeVisible();
    await add.getByTestId('draft-check').click();
    await expect(add.getByTestId('verdict-ready')).toHaveText('Klar: 1');
    await expect(add.getByTestId(`review-row-${first}`)).toContainText('Allerede i utkastet');
    await expect(add.getByTestId('review-row-hello')).toContainText('Ingen organisasjonsnummer på linjen');
    await add.getByTestId('draft-add-ready').click();
    await expect(add).toHaveCount(0);
    await expect(main.getByTestId('batch-note')).toHaveText('La til 1 klient i utkastet.');
    await expect(main.getByTestId('batch-item')).toHaveCount(3);

    // Remove one, chosen with the keyboard.
    const removeButton = main.getByTestId('draft-remove');
    await expect(removeButton).toBeDisabled();
    await main.getByRole('checkbox', { name: `Velg ${formatOrgNumber(second)}` }).focus();
    await page.keyboard.press('Space');
    await expect(removeButton).toHaveText('Fjern fra utkastet (1)');
    await removeButton.click();
    await expect(main.getByTestId('batch-note')).toHaveText('Fjernet 1 klient fra utkastet.');
    await expect(main.getByTestId('batch-item')).toHaveCount(2);
    await expect(main.getByTestId('batch-items')).not.toContainText(formatOrgNumber(second));

    // Submitted while unreachable, it waits as offline and sends nothing.
    await main.getByTestId('batch-submit').click();
    const state = main.getByTestId('batch-state');
    await expect(state).toHaveAttribute('data-state', 'paused');
    await expect(state).toContainText('frakoblet');
    await expect(main.getByTestId('batch-counts')).toContainText('0 av 2 utført · 0 feilet · 2 venter');
    await statusBarSays(page, 'Frakoblet');

    // The world answers again: the app notices by itself, and the batch goes on without a click.
    expect((await request.delete(`${admin}/faults`, { headers: E2E_WORLD_HEADERS })).ok()).toBe(true);
    await statusBarSays(page, 'Tilkoblet');
    await expect(state).toHaveAttribute('data-state', 'completed', { timeout: 40_000 });
    await expect(main.getByTestId('batch-counts')).toContainText('2 av 2 utført · 0 feilet');

    // The client list shows the new delegation from its local copy, without a sync.
    await page.getByTestId('nav-clients').click();
    await page.getByLabel('Søk i klienter').fill(third);
    await expect(page.getByTestId(`client-row-${third}`).getByRole('gridcell').nth(5)).toContainText(SU_A_TITLE);

    // And the audit log names each client that was sent.
    await page.getByTestId('nav-audit').click();
    for (const org of [first, third]) {
      await page.getByTestId('audit-search').fill(formatOrgNumber(org));
      await expect(page.getByTestId('audit-row').first()).toContainText('Legg til klient');
      await expect(page.getByTestId('audit-row').first()).toContainText(formatOrgNumber(org));
    }
  });
});
