// Issue 15, part A: the workstation as a daily tool. One test per numbered point, found by role and label the
// way a user finds things, at the configured 1280×720, against the shared demo world ("ready" preset).
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import Papa from 'papaparse';
import { syntheticOrgNumbers } from '../../shared/domain/orgnr';
import { expect, openApp, signIn, test } from './fixtures';
import { invoke } from './host-api';
import { readyApp, setLanguage, VIEWS } from './views';

const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
const SU_A_TITLE = 'SmartRegnskap – klienter';
const C1 = '313367002';
const C2 = '311851381';
const C6 = '310478717';
const NOT_A_CLIENT = '310000086';
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

const grid = (page: Page) => page.getByRole('grid', { name: 'Klienter' });
const search = (page: Page, text: string) => page.getByRole('searchbox', { name: 'Søk i klienter' }).fill(text);

// The longest spec, and each test starts from `readyApp` or a sign-out of its own: shared out between the
// workers test by test, so neither waits for the other at the end of the run.
test.describe.configure({ mode: 'parallel' });

test.afterEach(async ({ page }) => {
  await setLanguage(page, 'nb');
});

test('1: with nothing selected the wizard chooses nothing, and sending everything filtered asks first', async ({ page }) => {
  await readyApp(page, 'nb');
  await expect(page.getByText('Ingen valgt')).toBeVisible();
  await page.getByRole('button', { name: 'Deleger…' }).click();
  const wizard = page.getByRole('dialog', { name: 'Deleger klienter til en systemtilgang' });
  await expect(wizard.getByText('Foreslått for utvalget')).toHaveCount(0);
  await wizard.getByRole('radio', { name: new RegExp(SU_A_TITLE) }).check();
  await wizard.getByRole('button', { name: 'Neste' }).click();

  // The client step: no source is picked for the user, so Neste leads nowhere yet.
  await expect(wizard.getByRole('radio', { name: /Alle som passer filteret \(300\)/ })).not.toBeChecked();
  await expect(wizard.getByRole('radio', { checked: true })).toHaveCount(0);
  await expect(wizard.getByRole('button', { name: 'Neste' })).toBeDisabled();

  await wizard.getByRole('radio', { name: /Alle som passer filteret/ }).check();
  await wizard.getByRole('button', { name: 'Neste' }).click();
  const ready = Number((await wizard.getByTestId('verdict-ready').textContent())?.replace(/\D/g, ''));
  expect(ready).toBeGreaterThan(0);
  await wizard.getByRole('button', { name: 'Neste' }).click();
  await wizard.getByRole('button', { name: 'Send nå' }).click();

  const confirm = page.getByRole('dialog', { name: new RegExp(`^Deleger ${ready} klienter? til ${SU_A_TITLE}\\?$`) });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: new RegExp(`Send ${ready} klient`) })).toBeVisible();
  // The safe choice has the focus; cancelling sends nothing and leaves the wizard where it was.
  await expect(confirm.getByRole('button', { name: 'Avbryt' })).toBeFocused();
  await confirm.getByRole('button', { name: 'Avbryt' }).click();
  await expect(confirm).toHaveCount(0);
  await expect(wizard.getByRole('button', { name: 'Send nå' })).toBeVisible();
  await wizard.getByRole('button', { name: 'Avbryt' }).click();
  await expect(wizard).toHaveCount(0);
});

test('4: codes are shown by name: claim types, the audit environment, system accesses without UUIDs', async ({ page }) => {
  await readyApp(page, 'nb');
  await page.getByRole('tab', { name: 'Systemtilganger' }).click();
  const card = page.getByRole('article', { name: SU_A_TITLE });
  await expect(card).toContainText('Opprettet');
  expect(await card.textContent()).not.toMatch(UUID);

  await page.getByTestId('nav-claims').click();
  await page.getByRole('radio', { name: 'Organisasjonsnumre jeg skriver inn' }).check();
  await page.getByRole('textbox', { name: 'Organisasjonsnumre' }).fill(C1);
  await page.getByRole('button', { name: 'Hent åpne krav' }).click();
  const c1 = page.getByTestId(`claims-client-${C1}`);
  await expect(c1.getByRole('cell', { name: 'Utskrevet forskuddsskatt' })).toBeVisible({ timeout: 30_000 });
  await expect(c1.getByRole('cell', { name: 'UTSKR_FORSKSKATT' })).toHaveCount(0);

  // The actor flow's client picker names the client, not the seed's short id.
  await page.getByTestId('nav-actorflow').click();
  const picker = page.getByRole('combobox', { name: 'Klient i eksemplet' });
  await expect(picker).toHaveText(/^FJELLBEKK RØRLEGGERSERVICE · 313\s367\s002$/);

  await page.getByTestId('nav-audit').click();
  const firstRow = page.getByRole('row').nth(1);
  await expect(firstRow.getByRole('gridcell', { name: 'Demo', exact: true })).toBeVisible();
  await expect(page.getByRole('gridcell', { name: 'demo', exact: true })).toHaveCount(0);
});

test('5: counts agree in number with their words, in both languages', async ({ page }) => {
  await readyApp(page, 'nb');
  await search(page, 'granli');
  await expect(page.getByTestId('clients-total')).toHaveText('1 klient');
  await expect(page.getByRole('button', { name: 'Velg den ene i filteret' })).toBeVisible();
  await search(page, 'fjordvind');
  await expect(page.getByTestId('clients-total')).toHaveText('2 klienter');
  await search(page, '');
  await expect(page.getByTestId('clients-total')).toHaveText('300 klienter');

  await setLanguage(page, 'en');
  await page.getByRole('searchbox', { name: 'Search clients' }).fill('granli');
  await expect(page.getByTestId('clients-total')).toHaveText('1 client');
  await expect(page.getByRole('button', { name: 'Select the one filtered' })).toBeVisible();
});

test('5: numbers of a thousand and more are grouped the way each language writes them', async ({ page }) => {
  await readyApp(page, 'nb');
  // Valid numbers from a prefix no client of the seed has.
  const generated = syntheticOrgNumbers(97_000_000);
  const numbers = Array.from({ length: 1234 }, () => generated.next().value as string).join('\n');
  await page.getByRole('button', { name: 'Deleger…' }).click();
  let wizard = page.getByRole('dialog', { name: 'Deleger klienter til en systemtilgang' });
  await wizard.getByRole('radio', { name: new RegExp(SU_A_TITLE) }).check();
  await wizard.getByRole('button', { name: 'Neste' }).click();
  await wizard.getByRole('radio', { name: 'Lim inn organisasjonsnumre' }).check();
  await wizard.getByRole('textbox', { name: 'Organisasjonsnumre' }).fill(numbers);
  // Bokmål groups thousands with a (no-break) space: "1 234", never "1234" or "1,234".
  // No lines with errors: the summary does not mention them.
  await expect(wizard.getByText(/^1\s234 organisasjonsnumre funnet$/)).toBeVisible();
  await wizard.getByRole('button', { name: 'Neste' }).click();
  await expect(wizard.getByTestId('verdict-unknown_client')).toHaveText(/^Ikke klient av firmaet: 1\s234$/);
  await wizard.getByRole('button', { name: 'Avbryt' }).click();

  await setLanguage(page, 'en');
  await page.getByRole('button', { name: 'Delegate…' }).click();
  wizard = page.getByRole('dialog', { name: 'Delegate clients to a system access' });
  await wizard.getByRole('radio', { name: /SmartRegnskap – klienter/ }).check();
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('radio', { name: 'Paste organisation numbers' }).check();
  await wizard.getByRole('textbox', { name: 'Organisation numbers' }).fill(numbers);
  await expect(wizard.getByText(/^1,234 organisation numbers found$/)).toBeVisible();
  await wizard.getByRole('button', { name: 'Cancel' }).click();
  await expect(wizard).toHaveCount(0);
});

test('6: a paused batch shows the same counts on its page, in the list and in the status bar', async ({ page, request }) => {
  await invoke(request, 'session.signOut');
  const name = `Samme tall ${Date.now()}`;
  await invoke(request, 'batches.create', {
    name,
    systemUserId: SU_A,
    items: [C1, C2, NOT_A_CLIENT].map((orgNumber) => ({ orgNumber, operation: 'add' })),
    submit: true,
  });
  await openApp(page);
  await page.getByTestId('nav-batches').click();
  const row = page.getByTestId('batch-row').filter({ hasText: name });
  await expect(row.getByTestId('batch-state')).toHaveAttribute('data-state', 'paused');
  const global = page.getByTestId('global-progress');
  await expect(global).toContainText(name);
  await expect(row).toContainText('0 av 3 utført');
  await expect(global).toContainText('0 av 3 utført');
  await row.getByRole('button', { name: `Åpne ${name}` }).click();
  await expect(page.getByRole('main').getByTestId('batch-counts')).toContainText('0 av 3 utført');

  // Signed in, it runs to its end; the page and the list agree on the end too.
  await signIn(page, 'Morten Lie');
  const main = page.getByRole('main');
  await expect(main.getByTestId('batch-state')).toHaveAttribute('data-state', 'completed_with_failures', { timeout: 30_000 });
  await expect(main.getByTestId('batch-counts')).toContainText('2 av 3 utført');
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('nav-batches').click();
  await expect(page.getByTestId('batch-row').filter({ hasText: name })).toContainText('2 av 3 utført');
});

for (const language of ['nb', 'en'] as const) {
  test(`7 (${language}): at 1280×720 no view scrolls sideways and the client grid shows at least 12 whole rows`, async ({ page }) => {
    await readyApp(page, language);
    for (const view of VIEWS) {
      await view.open(page);
      const overflow = await page.evaluate(() => {
        const main = document.querySelector('main');
        const pageWide = document.documentElement.scrollWidth - document.documentElement.clientWidth;
        const mainWide = main ? main.scrollWidth - main.clientWidth : 0;
        return Math.max(pageWide, mainWide);
      });
      expect(overflow, `${view.name} scrolls sideways`).toBeLessThanOrEqual(0);
      await view.close?.(page);
    }

    await page.getByTestId('nav-clients').click();
    const clientGrid = page.getByTestId('client-grid');
    await expect(clientGrid.getByRole('row').nth(12)).toBeVisible();
    // Whole rows between the sticky header and the grid's bottom edge, counted where the person sees them.
    const visibleRows = await clientGrid.evaluate((g) => {
      const header = g.querySelector('[role="row"][aria-rowindex="1"]')!.getBoundingClientRect();
      const frame = g.getBoundingClientRect();
      return [...g.querySelectorAll('[role="row"][aria-rowindex]')].filter((r) => {
        const box = r.getBoundingClientRect();
        return Number(r.getAttribute('aria-rowindex')) > 1 && box.top >= header.bottom - 1 && box.bottom <= frame.bottom + 1;
      }).length;
    });
    expect(visibleRows).toBeGreaterThanOrEqual(12);
    // The grid itself does not scroll sideways at this size either: every column fits.
    expect(await clientGrid.evaluate((g) => g.scrollWidth - g.clientWidth)).toBeLessThanOrEqual(0);
  });
}

test('7: several system users show as a chip and "+1", columns resize from the keyboard, the placeholder is whole', async ({ page }) => {
  await readyApp(page, 'nb');
  // c1 is delegated to both system accesses: the first by name, the other as "+1", both named on hover.
  await search(page, 'fjellbekk');
  const c1 = page.getByTestId(`client-row-${C1}`);
  await expect(c1.getByTestId('delegated-more')).toHaveText('+1');
  await expect(c1.getByTestId('delegated-more')).toHaveAccessibleName(
    /SmartRegnskap – klienter.*SmartRegnskap – skatt|SmartRegnskap – skatt.*SmartRegnskap – klienter/,
  );

  // A column can be made wider from the keyboard.
  const handle = page.getByRole('separator', { name: 'Endre bredden på Navn' });
  const before = Number(await handle.getAttribute('aria-valuenow'));
  await handle.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await page.getByRole('columnheader', { name: 'Navn' }).boundingBox())!.width).toBeGreaterThan(before + 20);

  // The search placeholder is shown whole.
  const box = page.getByRole('searchbox', { name: 'Søk i klienter' });
  await box.fill('');
  expect(await box.evaluate((el: HTMLInputElement) => el.scrollWidth <= el.clientWidth)).toBe(true);
});

/** The screen's text without the audit log's Details cells, which the main process words (issue 15 part B). */
const rendererText = (page: Page) =>
  page.evaluate(() => {
    const copy = document.body.cloneNode(true) as HTMLElement;
    copy.querySelectorAll('[data-testid="audit-row"] [role="gridcell"]:last-child').forEach((c) => c.remove());
    return copy.textContent ?? '';
  });

test('9: bokmål says "systemtilgang" on every view, never "systembruker"', async ({ page }) => {
  await readyApp(page, 'nb');
  for (const view of VIEWS) {
    await view.open(page);
    const text = await rendererText(page);
    expect(text, view.name).not.toMatch(/systembruker/i);
    await view.close?.(page);
  }
  await setLanguage(page, 'en');
  for (const view of VIEWS) {
    await view.open(page);
    expect(await rendererText(page), view.name).not.toMatch(/system user/i);
    await view.close?.(page);
  }
});

test('10: claims for an org number that is not a client say so, without a button to delegate it', async ({ page }) => {
  await readyApp(page, 'nb');
  await page.getByTestId('nav-claims').click();
  await page.getByRole('radio', { name: 'Organisasjonsnumre jeg skriver inn' }).check();
  await page.getByRole('textbox', { name: 'Organisasjonsnumre' }).fill(`${NOT_A_CLIENT} ${C6}`);
  await page.getByRole('button', { name: 'Hent åpne krav' }).click();
  const stranger = page.getByTestId(`claims-client-${NOT_A_CLIENT}`);
  await expect(stranger).toContainText('Ikke klient av firmaet', { timeout: 30_000 });
  await expect(stranger.getByRole('button', { name: 'Deleger klienten' })).toHaveCount(0);
  await expect(stranger).not.toContainText('Ikke delegert');
  // A real client that is not delegated still gets the way to delegate it.
  await expect(page.getByTestId(`claims-client-${C6}`).getByRole('button', { name: 'Deleger klienten' })).toBeVisible();
});

test.describe('11: accessibility', () => {
  test('the AND-rule warning has a name, Shift-click on checkboxes picks the range, focus is seen', async ({ page }) => {
    await readyApp(page, 'nb');
    await expect(
      grid(page)
        .getByRole('img', { name: /vil avvise denne klienten: mangler/ })
        .first(),
    ).toBeVisible();

    const boxes = grid(page).getByRole('checkbox');
    await boxes.nth(1).check();
    await boxes.nth(5).click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('clients-selection-count')).toHaveText('5 valgt');
    await page.getByRole('button', { name: 'Fjern valget' }).click();

    await page.getByRole('button', { name: 'Synkroniser' }).focus();
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const s = getComputedStyle(document.activeElement!);
      return { width: parseFloat(s.outlineWidth), style: s.outlineStyle };
    });
    expect(outline.style).not.toBe('none');
    expect(outline.width).toBeGreaterThanOrEqual(2);
  });

  test('date filters are written the bokmål way', async ({ page }) => {
    await openApp(page);
    await page.getByTestId('nav-audit').click();
    const from = page.getByRole('textbox', { name: 'Fra dato' });
    await expect(from).toHaveAttribute('placeholder', 'dd.mm.åååå');
    await from.fill('31.02.2026');
    await expect(page.getByText('Skriv datoen som dd.mm.åååå')).toBeVisible();
    await from.fill('01.01.2020');
    await expect(page.getByText('Skriv datoen som dd.mm.åååå')).toHaveCount(0);
    await page.getByRole('button', { name: 'Nullstill' }).click();
    await expect(from).toHaveValue('');
  });

  test('signed out in an environment with no clients, Export, Delegate and Remove are off', async ({ page, request }) => {
    await invoke(request, 'session.signOut');
    await openApp(page);
    await page.getByTestId('nav-settings').click();
    await page.getByRole('radio', { name: 'Test (TT02)' }).click();
    try {
      await page.getByTestId('nav-clients').click();
      await expect(page.getByTestId('clients-total')).toHaveText('0 klienter');
      for (const name of ['Eksporter CSV', 'Deleger…', 'Fjern…']) await expect(page.getByRole('button', { name })).toBeDisabled();
    } finally {
      await page.getByTestId('nav-settings').click();
      await page.getByRole('radio', { name: 'Demo' }).click();
      await expect(page.getByText('Miljø: Demo')).toBeVisible();
    }
  });
});

test('8: exports speak the screen’s language and local time, beside machine columns that are the same in both', async ({ page }) => {
  await openApp(page);
  await signIn(page, 'Morten Lie');
  const exported = async (): Promise<string[][]> => {
    await page.getByTestId('nav-audit').click();
    await expect(page.getByTestId('audit-row').first()).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByTestId('audit-export').click();
    const text = readFileSync(await (await download).path(), 'utf8').replace(/^\uFEFF/, '');
    return Papa.parse<string[]>(text.trim(), { skipEmptyLines: true }).data;
  };
  const nb = await exported();
  await setLanguage(page, 'en');
  const en = await exported();

  const [nbHeader, enHeader] = [nb[0]!, en[0]!];
  expect(nbHeader.length).toBe(enHeader.length);
  const human = nbHeader.flatMap((h, i) => (h !== enHeader[i] ? [i] : []));
  const machine = nbHeader.flatMap((h, i) => (h === enHeader[i] ? [i] : []));
  // Machine columns keep one header in every language; the human ones are worded for the reader.
  expect(machine.length).toBeGreaterThan(3);
  expect(human.length).toBeGreaterThan(3);
  for (const i of machine) expect(nbHeader[i]).toMatch(/^[a-z0-9_]+$/);
  const humanCells = nb.slice(1).flatMap((row) => human.map((i) => row[i] ?? ''));
  expect(humanCells.length).toBeGreaterThan(0);
  // No UTC stamps, raw action codes or system-user UUIDs where a person reads.
  for (const cell of humanCells) {
    expect(cell).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(\.\d+)?Z/);
    expect(cell).not.toMatch(UUID);
    expect(cell).not.toMatch(/^[a-z]+\.[a-zA-Z]+$/);
  }
  expect(humanCells.join(' ')).toMatch(/Logget inn|Synkroniser|Legg til|Klient/);
});
