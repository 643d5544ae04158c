// The per-item result of a batch as a spreadsheet: what was asked, what happened and why, in the reader's
// language and local time; then the same facts as stable codes, ids and ISO times for whoever processes the file.
import type { BatchItem, BatchSummary } from '../../../shared/contract/batches';
import { formatOrgNumber } from '../../../shared/domain/orgnr';
import { describeOutcome, type Language } from '../../../shared/domain/outcomes';
import { formatSheetDateTime } from '../../../shared/format/format';
import { csvFilename, toCsv, type CsvColumn } from '../audit/port';

/** Codes, ids and ISO times under the same names in every language, so a script reads any export. */
export const BATCH_MACHINE_HEADERS = [
  'org_no',
  'system_access_id',
  'operation_code',
  'status_code',
  'code',
  'correlation_id',
  'updated_utc',
] as const;

const WORDS = {
  nb: {
    human: ['Org.nr', 'Navn', 'Systemtilgang', 'Operasjon', 'Status', 'Forklaring', 'Forsøk', 'Oppdatert'],
    operation: { add: 'Legg til', remove: 'Fjern' },
    state: { pending: 'Venter', in_flight: 'Sendes', unknown: 'Uavklart', done: 'Utført', failed: 'Feilet', skipped: 'Hoppet over' },
  },
  en: {
    human: ['Org. no.', 'Name', 'System access', 'Operation', 'Status', 'Explanation', 'Attempts', 'Updated'],
    operation: { add: 'Add', remove: 'Remove' },
    state: { pending: 'Pending', in_flight: 'Sending', unknown: 'Unknown', done: 'Done', failed: 'Failed', skipped: 'Skipped' },
  },
} as const;

function explanation(item: BatchItem, lang: Language): string {
  if (item.state === 'failed' && item.errorCode) return describeOutcome(item.errorCode, lang, { missingPackages: item.missingPackages });
  if (item.state === 'skipped' && item.skipReason) return describeOutcome(item.skipReason, lang);
  if (item.state === 'done') return describeOutcome('DONE', lang);
  return '';
}

export function batchReportCsv(
  batch: BatchSummary,
  items: readonly BatchItem[],
  lang: Language,
  now: Date,
  timeZone?: string,
): { filename: string; csv: string } {
  const w = WORDS[lang];
  const [hOrg, hName, hAccess, hOperation, hStatus, hExplanation, hAttempts, hUpdated] = w.human;
  const [mOrg, mAccess, mOperation, mStatus, mCode, mCorrelation, mUpdated] = BATCH_MACHINE_HEADERS;
  const columns: CsvColumn<BatchItem>[] = [
    { header: hOrg, value: (i) => formatOrgNumber(i.orgNumber) },
    { header: hName, value: (i) => i.name },
    { header: hAccess, value: () => batch.systemUserTitle || batch.systemUserId },
    { header: hOperation, value: (i) => w.operation[i.operation] },
    { header: hStatus, value: (i) => w.state[i.state] },
    { header: hExplanation, value: (i) => explanation(i, lang) },
    { header: hAttempts, value: (i) => i.attempts },
    { header: hUpdated, value: (i) => formatSheetDateTime(i.updatedAt, lang, timeZone) },
    { header: mOrg, value: (i) => i.orgNumber },
    { header: mAccess, value: () => batch.systemUserId },
    { header: mOperation, value: (i) => i.operation },
    { header: mStatus, value: (i) => i.state },
    { header: mCode, value: (i) => i.errorCode ?? i.skipReason },
    { header: mCorrelation, value: (i) => i.correlationId },
    { header: mUpdated, value: (i) => i.updatedAt },
  ];
  const safeName = batch.name.replace(/[^\p{L}\p{N}-]+/gu, '-').slice(0, 40);
  return { filename: csvFilename(`batch-${safeName}`, now), csv: toCsv(items, columns) };
}
