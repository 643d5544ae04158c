// Amounts falling due, by ISO week (Norwegian accountants plan in "uke"), from the reference date on; what is
// already overdue is one bar of its own, and everything after the horizon (or without a due date) another.
import type { OpenClaimsResult } from '../../../../shared/contract/claims';
import { sumAmounts } from '../../../../shared/domain/money';

export type DueBucket =
  { kind: 'overdue'; amount: number } | { kind: 'week'; week: number; monday: string; amount: number } | { kind: 'later'; amount: number };

export const WEEKS_AHEAD = 8;
const DAY_MS = 86_400_000;

export function dueBuckets(result: OpenClaimsResult, weeksAhead = WEEKS_AHEAD): DueBucket[] {
  const firstMonday = mondayOf(result.asOf);
  const overdue: number[] = [];
  const later: number[] = [];
  const weeks: number[][] = Array.from({ length: weeksAhead }, () => []);
  for (const client of result.clients) {
    for (const claim of client.claims) {
      if (claim.overdue) overdue.push(claim.remainingAmount);
      else if (claim.dueDate === null) later.push(claim.remainingAmount);
      else {
        const index = Math.floor((utcMs(claim.dueDate) - utcMs(firstMonday)) / (7 * DAY_MS));
        (weeks[index] ?? later).push(claim.remainingAmount);
      }
    }
  }
  return [
    { kind: 'overdue', amount: sumAmounts(overdue) },
    ...weeks.map((amounts, i) => {
      const monday = addDays(firstMonday, 7 * i);
      return { kind: 'week' as const, week: isoWeek(monday), monday, amount: sumAmounts(amounts) };
    }),
    { kind: 'later', amount: sumAmounts(later) },
  ];
}

const utcMs = (isoDate: string): number => Date.parse(`${isoDate}T00:00:00Z`);
const toIsoDate = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
const addDays = (isoDate: string, days: number): string => toIsoDate(utcMs(isoDate) + days * DAY_MS);

export function mondayOf(isoDate: string): string {
  const weekday = (new Date(utcMs(isoDate)).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return addDays(isoDate, -weekday);
}

/** ISO 8601 week number: the week with the year's first Thursday is week 1. */
export function isoWeek(isoDate: string): number {
  const thursday = utcMs(addDays(mondayOf(isoDate), 3));
  const yearStart = Date.UTC(new Date(thursday).getUTCFullYear(), 0, 1);
  return Math.floor((thursday - yearStart) / DAY_MS / 7) + 1;
}
