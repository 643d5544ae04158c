import { describe, expect, it } from 'vitest';
import { sumAmounts } from '../../../shared/domain/money';
import { formatMoney, formatSheetAmount } from '../../../shared/format/format';

// Intl separates groups with a (narrow) no-break space; compare what a reader sees.
const plain = (s: string): string => s.replace(/[\u00a0\u202f]/g, ' ');

describe('NOK amounts', () => {
  it('reads as Norwegian accountants write it: kr 24 200,00', () => {
    expect(plain(formatMoney(24200))).toBe('kr 24 200,00');
    expect(plain(formatMoney(212.4))).toBe('kr 212,40');
    expect(plain(formatMoney(1234567.891))).toBe('kr 1 234 567,89');
  });

  it('keeps the sign of credit claims and never shows minus zero', () => {
    expect(plain(formatMoney(-3120))).toMatch(/^kr [−-]3 120,00$/);
    expect(plain(formatMoney(-0.001))).toBe('kr 0,00');
  });

  it('has an English form with the currency code', () => {
    expect(formatMoney(24200, 'en')).toBe('NOK\u00a024,200.00');
  });

  it('writes CSV amounts with a decimal comma and no grouping', () => {
    expect(formatSheetAmount(24200)).toBe('24200,00');
    expect(formatSheetAmount(-3120.5)).toBe('-3120,50');
    expect(formatSheetAmount(0.1 + 0.2)).toBe('0,30');
  });

  it('sums in whole øre', () => {
    expect(sumAmounts([0.1, 0.2, 0.3])).toBe(0.6);
    expect(sumAmounts([18450, 6250, -500])).toBe(24200);
  });
});
