// CSV the way Norwegian Excel opens it without an import wizard: semicolons, and a BOM so it reads UTF-8.
import Papa from 'papaparse';

const BOM = '\uFEFF';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  const body = Papa.unparse(
    {
      fields: columns.map((c) => c.header),
      data: rows.map((row) => columns.map((c) => c.value(row) ?? '')),
    },
    // A cell starting with = + - @ would run as a formula in a spreadsheet; papaparse defuses it.
    { delimiter: ';', newline: '\r\n', escapeFormulae: true, quotes: false },
  );
  return BOM + body + '\r\n';
}

/** `klientdesk-audit-2026-11-24.csv` */
export const csvFilename = (kind: string, at: Date): string => `klientdesk-${kind}-${at.toISOString().slice(0, 10)}.csv`;
