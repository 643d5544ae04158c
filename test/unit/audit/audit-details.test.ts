// The audit log's Details column speaks the reader's language: coded details are worded on screen (i18next)
// and in the CSV (the same texts), and rows written as free text before still read as they were.
import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_DETAIL_CODES, auditDetail, auditDetailTexts, readAuditDetail, wordAuditDetail } from '../../../shared/domain/audit-details';
import { auditDetailText } from '../../../renderer/src/views/audit/audit-detail';
import { errorTexts } from '../../../renderer/src/i18n/errors';
import { common } from '../../../renderer/src/i18n/common';

const ts = {} as Record<'nb' | 'en', TFunction>;
beforeAll(async () => {
  for (const lng of ['nb', 'en'] as const) {
    const i = i18next.createInstance();
    await i.init({
      lng,
      resources: { [lng]: { auditDetails: auditDetailTexts[lng], errors: errorTexts[lng], common: common[lng] } },
      defaultNS: 'common',
      interpolation: { escapeValue: false },
    });
    ts[lng] = i.t;
  }
});

const shown = (stored: string | null, lng: 'nb' | 'en'): string => auditDetailText(readAuditDetail(stored), ts[lng], lng);

describe('audit details', () => {
  it('word a state change and a retry in each language, with plurals', () => {
    const moved = auditDetail('batch.moved', { from: 'running', to: 'completed' });
    expect(shown(moved, 'nb')).toBe('Fra i gang til fullført');
    expect(shown(moved, 'en')).toBe('From running to completed');
    expect(shown(auditDetail('batch.retried', { count: 3 }), 'nb')).toBe('3 feilede klienter lagt i kø igjen');
    expect(shown(auditDetail('batch.retried', { count: 1 }), 'nb')).toBe('1 feilet klient lagt i kø igjen');
    expect(shown(auditDetail('batch.retried', { count: 1 }), 'en')).toBe('1 failed client queued again');
  });

  it('word a failed item by its outcome and a failed sync as the error read on screen', () => {
    expect(shown(auditDetail('item.failed', { errorCode: 'AUTH-00079', message: 'This organisation is not…' }), 'nb')).toBe(
      'Ikke en av firmaets klienter.',
    );
    const sync = auditDetail('error', {
      errorCode: 'NO_CLIENT_ADMIN',
      service: 'altinn',
      message: 'You do not have the Client administrator right',
    });
    expect(shown(sync, 'nb')).toContain('Du har ikke rettigheten Klientadministrator');
    expect(shown(sync, 'nb')).not.toContain('You do not');
  });

  it('show a row written before details were codes as its text', () => {
    expect(shown('running → paused (offline)', 'en')).toBe('running → paused (offline)');
    expect(shown('{not json', 'nb')).toBe('{not json');
    expect(shown(null, 'nb')).toBe('');
  });

  it('have a text for every code in both languages, and the CSV words them the same way', () => {
    for (const code of AUDIT_DETAIL_CODES) {
      for (const lng of ['nb', 'en'] as const) {
        const params = {
          count: 2,
          from: 'draft',
          to: 'queued',
          reason: 'offline',
          errorCode: 'NETWORK',
          kid: 'k1',
          total: 1,
          added: 1,
          removed: 0,
          systemUsers: 2,
          ok: 1,
          none: 1,
          not_delegated: 0,
          withheld: 0,
          error: 0,
        };
        const onScreen = shown(auditDetail(code, params), lng);
        expect(onScreen, `${lng} ${code}`).not.toBe(code);
        expect(onScreen, `${lng} ${code}`).not.toMatch(/\{\{/);
        if (code !== 'error') expect(wordAuditDetail(code, params, lng), `${lng} ${code}`).toBe(onScreen);
      }
    }
  });
});
