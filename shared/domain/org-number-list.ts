// Reads a list of organisation numbers that a person pasted or exported from another system: one or more
// numbers per line, any separators, CSV with `;` or `,`, quoted fields (line breaks inside them included), a
// BOM, a header row. In a table the org-number column is the one its header names or, without a header, the
// one whose values pass the mod-11 check, so postcodes and phone numbers are never read as org numbers.
// Every line of the input is accounted for (an entry, an error with its line number, or skipped as blank,
// header or the continuation of a quoted cell), so a messy file never imports silently in part. Files are
// decoded from UTF-8, UTF-16 (Excel "Unicode text") or Windows-1252. Pure: renderer and main process use it.
import Papa from 'papaparse';
import { isValidOrgNumber, orgNumberProblem } from './orgnr';

/** Larger files are refused before they are read: a client list of 100 000 numbers is about 1 MB. */
export const MAX_ORG_NUMBER_FILE_BYTES = 5 * 1024 * 1024;
/** The most numbers one list may hold; the batch contract has the same cap. */
export const MAX_ORG_NUMBERS = 100_000;

export type OrgNumberListProblem = 'not-nine-digits' | 'bad-check-digit' | 'no-number' | 'unbalanced-quotes';

export interface OrgNumberListEntry {
  line: number;
  /** Nine digits, no separators. */
  orgNumber: string;
  /** What the line said for this number, as typed. */
  input: string;
}

export interface OrgNumberListError {
  line: number;
  input: string;
  problem: OrgNumberListProblem;
  message: string;
}

export interface OrgNumberList {
  /** In input order; duplicates are kept (with their own line) so the review can name them. */
  entries: OrgNumberListEntry[];
  errors: OrgNumberListError[];
  skipped: { line: number; reason: 'blank' | 'header' | 'continuation' }[];
  totalLines: number;
  /** Set when the whole list is refused; entries and errors are then empty, so nothing is imported. */
  refusal: { problem: 'too-many'; message: string; count: number; max: number } | null;
}

const MESSAGES: Record<OrgNumberListProblem, string> = {
  'not-nine-digits': 'An organisation number has 9 digits.',
  'bad-check-digit': 'The check digit does not match (mod 11); the number has a typing error.',
  'no-number': 'There is no organisation number on this line.',
  'unbalanced-quotes': 'A quotation mark on this line is not closed.',
};

const SHOWN_INPUT_CHARS = 120;
const FIELD_SEPARATORS = /[,;|/\t]/;
/** A field that holds only digits and the separators people put between and around them. */
const NUMBER_LIKE = /^[\d\s.,;|/\t\u00a0-]+$/;
/** Header cells that name the column holding the organisation number. */
const ORG_NUMBER_HEADER = /org|organisasjon/i;

const shown = (text: string): string => (text.length > SHOWN_INPUT_CHARS ? `${text.slice(0, SHOWN_INPUT_CHARS)}…` : text);

/** The delimiter used most in the first lines; `;` wins ties because Norwegian Excel writes it. */
function guessDelimiter(lines: readonly string[]): string {
  const candidates = [';', '\t', ',', '|'];
  const counts = candidates.map(() => 0);
  let sampled = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    candidates.forEach((c, i) => (counts[i]! += line.split(c).length - 1));
    if (++sampled >= 50) break;
  }
  let best = 0;
  counts.forEach((n, i) => (n > counts[best]! ? (best = i) : undefined));
  return candidates[best]!;
}

/** `NO 313 367 002 MVA` (a VAT number) carries an organisation number too. */
const stripVatDecoration = (field: string): string =>
  field
    .replace(/^NO(?=[\s\d])/i, '')
    .replace(/MVA$/i, '')
    .trim();

type FieldResult = { numbers: { digits: string; input: string }[]; errors: { input: string; problem: OrgNumberListProblem }[] };

/**
 * Splits a number-like field into organisation numbers. Digit groups separated by spaces are joined until they
 * make nine digits, so `313 367 002 311851381` is two numbers; a group that cannot make exactly nine is an error.
 */
function numbersInField(field: string): FieldResult {
  const result: FieldResult = { numbers: [], errors: [] };
  for (const chunk of field.split(FIELD_SEPARATORS)) {
    let pending = '';
    let pendingInput: string[] = [];
    const flushAsError = (): void => {
      if (pending !== '') result.errors.push({ input: pendingInput.join(' '), problem: 'not-nine-digits' });
      pending = '';
      pendingInput = [];
    };
    for (const token of chunk.split(/[\s\u00a0]+/)) {
      const digits = token.replace(/[.-]/g, '');
      if (digits === '') continue;
      if (pending.length + digits.length > 9) flushAsError();
      pending += digits;
      pendingInput.push(token);
      if (pending.length === 9) {
        result.numbers.push({ digits: pending, input: pendingInput.join(' ') });
        pending = '';
        pendingInput = [];
      }
    }
    flushAsError();
  }
  return result;
}

function splitLine(line: string, delimiter: string): { fields: string[]; unbalanced: boolean } {
  // Most lines have no quotes; papaparse is only needed (and only consulted) for the ones that do.
  if (!line.includes('"')) return { fields: line.split(delimiter), unbalanced: false };
  // A record's own line breaks are inside quotes, where papaparse keeps them in the cell.
  const parsed = Papa.parse<string[]>(line, { delimiter, newline: '\n', quoteChar: '"' });
  const fields = parsed.data.flat();
  return { fields, unbalanced: parsed.errors.some((e) => e.type === 'Quotes') };
}

/** A quoted cell may span at most this many lines; a quote left open longer is a typing error. */
const MAX_LINES_PER_RECORD = 50;

interface LogicalRecord {
  /** The physical line it starts on (1-based). */
  line: number;
  text: string;
  /** Physical lines after the first that belong to it (inside a quoted cell). */
  continuation: number[];
}

const quoteCount = (line: string): number => {
  let n = 0;
  for (let i = line.indexOf('"'); i >= 0; i = line.indexOf('"', i + 1)) n++;
  return n;
};

/**
 * Physical lines joined into records the way a spreadsheet reads them: a line break inside quotes belongs to
 * the cell. A quote that does not close within a few lines is left to the line it is on (reported there).
 */
function logicalRecords(lines: readonly string[]): LogicalRecord[] {
  const records: LogicalRecord[] = [];
  for (let i = 0; i < lines.length; i++) {
    let quotes = quoteCount(lines[i]!);
    if (quotes % 2 === 0) {
      records.push({ line: i + 1, text: lines[i]!, continuation: [] });
      continue;
    }
    let end = i + 1;
    while (end < lines.length && end - i < MAX_LINES_PER_RECORD && quotes % 2 === 1) quotes += quoteCount(lines[end++]!);
    if (quotes % 2 === 1) {
      records.push({ line: i + 1, text: lines[i]!, continuation: [] });
      continue;
    }
    records.push({
      line: i + 1,
      text: lines.slice(i, end).join('\n'),
      continuation: Array.from({ length: end - i - 1 }, (_, k) => i + 2 + k),
    });
    i = end - 1;
  }
  return records;
}

/** Share of sampled rows that must agree before a file counts as a table, and a column as the org numbers. */
const TABLE_AGREEMENT = 0.8;
const COLUMN_SHARE = 0.5;
const SAMPLED_ROWS = 200;

/**
 * Without a header naming it, the org-number column of a table is the one whose cells most often hold a
 * valid organisation number (mod 11). Null for free-form lists, where every field is read.
 */
function orgColumnByContent(rows: readonly string[][]): number | null {
  const sample = rows.slice(0, SAMPLED_ROWS);
  if (sample.length === 0) return null;
  const widths = new Map<number, number>();
  for (const r of sample) widths.set(r.length, (widths.get(r.length) ?? 0) + 1);
  const [width, agreeing] = [...widths.entries()].sort((a, b) => b[1] - a[1])[0]!;
  if (width < 2 || agreeing < sample.length * TABLE_AGREEMENT) return null;
  let best: number | null = null;
  let bestHits = 0;
  for (let column = 0; column < width; column++) {
    let hits = 0;
    for (const r of sample) {
      const digits = stripVatDecoration((r[column] ?? '').trim()).replace(/[\s\u00a0.-]/g, '');
      if (isValidOrgNumber(digits)) hits++;
    }
    if (hits > bestHits) [best, bestHits] = [column, hits];
  }
  return bestHits >= sample.length * COLUMN_SHARE ? best : null;
}

export function parseOrgNumberList(text: string, options: { maxNumbers?: number } = {}): OrgNumberList {
  const maxNumbers = options.maxNumbers ?? MAX_ORG_NUMBERS;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  // A trailing newline does not make an extra line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const delimiter = guessDelimiter(lines);
  const result: OrgNumberList = { entries: [], errors: [], skipped: [], totalLines: lines.length, refusal: null };
  let orgColumn: number | null = null;
  let headerNamedColumn = false;

  const records = logicalRecords(lines).map((r) => ({ ...r, ...splitLine(r.text, delimiter) }));
  const firstContent = records.findIndex((r) => r.text.trim() !== '');
  const hasHeader = firstContent >= 0 && !/\d/.test(records[firstContent]!.text);
  if (hasHeader) {
    const column = records[firstContent]!.fields.findIndex((f) => ORG_NUMBER_HEADER.test(f));
    if (column >= 0) [orgColumn, headerNamedColumn] = [column, true];
  }
  if (!headerNamedColumn) {
    const dataRows = records.filter((r, i) => r.text.trim() !== '' && !r.unbalanced && !(hasHeader && i === firstContent));
    orgColumn = orgColumnByContent(dataRows.map((r) => r.fields));
  }

  records.forEach((record, index) => {
    const { line, fields, unbalanced } = record;
    const trimmed = record.text.trim();
    for (const continued of record.continuation) result.skipped.push({ line: continued, reason: 'continuation' });
    if (trimmed === '') {
      result.skipped.push({ line, reason: 'blank' });
      return;
    }
    if (hasHeader && index === firstContent) {
      result.skipped.push({ line, reason: 'header' });
      return;
    }
    if (unbalanced) {
      result.errors.push({ line, input: shown(trimmed), problem: 'unbalanced-quotes', message: MESSAGES['unbalanced-quotes'] });
      return;
    }
    const considered = orgColumn === null ? fields : [fields[orgColumn] ?? ''];
    let found = 0;
    for (const rawField of considered) {
      // A line break kept inside a quoted cell separates numbers like any other whitespace.
      const field = stripVatDecoration(rawField.replace(/[\r\n]+/g, ' ').trim());
      if (field === '' || !NUMBER_LIKE.test(field)) continue;
      const { numbers, errors } = numbersInField(field);
      for (const e of errors) result.errors.push({ line, input: shown(e.input), problem: e.problem, message: MESSAGES[e.problem] });
      for (const { digits, input } of numbers) {
        if (orgNumberProblem(digits) === 'bad-check-digit') {
          result.errors.push({ line, input: shown(input), problem: 'bad-check-digit', message: MESSAGES['bad-check-digit'] });
        } else {
          result.entries.push({ line, orgNumber: digits, input: shown(input) });
        }
      }
      found += numbers.length + errors.length;
    }
    if (found === 0) result.errors.push({ line, input: shown(trimmed), problem: 'no-number', message: MESSAGES['no-number'] });
  });

  if (result.entries.length > maxNumbers) {
    return {
      entries: [],
      errors: [],
      skipped: [],
      totalLines: lines.length,
      refusal: {
        problem: 'too-many',
        count: result.entries.length,
        max: maxNumbers,
        message: `The list holds ${result.entries.length} organisation numbers; at most ${maxNumbers} can be handled at once. Split it into smaller files. Nothing was imported.`,
      },
    };
  }
  return result;
}

/** Why a file may not be read at all (checked on its size before reading), or null when it may. */
export function orgNumberFileProblem(sizeBytes: number): string | null {
  return sizeBytes > MAX_ORG_NUMBER_FILE_BYTES
    ? `The file is ${(sizeBytes / 1024 / 1024).toFixed(1)} MB; files over ${MAX_ORG_NUMBER_FILE_BYTES / 1024 / 1024} MB are not read. Nothing was imported.`
    : null;
}

/**
 * Text from the bytes of a client-number file: UTF-8 or UTF-16 with a BOM, UTF-16LE without one (Excel
 * "Unicode text" as some tools write it), UTF-8, and otherwise Windows-1252 (Excel's "CSV" on Norwegian
 * Windows). TextDecoder knows all of them in Node and in Chromium.
 */
export function decodeOrgNumberFile(bytes: Uint8Array): string {
  const [b0, b1, b2] = [bytes[0], bytes[1], bytes[2]];
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (looksLikeUtf16(bytes, 1)) return new TextDecoder('utf-16le').decode(bytes);
  if (looksLikeUtf16(bytes, 0)) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Digits and separators in UTF-16 have a zero byte every other byte; text in an 8-bit encoding never does. */
function looksLikeUtf16(bytes: Uint8Array, zeroAt: 0 | 1): boolean {
  const pairs = Math.min(Math.floor(bytes.length / 2), 512);
  if (pairs < 2) return false;
  let zeros = 0;
  for (let i = 0; i < pairs; i++) if (bytes[i * 2 + zeroAt] === 0 && bytes[i * 2 + (1 - zeroAt)] !== 0) zeros++;
  return zeros >= pairs * 0.6;
}
