// Batches and the audit log in Chromium, against the embedded demo world ("ready" preset).
import type { Page } from '@playwright/test';
import { writeBatchFile } from '../../electron/features/batches/batch-file';
import { expect, openApp, signIn, test } from './fixtures';
import { invoke } from './host-api';

const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
// Already delegated to SU-A in the preset: adding them again succeeds without changing the shared world.
const C1 = '313367002';
const C2 = '311851381';
// Never sent (its batch is for another environment).
const C6 = '310478717';
const NOT_A_CLIENT = '310000086';

async function openBatches(page: Page): Promise<void> {
  await page.getByTestId('nav-batches').click();
  await expect(page.getByRole('heading', { name: 'Bunker' })).toBeVisible();
}

async function importThroughDialog(page: Page, name: string, content: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByTestId('batch-import').click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
}

test.describe('batches', () => {
  test('a batch submitted while signed out waits, resumes on sign-in, and shows each failure in plain words', async ({ page, request }) => {
    await invoke(request, 'session.signOut');
    const name = `Høstens klienter ${Date.now()}`;
    await invoke(request, 'batches.create', {
      name,
      systemUserId: SU_A,
      items: [C1, C2, NOT_A_CLIENT].map((orgNumber) => ({ orgNumber, operation: 'add' })),
      submit: true,
    });
    await openApp(page);
    await openBatches(page);

    const row = page.getByTestId('batch-row').filter({ hasText: name });
    await expect(row.getByTestId('batch-state')).toHaveAttribute('data-state', 'paused');
    await expect(row).toContainText('ikke innlogget');
    // Visible from any view: the status bar's indicator with resume and cancel.
    const global = page.getByTestId('global-progress');
    await expect(global).toContainText(name);
    await expect(global.getByTestId('batch-resume')).toBeVisible();
    await expect(global.getByTestId('batch-cancel')).toBeVisible();

    await row.getByRole('button', { name: `Åpne ${name}` }).click();
    const main = page.getByRole('main');
    await expect(main.getByTestId('batch-name')).toHaveText(name);
    await expect(main.getByTestId('batch-resume')).toBeVisible();

    await signIn(page, 'Morten Lie');
    await expect(main.getByTestId('batch-state')).toHaveAttribute('data-state', 'completed_with_failures', { timeout: 30_000 });
    await expect(main.getByTestId('batch-retryFailed')).toBeVisible();
    await expect(main.getByTestId('batch-counts')).toContainText('2 av 3 utført · 1 feilet');

    await main.getByRole('combobox', { name: 'Vis' }).click();
    await page.getByRole('option', { name: 'Feilet' }).click();
    const failed = page.getByTestId('batch-item');
    await expect(failed).toHaveCount(1);
    await expect(failed).toContainText('310 000 086');
    await expect(failed).toContainText('Ikke en av firmaets klienter.');
    await page.getByRole('button', { name: 'Vis kode og korrelasjons-ID for 310 000 086' }).click();
    // Altinn's client list settles it before anything is sent, so the code is Klientdesk's, not a refused call's.
    await expect(page.getByText('UNKNOWN_CLIENT').last()).toBeVisible();

    const download = page.waitForEvent('download');
    await page.getByTestId('batch-report').click();
    expect((await download).suggestedFilename()).toMatch(/^klientdesk-batch-.*\.csv$/);
  });

  test('an imported batch for another environment waits in the queue; pause and resume are one click', async ({ page }) => {
    await openApp(page);
    await openBatches(page);
    const name = `Fra kollega ${Date.now()}`;
    const file = writeBatchFile(
      { name, environment: 'test', systemUserId: SU_A, systemUserTitle: 'SmartRegnskap – klienter' },
      [{ orgNumber: C6, operation: 'add', partyUuid: `00000000-0000-4000-8000-000${C6}`, name: 'KYSTLINJE FOTO' }],
      { by: 'Kari Nordby', at: new Date() },
    );
    await importThroughDialog(page, file.filename, file.content);
    await expect(page.getByText(`Importerte «${name}» som utkast.`)).toBeVisible();

    await page.getByRole('button', { name: `Åpne ${name}` }).click();
    await expect(page.getByText('Bunken er for miljøet test')).toBeVisible();
    // The detail's own buttons; the status bar's indicator carries the same ones for the batch it shows.
    const main = page.getByRole('main');
    await main.getByTestId('batch-submit').click();
    const state = main.getByTestId('batch-state');
    await expect(state).toHaveAttribute('data-state', 'queued');
    await main.getByTestId('batch-pause').click();
    await expect(state).toHaveAttribute('data-state', 'paused');
    await expect(state).toContainText('pauset av deg');
    await main.getByTestId('batch-resume').click();
    await expect(state).toHaveAttribute('data-state', 'queued');
    await main.getByTestId('batch-cancel').click();
    await page.getByTestId('confirm-cancel').click();
    await expect(state).toHaveAttribute('data-state', 'cancelled');
  });

  test('a draft takes clients from a CSV file after the wizard’s review, and gives them up again', async ({ page, request }) => {
    await openApp(page);
    await signIn(page, 'Morten Lie');
    // The review reads the local copy, so it needs one.
    await invoke(request, 'clients.sync');
    const name = `Fra fil til utkast ${Date.now()}`;
    await invoke(request, 'batches.create', { name, systemUserId: SU_A, items: [{ orgNumber: C2, operation: 'add' }], submit: false });
    await openBatches(page);
    await page.getByRole('button', { name: `Åpne ${name}` }).click();
    const main = page.getByRole('main');

    await main.getByTestId('draft-add').click();
    const dialog = page.getByRole('dialog', { name: `Legg til klienter i «${name}»` });
    await dialog.getByRole('radio', { name: 'Fra fil (CSV eller tekst)' }).check();
    const csv = `orgnr;navn\n310 478 717;KYSTLINJE FOTO\n${C1};FJELLBEKK\n${NOT_A_CLIENT};Ukjent\n12345678;Feil\n`;
    await dialog.getByTestId('draft-file').setInputFiles({ name: 'klienter.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await expect(dialog.getByText('3 organisasjonsnumre funnet, 1 linje med feil')).toBeVisible();
    await expect(dialog.getByRole('list', { name: 'Linjer med feil' })).toContainText('Linje 5: 12345678');
    await dialog.getByTestId('draft-check').click();
    await expect(dialog.getByTestId('verdict-ready')).toHaveText('Klar: 1');
    await expect(dialog.getByTestId('verdict-already_done')).toHaveText('Allerede delegert: 1');
    await expect(dialog.getByTestId('verdict-unknown_client')).toHaveText('Ikke klient av firmaet: 1');
    await expect(dialog.getByTestId('verdict-invalid_number')).toHaveText('Ugyldig nummer: 1');
    await dialog.getByTestId('draft-add-ready').click();
    await expect(main.getByTestId('batch-item')).toHaveCount(2);
    await expect(main.getByTestId('batch-items')).toContainText('310 478 717');

    await main.getByRole('checkbox', { name: 'Velg alle viste klienter' }).check();
    await main.getByTestId('draft-remove').click();
    await expect(main.getByText('Fjernet 2 klienter fra utkastet.')).toBeVisible();
    await expect(main.getByText('Ingen klienter med denne statusen.')).toBeVisible();
  });

  test('a batch is exported as a file and imported back through the host’s file routes', async ({ page, request }) => {
    await openApp(page);
    const name = `Rundtur ${Date.now()}`;
    const orgs = [C1, C2, C6];
    await invoke(request, 'batches.create', {
      name,
      systemUserId: SU_A,
      items: orgs.map((orgNumber) => ({ orgNumber, operation: 'add' })),
      submit: false,
    });
    await openBatches(page);
    await page.getByRole('button', { name: `Åpne ${name}` }).click();
    const download = page.waitForEvent('download');
    await page.getByRole('main').getByTestId('batch-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^klientdesk-rundtur-\d+-\d{4}-\d{2}-\d{2}\.json$/);

    await page.getByRole('button', { name: 'Alle bunker' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByTestId('batch-import').click();
    await (await chooser).setFiles(await file.path());
    await expect(page.getByText(`Importerte «${name}» som utkast.`)).toBeVisible();
    const copies = (await invoke<{ id: string; name: string }[]>(request, 'batches.list')).filter((b) => b.name === name);
    expect(copies).toHaveLength(2);
    for (const copy of copies) {
      const { items } = await invoke<{ items: { orgNumber: string }[] }>(request, 'batches.get', { id: copy.id });
      expect(items.map((i) => i.orgNumber).sort()).toEqual([...orgs].sort());
    }
  });

  test('a broken batch file is refused line by line and nothing is imported', async ({ page, request }) => {
    await openApp(page);
    await openBatches(page);
    const before = (await invoke<unknown[]>(request, 'batches.list')).length;
    const good = writeBatchFile(
      { name: 'Ødelagt', environment: 'demo', systemUserId: SU_A, systemUserTitle: '' },
      [{ orgNumber: C6, operation: 'add', partyUuid: `00000000-0000-4000-8000-000${C6}`, name: null }],
      { by: 'x', at: new Date() },
    );
    await importThroughDialog(page, 'broken.json', good.content.replace('"operation":"add"', '"operation";"add"'));
    const errors = page.getByTestId('import-errors');
    await expect(errors).toContainText('Linje 11');
    await expect(errors).toContainText('Ingenting er importert');
    expect((await invoke<unknown[]>(request, 'batches.list')).length).toBe(before);
  });
});

test.describe('the audit log', () => {
  test('filters by text and action, and exports what it shows', async ({ page, request }) => {
    await openApp(page);
    await signIn(page, 'Morten Lie');
    await invoke(request, 'batches.create', {
      name: `Revisjon ${Date.now()}`,
      systemUserId: SU_A,
      items: [{ orgNumber: NOT_A_CLIENT, operation: 'add' }],
      submit: true,
    });
    await page.getByTestId('nav-audit').click();
    await expect(page.getByRole('heading', { name: 'Revisjonslogg' })).toBeVisible();
    await expect(page.getByTestId('audit-row').first()).toBeVisible();

    await page.getByTestId('audit-search').fill('310 000 086');
    await page.getByRole('combobox', { name: 'Handling' }).click();
    await page.getByRole('option', { name: 'Legg til klient' }).click();
    await expect(page.getByTestId('audit-row').first()).toContainText('UNKNOWN_CLIENT', { timeout: 15_000 });
    // The stored outcome code is shown in the reader's language.
    await expect(page.getByTestId('audit-row').first()).toContainText('Feilet');
    const rows = page.getByTestId('audit-row');
    for (const text of await rows.allTextContents()) expect(text).toContain('310 000 086');

    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^klientdesk-audit-\d{4}-\d{2}-\d{2}\.csv$/);
  });
});
