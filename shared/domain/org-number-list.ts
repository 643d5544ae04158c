// Reads a list of organisation numbers that a person pasted or exported from another system: one or more
// numbers per line, any separators, CSV with `;` or `,`, quoted fields, a BOM, a header row. Every line of
// the input is accounted for (an entry, an error with its line number, or skipped as blank/header), so a
// messy file never imports silently in part. Pure: the renderer and the main process both use it.
import Papa from 'papaparse';
import { orgNumberProblem } from './orgnr';

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
  skipped: { line: number; reason: 'blank' | 'header' }[];
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
  const parsed = Papa.parse<string[]>(line, { delimiter, newline: '\n', quoteChar: '"' });
  const fields = parsed.data.flat();
  return { fields, unbalanced: parsed.errors.some((e) => e.type === 'Quotes') };
}

export function parseOrgNumberList(text: string, options: { maxNumbers?: number } = {}): OrgNumberList {
  const maxNumbers = options.maxNumbers ?? MAX_ORG_NUMBERS;
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  // A trailing newline does not make an extra line.
  if (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const delimiter = guessDelimiter(lines);
  const result: OrgNumberList = { entries: [], errors: [], skipped: [], totalLines: lines.length, refusal: null };
  let orgColumn: number | null = null;
  let seenContent = false;

  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (trimmed === '') {
      result.skipped.push({ line, reason: 'blank' });
      return;
    }
    const { fields, unbalanced } = splitLine(raw, delimiter);
    if (!seenContent) {
      seenContent = true;
      if (!/\d/.test(trimmed)) {
        const column = fields.findIndex((f) => ORG_NUMBER_HEADER.test(f));
        orgColumn = column >= 0 ? column : null;
        result.skipped.push({ line, reason: 'header' });
        return;
      }
    }
    if (unbalanced) {
      result.errors.push({ line, input: shown(trimmed), problem: 'unbalanced-quotes', message: MESSAGES['unbalanced-quotes'] });
      return;
    }
    const considered = orgColumn === null ? fields : [fields[orgColumn] ?? ''];
    let found = 0;
    for (const rawField of considered) {
      const field = stripVatDecoration(rawField.trim());
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
