// Client-number files as Excel and other systems write them: the org-number column chosen by header or by
// content, quoted line breaks, UTF-16 and Windows-1252, with every line accounted for.
import { describe, expect, it } from 'vitest';
import { decodeOrgNumberFile, parseOrgNumberList, type OrgNumberList } from '../../../shared/domain/org-number-list';

const numbers = (list: OrgNumberList) => list.entries.map((e) => e.orgNumber);
const accounted = (list: OrgNumberList) =>
  new Set([...list.entries.map((e) => e.line), ...list.errors.map((e) => e.line), ...list.skipped.map((s) => s.line)]).size;

const utf16le = (text: string, bom: boolean): Uint8Array => {
  const bytes = new Uint8Array((bom ? 2 : 0) + text.length * 2);
  if (bom) bytes.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[(bom ? 2 : 0) + i * 2] = code & 0xff;
    bytes[(bom ? 2 : 0) + i * 2 + 1] = code >> 8;
  }
  return bytes;
};

describe('the org-number column', () => {
  it('is chosen by content in a ; export without a header: postcodes and phone numbers are not org numbers', () => {
    // Name; org number; postcode; phone (8 digits) — the layout of an Excel export from an accounting system.
    const csv = [
      'HAVBRIS FRISØR;311851381;0150;22334455',
      'FJELLBEKK RØRLEGGER;313367002;5003;55667788',
      'NORDLYS AS;314961900;9008;77001122',
    ].join('\r\n');
    const list = parseOrgNumberList(csv);
    expect(numbers(list)).toEqual(['311851381', '313367002', '314961900']);
    expect(list.errors).toEqual([]);
  });

  it('is chosen by content even when another column holds nine digits that fail mod 11', () => {
    const csv = ['311851381;123456789', '313367002;987654321', '314961900;111111111'].join('\n');
    expect(numbers(parseOrgNumberList(csv))).toEqual(['311851381', '313367002', '314961900']);
  });

  it('is the one the header names, even when another column would pass mod 11 more often', () => {
    const csv = ['Forelder;Orgnr', '311851381;313367002', '311851381;314961900'].join('\n');
    expect(numbers(parseOrgNumberList(csv))).toEqual(['313367002', '314961900']);
  });

  it('is not forced on a free-form list: every field of every line is still read', () => {
    expect(numbers(parseOrgNumberList('313367002, 311851381\n314961900'))).toEqual(['313367002', '311851381', '314961900']);
  });
});

describe('quoted line breaks', () => {
  it('keep a cell with a line break in one record, and its number with it', () => {
    const csv = 'Navn;Orgnr;Adresse\r\n"HAVBRIS\r\nFRISØR";311851381;"Storgata 1\r\n0150 Oslo"\r\nNORDLYS AS;314961900;Tromsø\r\n';
    const list = parseOrgNumberList(csv);
    expect(list.entries.map((e) => [e.line, e.orgNumber])).toEqual([
      [2, '311851381'],
      [5, '314961900'],
    ]);
    expect(list.errors).toEqual([]);
    expect(list.skipped).toEqual([
      { line: 1, reason: 'header' },
      { line: 3, reason: 'continuation' },
      { line: 4, reason: 'continuation' },
    ]);
    expect(accounted(list)).toBe(list.totalLines);
  });

  it('reads a number split over two lines inside one quoted cell as the numbers in it', () => {
    expect(numbers(parseOrgNumberList('"313367002\n311851381"'))).toEqual(['313367002', '311851381']);
  });

  it('still reports a quote that never closes on its own line, and reads the lines after it', () => {
    const list = parseOrgNumberList('"313367002;x\n311851381\n314961900');
    expect(list.errors.map((e) => [e.line, e.problem])).toEqual([[1, 'unbalanced-quotes']]);
    expect(numbers(list)).toEqual(['311851381', '314961900']);
  });
});

describe('file encodings', () => {
  const text = 'Navn\tOrgnr\r\nBRØDRENE ÅS\t311851381\r\nSØR-TRØNDER\t313367002\r\n';

  it('reads Excel "Unicode text" (UTF-16LE with a BOM)', () => {
    const decoded = decodeOrgNumberFile(utf16le(text, true));
    expect(decoded).toBe(text);
    expect(numbers(parseOrgNumberList(decoded))).toEqual(['311851381', '313367002']);
  });

  it('reads UTF-16LE without a BOM', () => {
    expect(decodeOrgNumberFile(utf16le(text, false))).toBe(text);
  });

  it('reads UTF-16BE with a BOM', () => {
    const le = utf16le(text, false);
    const be = new Uint8Array(le.length + 2);
    be.set([0xfe, 0xff]);
    for (let i = 0; i < le.length; i += 2) [be[i + 2], be[i + 3]] = [le[i + 1]!, le[i]!];
    expect(decodeOrgNumberFile(be)).toBe(text);
  });

  it('reads Windows-1252 (Norwegian Excel CSV), keeping æ, ø and å', () => {
    // Ø is 0xD8 and Å is 0xC5 in Windows-1252; as UTF-8 those bytes are invalid.
    const bytes = Uint8Array.from(
      [...'BR']
        .map((c) => c.charCodeAt(0))
        .concat(
          [0xd8],
          [...'DRENE '].map((c) => c.charCodeAt(0)),
          [0xc5],
          [...'S;311851381\r\n'].map((c) => c.charCodeAt(0)),
        ),
    );
    const decoded = decodeOrgNumberFile(bytes);
    expect(decoded).toBe('BRØDRENE ÅS;311851381\r\n');
    expect(numbers(parseOrgNumberList(decoded))).toEqual(['311851381']);
  });

  it('reads UTF-8 with and without a BOM', () => {
    const utf8 = new TextEncoder().encode(text);
    expect(decodeOrgNumberFile(utf8)).toBe(text);
    expect(decodeOrgNumberFile(Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8]))).toBe(text);
  });
});

describe('the per-line report', () => {
  it('names every bad line of a table by its line number, in the chosen column only', () => {
    const csv = ['Navn;Orgnr;Postnr', 'A;311851381;0150', 'B;311851382;0151', 'C;12345;0152', 'D;;0153'].join('\n');
    const list = parseOrgNumberList(csv);
    expect(numbers(list)).toEqual(['311851381']);
    expect(list.errors.map((e) => [e.line, e.problem])).toEqual([
      [3, 'bad-check-digit'],
      [4, 'not-nine-digits'],
      [5, 'no-number'],
    ]);
    expect(accounted(list)).toBe(list.totalLines);
  });
});
