import { describe, expect, it } from 'vitest';
import {
  datePattern,
  formatDate,
  formatDateTime,
  formatMoney,
  formatNumber,
  formatSheetDateTime,
  formatTime,
  parseLocalDate,
} from '../../../shared/format/format';

const nbsp = /[\u00a0\u202f ]/g;
const plain = (s: string) => s.replace(nbsp, ' ');

describe('the one formatter', () => {
  it('groups thousands in both languages', () => {
    expect(plain(formatNumber(50000, 'nb'))).toBe('50 000');
    expect(formatNumber(50000, 'en')).toBe('50,000');
    expect(formatNumber(1, 'nb')).toBe('1');
  });

  it('words money the same way every screen does', () => {
    expect(plain(formatMoney(18450, 'nb'))).toBe('kr 18 450,00');
    expect(plain(formatMoney(18450, 'en'))).toBe('NOK 18,450.00');
  });

  it('keeps a calendar date on its day and words it per language', () => {
    expect(formatDate('2026-08-20', 'nb')).toBe('20.08.2026');
    expect(formatDate('2026-08-20', 'en')).toBe('20/08/2026');
  });

  it('shows instants in the given time zone, not UTC', () => {
    expect(formatDateTime('2026-08-20T12:05:00Z', 'nb', 'Europe/Oslo')).toContain('14:05');
    expect(formatTime('2026-01-20T12:05:09Z', 'nb', 'Europe/Oslo')).toBe('13:05:09');
  });

  it('writes export times as dd.mm.åååå tt:mm (nb) or dd/mm/yyyy hh:mm (en) in local time, midnight as 00', () => {
    expect(formatSheetDateTime('2026-08-20T12:05:00Z', 'nb', 'Europe/Oslo')).toBe('20.08.2026 14:05');
    expect(formatSheetDateTime('2026-08-20T12:05:00Z', 'en', 'Europe/Oslo')).toBe('20/08/2026 14:05');
    expect(formatSheetDateTime('2026-12-31T23:30:00Z', 'nb', 'Europe/Oslo')).toBe('01.01.2027 00:30');
  });

  it('parses the locale date pattern and refuses dates that do not exist', () => {
    expect(datePattern('nb')).toBe('dd.mm.åååå');
    expect(parseLocalDate('20.08.2026')).toBe('2026-08-20');
    expect(parseLocalDate('1/2/2026')).toBe('2026-02-01');
    expect(parseLocalDate('31.02.2026')).toBeNull();
    expect(parseLocalDate('2026-08-20')).toBeNull();
  });
});
