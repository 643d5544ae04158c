// The actor-flow view in Chromium through the browser host, against the host's in-process demo world:
// the whole example by keyboard, every failure case, and the saved HAR file. Nothing secret may reach the page.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const FIRM_ISO = '0192:310000027';
const CLIENT = '313367002';
const COMPACT_JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/;

test.describe.configure({ mode: 'serial' });

async function openActorFlow(page: Page): Promise<void> {
  await openApp(page);
  await page.getByTestId('nav-actorflow').click();
  await expect(page.getByRole('heading', { name: 'Aktørflyt' })).toBeVisible();
}

async function reset(page: Page, preset: 'start' | 'ready'): Promise<void> {
  await page.getByRole('button', { name: preset === 'start' ? 'Nullstill til start' : 'Nullstill til klar' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Demoverdenen er nullstilt til «${preset}»` })).toBeVisible();
}

/** Runs a step or case the keyboard way: focus its button, press Enter, wait for its next result. */
async function runByKeyboard(page: Page, id: string, settled: RegExp): Promise<void> {
  const button = page.getByTestId(`actorflow-run-${id}`);
  const runsBefore = Number(await button.getAttribute('data-runs'));
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(button).toHaveAttribute('data-runs', String(runsBefore + 1), { timeout: 30_000 });
  await expect(button).toContainText(settled);
}

async function expectNothingSecretOnPage(page: Page): Promise<void> {
  const html = await page.content();
  expect(html).not.toMatch(COMPACT_JWT);
  expect(html).not.toContain('PRIVATE KEY');
  expect(html).not.toContain('"d":');
}

test.afterAll(async ({ browser }) => {
  // The host's world is shared with the other specs, which expect the seeded "ready" state.
  const page = await browser.newPage();
  await openActorFlow(page);
  await reset(page, 'ready');
  await page.close();
});

test('the whole example runs from the start to the client’s claims, by keyboard, at 1280×720', async ({ page }) => {
  await openActorFlow(page);
  await reset(page, 'start');
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

  const runAll = page.getByRole('button', { name: 'Kjør alle' });
  await runAll.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('actorflow-run-operational.claims')).toContainText('Fullført', { timeout: 60_000 });
  for (const id of ['vendor.register', 'vendor.request', 'enduser.login', 'enduser.approve', 'enduser.delegate', 'operational.token']) {
    await expect(page.getByTestId(`actorflow-run-${id}`)).toContainText('Fullført');
  }

  // The token names the firm, never the client.
  await runByKeyboard(page, 'operational.token', /Fullført/);
  const details = page.getByTestId('actorflow-details');
  await expect(details.locator('[data-fact="systemUserOrg"]')).toHaveText('310 000 027');
  const tokenCall = details.getByRole('button', { name: /SmartRegnskap → Maskinporten.*POST \/token → 200/ });
  await tokenCall.focus();
  await page.keyboard.press('Enter');
  const decoded = details.getByTestId('actorflow-decoded').filter({ hasText: 'response.access_token' });
  await expect(decoded).toContainText(`"ID": "${FIRM_ISO}"`);
  await expect(decoded).toContainText('systemuser_org');
  await expect(decoded).not.toContainText(CLIENT);
  // Maskinporten's own question to Altinn shows up as an internal call.
  await expect(details.getByRole('button', { name: /Maskinporten → Altinn.*byExternalId/ })).toBeVisible();

  await runByKeyboard(page, 'operational.claims', /Fullført/);
  await expect(details.locator('[data-fact="claimsFor"]')).toHaveText('313 367 002');
  await expect(details.locator('[data-fact="balance"]')).toHaveText('kr 24 200,00');
  await expect(details.locator('[data-fact="pdpDecision"]')).toHaveText('Permit');
  await expect(details.getByRole('button', { name: new RegExp(`GET /v1/regnskapssystem/${CLIENT}/aapnekrav → 200`) })).toBeVisible();

  await expectNothingSecretOnPage(page);
});

test('each failure case stops where the chain says no', async ({ page }) => {
  await openActorFlow(page);
  await reset(page, 'ready');
  const cases = [
    ['notDelegated', 'Skatteetaten', 'DAS-008'],
    ['noClientAdmin', 'Altinn', 'NO_CLIENT_ADMIN'],
    ['expiredGrant', 'Maskinporten', 'MP-130'],
    ['replayedGrant', 'Maskinporten', 'MP-012'],
    ['missingPackage', 'Altinn', 'AUTH-00080'],
  ] as const;
  for (const [id, actor, code] of cases) {
    await runByKeyboard(page, id, /Stoppet som forventet/);
    const stop = page.getByTestId('actorflow-stop');
    await expect(stop).toContainText(`Stoppet hos ${actor}`);
    await expect(stop).toContainText(code);
  }
  await expectNothingSecretOnPage(page);
});

test('“Run all” can be cancelled between steps', async ({ page }) => {
  await openActorFlow(page);
  await page.getByRole('button', { name: 'Kjør alle' }).click();
  await expect(page.getByTestId('actorflow-run-serviceowner.resource')).toContainText('Fullført');
  await page.getByRole('button', { name: 'Avbryt' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Avbrutt før neste steg.' })).toBeVisible();
  await expect(page.getByTestId('actorflow-run-operational.claims')).toContainText('Ikke kjørt');
  await expect(page.getByRole('button', { name: 'Kjør alle' })).toBeEnabled();
});

test('the saved traffic is a HAR file without tokens or keys', async ({ page }) => {
  await openActorFlow(page);
  await runByKeyboard(page, 'operational.token', /Fullført|Stoppet/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Lagre trafikken (HAR)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.har$/);
  const content = await readFile(await file.path(), 'utf8');
  const har = JSON.parse(content) as { log: { version: string; entries: unknown[] } };
  expect(har.log.version).toBe('1.2');
  expect(har.log.entries.length).toBeGreaterThan(0);
  expect(content).toContain(FIRM_ISO);
  expect(content).not.toMatch(COMPACT_JWT);
  expect(content).not.toContain('PRIVATE KEY');
  expect(content).not.toContain('"d":');
  expect(content).not.toMatch(/"access_token"\s*:\s*"(?!\[)/);
});
