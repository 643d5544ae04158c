// What an audit row's Details column says, stored as a code with params so each reader gets it in their own
// language: the renderer through i18next (these texts are its `auditDetails` namespace), the CSV export through
// wordAuditDetail. Rows written before this kept free text in the column; they still read as that text.
import { describeOutcome, type Language } from './outcomes';

export type AuditDetailParams = Record<string, string | number>;

export const AUDIT_DETAIL_CODES = [
  'batch.moved',
  'batch.paused',
  'batch.items',
  'batch.retried',
  'item.cancelled',
  'item.confirmed',
  'item.unknown',
  'item.notAppliedCancelled',
  'item.alreadyDone',
  'item.failed',
  'clients.synced',
  'error',
  'claims.summary',
  'key',
] as const;
export type AuditDetailCode = (typeof AUDIT_DETAIL_CODES)[number];

const nb = {
  'batch.moved': 'Fra {{from}} til {{to}}',
  'batch.paused': 'Fra {{from}} til {{to}} ({{reason}})',
  'batch.items_one': '{{count}} klient',
  'batch.items_other': '{{count}} klienter',
  'batch.retried_one': '{{count}} feilet klient lagt i kø igjen',
  'batch.retried_other': '{{count}} feilede klienter lagt i kø igjen',
  'item.cancelled': 'Bunken ble avbrutt før klienten ble sendt',
  'item.confirmed': 'Bekreftet fra Altinns liste etter en avbrutt kjøring',
  'item.unknown': 'Uten svar ({{errorCode}}); avgjøres fra Altinns liste over delegerte klienter',
  'item.notAppliedCancelled': 'Ikke utført i Altinn, og bunken ble avbrutt',
  'item.alreadyDone': 'Altinn avviste endringen ({{errorCode}}), men Altinns liste viser at den allerede gjelder',
  'item.failed': '{{outcome}}',
  'clients.synced': '{{total}} klienter, {{added}} nye, {{removed}} borte, {{systemUsers}} systemtilganger',
  error: '{{outcome}}',
  'claims.summary':
    '{{count}} klienter: {{ok}} med krav, {{none}} uten krav, {{not_delegated}} ikke delegert, {{withheld}} holdt tilbake, {{error}} feilet',
  key: 'Nøkkel {{kid}}',
  states: {
    draft: 'utkast',
    queued: 'i kø',
    running: 'i gang',
    paused: 'pauset',
    completed: 'fullført',
    completed_with_failures: 'fullført med feil',
    cancelled: 'avbrutt',
  },
  pauseReasons: {
    offline: 'frakoblet',
    signed_out: 'ikke innlogget',
    no_client_admin: 'mangler Klientadministrator',
    user: 'pauset av brukeren',
  },
};

const en: typeof nb = {
  'batch.moved': 'From {{from}} to {{to}}',
  'batch.paused': 'From {{from}} to {{to}} ({{reason}})',
  'batch.items_one': '{{count}} client',
  'batch.items_other': '{{count}} clients',
  'batch.retried_one': '{{count}} failed client queued again',
  'batch.retried_other': '{{count}} failed clients queued again',
  'item.cancelled': 'The batch was cancelled before the client was sent',
  'item.confirmed': 'Confirmed from Altinn’s list after an interrupted run',
  'item.unknown': 'No answer ({{errorCode}}); to be settled from Altinn’s list of delegated clients',
  'item.notAppliedCancelled': 'Not applied by Altinn, and the batch was cancelled',
  'item.alreadyDone': 'Altinn refused the change ({{errorCode}}), but its own list shows it already holds',
  'item.failed': '{{outcome}}',
  'clients.synced': '{{total}} clients, {{added}} new, {{removed}} gone, {{systemUsers}} system accesses',
  error: '{{outcome}}',
  'claims.summary':
    '{{count}} clients: {{ok}} with claims, {{none}} without claims, {{not_delegated}} not delegated, {{withheld}} withheld, {{error}} failed',
  key: 'Key {{kid}}',
  states: {
    draft: 'draft',
    queued: 'queued',
    running: 'running',
    paused: 'paused',
    completed: 'completed',
    completed_with_failures: 'completed with failures',
    cancelled: 'cancelled',
  },
  pauseReasons: {
    offline: 'offline',
    signed_out: 'not signed in',
    no_client_admin: 'lacks Client administrator',
    user: 'paused by the user',
  },
};

export const auditDetailTexts = { nb, en };

/** The detail column's value for a code and its params. */
export function auditDetail(code: AuditDetailCode, params: AuditDetailParams = {}): string {
  return JSON.stringify({ code, params });
}

export interface ReadAuditDetail {
  /** Free text of a row written before details were codes; null for a coded detail. */
  detail: string | null;
  detailCode: string | null;
  detailParams: AuditDetailParams | null;
}

export function readAuditDetail(stored: string | null): ReadAuditDetail {
  if (stored === null || !stored.startsWith('{')) return { detail: stored, detailCode: null, detailParams: null };
  try {
    const parsed = JSON.parse(stored) as unknown;
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { code?: unknown }).code === 'string') {
      const { code, params } = parsed as { code: string; params?: unknown };
      const safe =
        typeof params === 'object' && params !== null
          ? Object.fromEntries(Object.entries(params).filter(([, v]) => typeof v === 'string' || typeof v === 'number'))
          : {};
      return { detail: null, detailCode: code, detailParams: safe as AuditDetailParams };
    }
  } catch {
    // Not ours: an old row whose free text happens to start with a brace.
  }
  return { detail: stored, detailCode: null, detailParams: null };
}

/**
 * Params that are codes themselves, worded: batch states, pause reasons, and the outcome sentence of an item's
 * or a sync's error code. `word` looks a key up in this file's texts for the reader's language.
 */
export function wordedAuditParams(
  params: AuditDetailParams,
  lang: Language,
  word: (key: string, fallback: string) => string,
): AuditDetailParams {
  const out: AuditDetailParams = { ...params };
  for (const key of ['from', 'to'] as const) {
    if (typeof params[key] === 'string') out[key] = word(`states.${params[key]}`, params[key]);
  }
  if (typeof params.reason === 'string') out.reason = word(`pauseReasons.${params.reason}`, params.reason);
  if (typeof params.errorCode === 'string') out.outcome = describeOutcome(params.errorCode, lang);
  return out;
}

/** For the CSV export, which the main process writes: the same sentence the screen shows. */
export function wordAuditDetail(code: string, params: AuditDetailParams, lang: Language): string {
  const texts = auditDetailTexts[lang] as unknown as Record<string, string | Record<string, string>>;
  const word = (key: string, fallback: string): string => {
    const [group, name] = key.split('.');
    const v = texts[group!];
    return typeof v === 'object' && name ? (v[name] ?? fallback) : fallback;
  };
  const values = wordedAuditParams(params, lang, word);
  const plural = typeof params.count === 'number' ? new Intl.PluralRules(lang === 'nb' ? 'nb-NO' : 'en-GB').select(params.count) : null;
  const template = (plural !== null ? texts[`${code}_${plural}`] : undefined) ?? texts[`${code}_other`] ?? texts[code];
  if (typeof template !== 'string') return code;
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? ''));
}
