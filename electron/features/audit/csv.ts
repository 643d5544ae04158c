// Audit and batch reports as CSV, through the app's one CSV writer.
import { writeCsv } from '../../../shared/format/csv';

export interface CsvColumn<T> {
  header: string;
  value: (row: T) => string | number | null;
}

export function toCsv<T>(rows: readonly T[], columns: readonly CsvColumn<T>[]): string {
  return writeCsv(
    columns.map((c) => c.header),
    rows.map((row) => columns.map((c) => c.value(row))),
    { finalNewline: true },
  );
}

/** `klientdesk-audit-2026-11-24.csv` */
export const csvFilename = (kind: string, at: Date): string => `klientdesk-${kind}-${at.toISOString().slice(0, 10)}.csv`;
