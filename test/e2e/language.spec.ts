// One language per screen (issue 15, point 3): errors from the main process and the audit log's details are
// worded by the renderer. Every view is rendered in bokmål after provoking refusals, and none of the main
// process's English sentences may be on screen; in English, none of the bokmål ones.
import { E2E_WORLD_HEADERS } from '../../playwright.config';
import { invoke, invokeResult } from './host-api';
import { bokmalSentences, mainProcessEnglish, setLanguage, shownOf, VIEW_IDS } from './words';
import { expect, openApp, signIn, test } from './fixtures';
import type { Page } from '@playwright/test';

const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
const NOT_A_CLIENT = '310000086';

async function refusedSync(page: Page, name: RegExp, closeLabel: string, syncLabel: string): Promise<void> {
  await signIn(page, 'Kari Nordby');
  await page.getByRole('dialog').getByRole('button', { name: closeLabel }).click();
  await page.getByTestId('nav-clients').click();
  await page.getByRole('button', { name: syncLabel, exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: name }).first()).toBeVisible({ timeout: 30_000 });
}

async function everyViewShowsNone(page: Page, phrases: readonly string[]): Promise<void> {
  for (const id of VIEW_IDS) {
    await page.getByTestId(`nav-${id}`).click();
    await expect(page.getByRole('main').getByRole('heading').first()).toBeVisible();
    // Whatever the view loads has arrived (no progress bar left) before the screen is read.
    await expect(page.getByRole('main').getByRole('progressbar')).toHaveCount(0, { timeout: 15_000 });
    expect(await shownOf(page, phrases), `view ${id}`).toEqual([]);
  }
}

test.describe('one language per screen', () => {
  let admin: string | null = null;
  test.afterEach(async ({ request }) => {
    // Later specs get a reachable world and bokmål, whatever happened here.
    if (admin) await request.delete(`${admin}/faults`, { headers: E2E_WORLD_HEADERS });
    await invoke(request, 'settings.update', { language: 'nb' });
  });

  test('in bokmål, no English sentence from the main process shows on any view, refusals included', async ({ page, request }) => {
    const english = mainProcessEnglish();
    expect(english.some((s) => s.startsWith('You do not have the Client administrator right for this firm'))).toBe(true);
    await openApp(page);
    await refusedSync(page, /Du har ikke rettigheten Klientadministrator/, 'Lukk', 'Synkroniser');
    expect(await shownOf(page, english)).toEqual([]);
    // The code is one click away, not in the sentence.
    const alert = page.getByRole('alert').filter({ hasText: 'Synkroniseringen feilet' });
    await alert.getByRole('button', { name: 'Detaljer' }).click();
    await expect(alert.getByTestId('error-details')).toContainText('NO_CLIENT_ADMIN');
    await expect(alert.getByTestId('error-details')).toContainText('Altinn');

    // A batch with a client that is not the firm's; a bad org number for a draft is refused by code.
    await signIn(page, 'Morten Lie');
    await invoke(request, 'batches.create', {
      name: `Språk ${Date.now()}`,
      systemUserId: SU_A,
      items: [{ orgNumber: NOT_A_CLIENT, operation: 'add' }],
      submit: true,
    });
    const refused = await invokeResult(request, 'batches.create', {
      name: 'Feil',
      systemUserId: SU_A,
      items: [{ orgNumber: '123456789', operation: 'add' }],
      submit: false,
    });
    expect(refused.ok ? null : refused.error.code).toBe('BATCH_INVALID_ITEMS');
    // Altinn refusing every call (the demo admin's faults): a plain sentence, the status code only in the details.
    const settings = await invoke<{ environments: { demo: { urls: Record<string, string> } } }>(request, 'settings.get');
    admin = settings.environments.demo.urls.demoAdmin!.replace(/\/$/, '');
    await request.put(`${admin}/faults`, { headers: E2E_WORLD_HEADERS, data: [{ service: 'altinn', errorRate: 1, errorStatuses: [400] }] });
    await page.getByTestId('nav-clients').click();
    await page.getByRole('button', { name: 'Synkroniser', exact: true }).click();
    const failed = page.getByRole('alert').filter({ hasText: 'Synkroniseringen feilet' });
    await expect(failed).toContainText('Altinn godtok ikke forespørselen.', { timeout: 30_000 });
    await expect(failed).not.toContainText('HTTP_400');
    await failed.getByRole('button', { name: 'Detaljer' }).click();
    await expect(failed.getByTestId('error-details')).toContainText('400');
    expect(await shownOf(page, english)).toEqual([]);
    await request.delete(`${admin}/faults`, { headers: E2E_WORLD_HEADERS });

    await everyViewShowsNone(page, english);
  });

  test('in English, no bokmål error or audit sentence shows on any view', async ({ page, request }) => {
    await openApp(page);
    await setLanguage(request, page, 'en');
    await refusedSync(page, /You do not have the Client administrator right/, 'Close', 'Sync');
    const bokmal = bokmalSentences();
    expect(await shownOf(page, bokmal)).toEqual([]);
    await everyViewShowsNone(page, bokmal);
  });
});
