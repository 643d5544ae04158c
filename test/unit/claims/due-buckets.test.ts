import { describe, expect, it } from 'vitest';
import type { Claim, OpenClaimsResult } from '../../../shared/contract/claims';
import { dueBuckets, isoWeek, mondayOf } from '../../../renderer/src/views/claims/due-buckets';

const claim = (dueDate: string | null, remainingAmount: number, overdue = false): Claim => ({
  claimId: 'K',
  instalmentId: 'F',
  type: 'T',
  group: 'G',
  description: 'D',
  period: 'P',
  dueDate,
  originalAmount: remainingAmount,
  remainingAmount,
  kid: null,
  overdue,
  deferred: false,
});

const result = (claims: Claim[]): OpenClaimsResult => ({
  asOf: '2026-11-24',
  clients: [{ orgNumber: '313367002', name: null, outcome: 'ok', claims, totals: null, error: null }],
});

describe('amounts due by week', () => {
  it('knows ISO weeks around the demo date and the turn of the year', () => {
    expect(mondayOf('2026-11-24')).toBe('2026-11-23');
    expect(isoWeek('2026-11-24')).toBe(48);
    expect(isoWeek('2026-12-31')).toBe(53);
    expect(isoWeek('2027-01-04')).toBe(1);
  });

  it('puts overdue amounts in their own bar and upcoming ones in their week', () => {
    const buckets = dueBuckets(
      result([claim('2026-08-20', 18450, true), claim('2026-12-15', 6250), claim('2026-12-10', 14300), claim('2026-11-16', 86, true)]),
    );
    expect(buckets[0]).toEqual({ kind: 'overdue', amount: 18536 });
    expect(buckets.filter((b) => b.kind === 'week').map((b) => b.kind === 'week' && [b.week, b.amount])).toEqual([
      [48, 0],
      [49, 0],
      [50, 14300],
      [51, 6250],
      [52, 0],
      [53, 0],
      [1, 0],
      [2, 0],
    ]);
    expect(buckets.at(-1)).toEqual({ kind: 'later', amount: 0 });
  });

  it('counts what falls due after the horizon, or has no due date, as later', () => {
    const buckets = dueBuckets(result([claim('2027-06-01', 1000), claim(null, 50)]), 2);
    expect(buckets.map((b) => b.amount)).toEqual([0, 0, 0, 1050]);
  });
});
