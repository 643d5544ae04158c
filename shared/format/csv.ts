// The one CSV writer behind every export, in the shape Norwegian Excel opens without an import wizard:
// semicolons, CRLF, a BOM so æøå read as UTF-8, and cells that would run as formulas defused, since names and
// messages come from outside (a client called `=HYPERLINK(…)` must stay text).
import Papa from 'papaparse';

export const CSV_BOM = '\uFEFF';

/** Starts like a formula; a plain negative amount (-3120,00) is a number, not a formula, and is left alone. */
const FORMULA_START = /^(?:[=+@\t\r]|-(?!\d+(?:[,.]\d+)?$))/;

export type CsvCell = string | number | null | undefined;

export function writeCsv(
  header: readonly string[],
  rows: readonly (readonly CsvCell[])[],
  options: { finalNewline?: boolean } = {},
): string {
  const body = Papa.unparse(
    { fields: [...header], data: rows.map((row) => row.map((cell) => cell ?? '')) },
    { delimiter: ';', newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return CSV_BOM + body + (options.finalNewline ? '\r\n' : '');
}
