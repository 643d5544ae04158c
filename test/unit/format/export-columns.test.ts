// Every export carries machine columns (codes, ids, ISO times) whose headers are the same in both languages,
// so a script written against a bokmål export reads an English one; the human columns are in the reader's words.
// The audit and client exports read the database: test/unit/audit/audit.test.ts and clients/csv-export.test.ts.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BATCH_MACHINE_HEADERS, batchReportCsv } from '../../../electron/features/batches/report-csv';
import { CLAIMS_MACHINE_HEADERS, claimsToCsv, type CsvLabels } from '../../../renderer/src/views/claims/claims-csv';
import { claimsTexts } from '../../../renderer/src/views/claims/texts';
import type { BatchSummary } from '../../../shared/contract/batches';

const headerOf = (csv: string): string[] => Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { delimiter: ';' }).data[0]!;

/** The machine columns close the header, in both languages, and no human header takes a machine name. */
function expectStableMachineColumns(nb: string[], en: string[], machine: readonly string[]): void {
  expect(nb.slice(-machine.length)).toEqual([...machine]);
  expect(en.slice(-machine.length)).toEqual([...machine]);
  const humanNb = nb.slice(0, -machine.length);
  const humanEn = en.slice(0, -machine.length);
  expect(humanNb).not.toEqual(humanEn);
  for (const name of machine) expect([...humanNb, ...humanEn]).not.toContain(name);
  // Machine names are plain snake_case, the same bytes whatever the language.
  for (const name of machine) expect(name).toMatch(/^[a-z]+(_[a-z]+)*$/);
}

describe('stable machine columns', () => {
  it('in the batch report', () => {
    const batch = { id: 'b', name: 'B', systemUserId: 'su', systemUserTitle: 'SU' } as BatchSummary;
    const at = new Date('2026-11-24T10:00:00Z');
    const nb = headerOf(batchReportCsv(batch, [], 'nb', at).csv);
    const en = headerOf(batchReportCsv(batch, [], 'en', at).csv);
    expectStableMachineColumns(nb, en, BATCH_MACHINE_HEADERS);
  });

  it('in the claims overview', () => {
    const labels = (lang: 'nb' | 'en'): CsvLabels => ({
      headers: claimsTexts[lang].csv,
      outcome: claimsTexts[lang].outcome,
      claimTypes: claimsTexts[lang].claimTypes,
      yes: claimsTexts[lang].csv.yes,
      no: claimsTexts[lang].csv.no,
      language: lang,
    });
    const result = { asOf: '2026-11-24', clients: [] } as unknown as Parameters<typeof claimsToCsv>[0];
    expectStableMachineColumns(
      headerOf(claimsToCsv(result, labels('nb'))),
      headerOf(claimsToCsv(result, labels('en'))),
      CLAIMS_MACHINE_HEADERS,
    );
  });
});
