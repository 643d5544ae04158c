// The per-item result of a batch as a spreadsheet: what was asked, what happened, and in plain words why.
import type { BatchItem, BatchSummary } from '../../../shared/contract/batches';
import { describeOutcome, type Language } from '../../../shared/domain/outcomes';
import { csvFilename, toCsv, type CsvColumn } from '../audit/csv';

const WORDS = {
  nb: {
    headers: ['Org.nr', 'Navn', 'Operasjon', 'Status', 'Kode', 'Forklaring', 'Korrelasjons-ID', 'Forsøk', 'Oppdatert'],
    operation: { add: 'Legg til', remove: 'Fjern' },
    state: { pending: 'Venter', in_flight: 'Sendes', unknown: 'Uavklart', done: 'Utført', failed: 'Feilet', skipped: 'Hoppet over' },
  },
  en: {
    headers: ['Org. no.', 'Name', 'Operation', 'Status', 'Code', 'Explanation', 'Correlation id', 'Attempts', 'Updated'],
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
): { filename: string; csv: string } {
  const w = WORDS[lang];
  const h = w.headers;
  const columns: CsvColumn<BatchItem>[] = [
    { header: h[0], value: (i) => i.orgNumber },
    { header: h[1], value: (i) => i.name },
    { header: h[2], value: (i) => w.operation[i.operation] },
    { header: h[3], value: (i) => w.state[i.state] },
    { header: h[4], value: (i) => i.errorCode ?? i.skipReason },
    { header: h[5], value: (i) => explanation(i, lang) },
    { header: h[6], value: (i) => i.correlationId },
    { header: h[7], value: (i) => i.attempts },
    { header: h[8], value: (i) => i.updatedAt },
  ];
  const safeName = batch.name.replace(/[^\p{L}\p{N}-]+/gu, '-').slice(0, 40);
  return { filename: csvFilename(`batch-${safeName}`, now), csv: toCsv(items, columns) };
}
