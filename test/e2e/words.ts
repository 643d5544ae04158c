// Helpers for the language specs: the main process's English sentences, collected from its sources, and the
// renderer's bokmål error sentences, so a spec can tell that neither reaches a screen in the other language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext, Page } from '@playwright/test';
import { errorTexts } from '../../renderer/src/i18n/errors';
import { auditDetailTexts } from '../../shared/domain/audit-details';
import { invoke } from './host-api';

const CORE = fileURLToPath(new URL('../../electron', import.meta.url));

/**
 * English sentences the main process writes into messages: string literals and the fixed parts of template
 * literals that read as a sentence (a capital, a space, a full stop), long enough not to match by chance.
 */
export function mainProcessEnglish(): string[] {
  const found = new Set<string>();
  for (const file of readdirSync(CORE, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.startsWith('demo'))) {
    const text = readFileSync(join(CORE, file), 'utf8');
    for (const m of text.matchAll(/'([A-Z][^'\n]{24,})'|`([^`\n]{24,})`/g)) {
      for (const part of (m[1] ?? m[2]!).split(/\$\{[^}]*\}/)) {
        const trimmed = part.trim();
        if (trimmed.length >= 24 && /^[A-Z][a-z]/.test(trimmed) && / [a-z]+ /.test(trimmed)) found.add(trimmed.replace(/[.:;,(]+$/, ''));
      }
    }
  }
  // Plus what the audit log used to write as free text.
  for (const s of ['failed items queued again', 'batch cancelled before the item was sent', 'agent system users']) found.add(s);
  return [...found];
}

function flatten(o: unknown): string[] {
  if (typeof o === 'string') return [o];
  return Object.values(o as object).flatMap(flatten);
}

/** The bokmål sentences of errors and audit details, cut at the first parameter; none should show in English. */
export function bokmalSentences(): string[] {
  const en = new Set([...flatten(errorTexts.en), ...flatten(auditDetailTexts.en)]);
  return [...flatten(errorTexts.nb), ...flatten(auditDetailTexts.nb)]
    .filter((s) => !en.has(s))
    .map((s) => s.split('{{')[0]!.trim())
    .filter((s) => s.length >= 20);
}

/** Every phrase of `phrases` that the page shows. */
export async function shownOf(page: Page, phrases: readonly string[]): Promise<string[]> {
  const text = await page.locator('body').innerText();
  return phrases.filter((p) => text.includes(p));
}

export const VIEW_IDS = ['clients', 'batches', 'claims', 'actorflow', 'settings', 'audit'] as const;

export async function setLanguage(request: APIRequestContext, page: Page, language: 'nb' | 'en'): Promise<void> {
  await invoke(request, 'settings.update', { language });
  await page.reload();
  await page.getByRole('navigation').waitFor();
}
