import { describe, expect, it } from 'vitest';
import { CSV_BOM, writeCsv } from '../../../shared/format/csv';

describe('the one CSV writer', () => {
  it('writes a BOM, semicolons and CRLF, quoting only what needs it', () => {
    const csv = writeCsv(
      ['Navn', 'Beløp'],
      [
        ['Fjord; og fjell', '18450,00'],
        ['Ærlig "AS"', null],
      ],
    );
    expect(csv.startsWith(CSV_BOM)).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual(['Navn;Beløp', '"Fjord; og fjell";18450,00', '"Ærlig ""AS""";']);
  });

  it('defuses formulas but leaves negative amounts as numbers', () => {
    const csv = writeCsv(['A'], [['=HYPERLINK("x")'], ['@SUM(1)'], ['-cmd'], ['-3120,00']]);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")"`);
    expect(lines[2]).toMatch(/^"?'@SUM\(1\)"?$/);
    expect(lines[3]).toMatch(/^"?'-cmd"?$/);
    expect(lines[4]).toBe('-3120,00');
  });

  it('ends with a line break only when asked', () => {
    expect(writeCsv(['A'], [['1']], { finalNewline: true }).endsWith('1\r\n')).toBe(true);
    expect(writeCsv(['A'], [['1']]).endsWith('1')).toBe(true);
  });
});
