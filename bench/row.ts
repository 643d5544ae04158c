// A benchmark row compares the thing we ship with a baseline measured side by side in the same run,
// so the ratio holds on a noisy machine even when the absolute numbers do not.
export interface Measure {
  label: string;
  value: number;
  unit: string;
}

export interface RowResult {
  id: string;
  title: string;
  subject: Measure;
  baseline: Measure;
  /** subject / baseline, oriented so that the note explains what good looks like. */
  ratio: number;
  note: string;
  extra?: Measure[];
  /** The goal this row is held to (issue 16), and whether this run met it. */
  target?: Target;
}

export interface Target {
  text: string;
  met: boolean;
}

/** `value` must be at most `limit`; the text says so in the row's own terms. */
export const atMost = (value: number, limit: number, what: string, unit = ''): Target => ({
  text: `${what} ≤ ${limit}${unit}`,
  met: Number.isFinite(value) && value <= limit,
});

/** `value` must be at least `limit`. */
export const atLeast = (value: number, limit: number, what: string, unit = ''): Target => ({
  text: `${what} ≥ ${limit}${unit}`,
  met: Number.isFinite(value) && value >= limit,
});

export interface BenchRow {
  id: string;
  title: string;
  /** More ids the row answers to on the command line: the results it measures besides its own (a re-sync, a review). */
  aliases?: readonly string[];
  /** One result, or several when one measurement answers several targets (a sync and its re-sync). */
  run(): Promise<RowResult | RowResult[]>;
}

/** 50000 → "50,000", as the titles write client counts. */
export const thousands = (n: number): string => n.toLocaleString('en-GB');

/** Runs `fn` repeatedly for at least `ms` and returns operations per second. */
export async function opsPerSecond(fn: () => Promise<unknown> | unknown, ms = 1500): Promise<number> {
  for (let i = 0; i < 20; i++) await fn();
  let count = 0;
  const start = performance.now();
  while (performance.now() - start < ms) {
    await fn();
    count++;
  }
  return (count * 1000) / (performance.now() - start);
}

export const round = (n: number, digits = 2): number => Math.round(n * 10 ** digits) / 10 ** digits;

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** `npm run bench -- ui sync-200k`: a row runs when one of its ids is a word, or starts with the word and a dash. */
export const selects = (row: BenchRow, word: string): boolean =>
  [row.id, ...(row.aliases ?? [])].some((id) => id === word || id.startsWith(`${word}-`));
