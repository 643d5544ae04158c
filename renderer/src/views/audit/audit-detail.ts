// The Details column in the reader's language: coded details through the `auditDetails` texts, old free-text
// rows as they were written.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../../../shared/contract/audit';
import { wordedAuditParams } from '../../../../shared/domain/audit-details';
import { describeError, type AnyTFunction } from '../../i18n/describe-error';

export function auditDetailText(
  entry: Pick<AuditEntry, 'detail' | 'detailCode' | 'detailParams'>,
  t: AnyTFunction,
  lang: 'nb' | 'en',
): string {
  if (!entry.detailCode) return entry.detail ?? '';
  const params = entry.detailParams ?? {};
  // A failed sync carries the error's own code and params: it reads like the error did on screen.
  if (entry.detailCode === 'error' && typeof params.errorCode === 'string') {
    return describeError(
      { code: params.errorCode, message: '', params, ...(typeof params.service === 'string' ? { service: params.service } : {}) },
      t,
    ).text;
  }
  const worded = wordedAuditParams(params, lang, (key, fallback) => String(t(`auditDetails:${key}`, { defaultValue: fallback })));
  return String(t(`auditDetails:${entry.detailCode}`, { ...worded, defaultValue: entry.detailCode }));
}

export function useAuditDetail(): (entry: AuditEntry) => string {
  const { t, i18n } = useTranslation('audit');
  const lang = i18n.language === 'en' ? 'en' : 'nb';
  return useCallback((entry: AuditEntry) => auditDetailText(entry, t, lang), [t, lang]);
}
