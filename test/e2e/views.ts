// Every main view of the app, reached the way a user would, for the checks that must hold on all of them
// (axe, screenshots). One host serves every spec of a worker, so the language is set through the contract and put back.
import type { Page } from '@playwright/test';
import { expect, openApp, signIn } from './fixtures';
import { invoke, invokeInPage } from './host-api';

export type Language = 'nb' | 'en';

const clientsLabel = (language: Language): string => (language === 'nb' ? 'Klienter' : 'Clients');

export async function setLanguage(page: Page, language: Language): Promise<void> {
  expect(await invokeInPage(page, 'settings.update', { language })).toBe(200);
  await page.reload();
  await expect(page.getByRole('navigation')).toBeVisible();
  await expect(page.getByTestId('nav-clients')).toContainText(clientsLabel(language));
}

/** Signed in as Morten with a synced local copy, in the given language. */
export async function readyApp(page: Page, language: Language): Promise<void> {
  // Chosen before the app opens, as a tool holding the host secret would, so the page loads once, not twice.
  await invoke(page.request, 'settings.update', { language });
  await openApp(page);
  await expect(page.getByTestId('nav-clients')).toContainText(clientsLabel(language));
  if (!(await page.getByTestId('session-button').textContent())?.includes('Morten Lie')) await signIn(page, 'Morten Lie');
  await page.getByTestId('nav-clients').click();
  await page.getByTestId('clients-sync').click();
  await expect(page.getByTestId('clients-last-sync')).toContainText(language === 'nb' ? 'Sist synkronisert' : 'Last synced', {
    timeout: 30_000,
  });
}

export interface ViewVisit {
  name: string;
  open(page: Page): Promise<void>;
  /** Put the view back so the next one starts from the frame (a dialog closed, say). */
  close?(page: Page): Promise<void>;
}

const C1 = '313367002';
const C6 = '310478717';
const NOT_A_CLIENT = '310000086';

export const VIEWS: ViewVisit[] = [
  {
    name: 'clients',
    open: async (page) => {
      await page.getByTestId('nav-clients').click();
      await expect(page.getByTestId('client-grid')).toBeVisible();
      await expect(page.getByTestId('client-grid').getByRole('row').nth(3)).toBeVisible();
    },
  },
  {
    name: 'system-users',
    open: async (page) => {
      await page.getByTestId('nav-clients').click();
      await page.getByTestId('tab-system-users').click();
      await expect(page.getByRole('article').first()).toBeVisible();
    },
    close: async (page) => {
      await page.getByRole('tab').first().click();
    },
  },
  {
    name: 'wizard',
    open: async (page) => {
      await page.getByTestId('nav-clients').click();
      await page.getByTestId('clients-delegate').click();
      await expect(page.getByRole('dialog')).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    },
  },
  {
    name: 'employees',
    open: async (page) => {
      await page.getByTestId('nav-employees').click();
      await expect(page.getByTestId('employees-table')).toBeVisible({ timeout: 30_000 });
    },
  },
  {
    name: 'batches',
    open: async (page) => {
      await page.getByTestId('nav-batches').click();
      await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible();
    },
  },
  {
    name: 'proposal-rules',
    open: async (page) => {
      await page.getByTestId('nav-batches').click();
      await page.getByTestId('proposal-rules').click();
      await expect(page.getByRole('dialog')).toBeVisible();
      // An unsaved rule, so the editor's fields are on the view too (Escape leaves the firm's rules as they were).
      await page.getByTestId('rule-add').click();
      await expect(page.getByTestId('rule-0')).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toHaveCount(0);
    },
  },
  {
    name: 'claims',
    open: async (page) => {
      await page.getByTestId('nav-claims').click();
      const typed = page.getByRole('radio', { name: /Organisasjonsnumre jeg skriver inn|Organisation numbers I type/ });
      if ((await typed.count()) > 0) await typed.check();
      await page.getByTestId('claims-org-numbers').fill(`${C1} ${C6} ${NOT_A_CLIENT}`);
      await page.getByTestId('claims-fetch').click();
      await expect(page.getByTestId(`claims-client-${NOT_A_CLIENT}`)).toBeVisible({ timeout: 30_000 });
    },
  },
  {
    name: 'actorflow',
    open: async (page) => {
      await page.getByTestId('nav-actorflow').click();
      await expect(page.getByTestId('actorflow-client')).toBeVisible();
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await page.getByTestId('nav-settings').click();
      await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible();
      // The keys section has read the vault once its buttons are live.
      await expect(page.getByTestId('keys-generate')).toBeEnabled();
    },
  },
  {
    name: 'audit',
    open: async (page) => {
      await page.getByTestId('nav-audit').click();
      await expect(page.getByTestId('audit-count')).not.toHaveText('');
    },
  },
];
