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
}

export interface BenchRow {
  id: string;
  title: string;
  run(): Promise<RowResult>;
}

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
