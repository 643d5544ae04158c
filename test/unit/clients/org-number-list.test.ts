import { describe, expect, it } from 'vitest';
import {
  MAX_ORG_NUMBER_FILE_BYTES,
  orgNumberFileProblem,
  parseOrgNumberList,
  type OrgNumberList,
} from '../../../shared/domain/org-number-list';
import { generatedOrgNumbers } from './helpers';

const numbers = (list: OrgNumberList) => list.entries.map((e) => e.orgNumber);

/** Every line is an entry, an error or skipped: nothing is silently dropped. */
function accountedLines(list: OrgNumberList): Set<number> {
  return new Set([...list.entries.map((e) => e.line), ...list.errors.map((e) => e.line), ...list.skipped.map((s) => s.line)]);
}

describe('reading a pasted or imported list of org numbers', () => {
  it('takes any separators: newlines, commas, semicolons, tabs, pipes and spaces within a number', () => {
    const list = parseOrgNumberList('313367002, 311851381;314961900\t314055403|212201782\n310 478 717\n310.000.078 310000035');
    expect(numbers(list)).toEqual(['313367002', '311851381', '314961900', '314055403', '212201782', '310478717', '310000078', '310000035']);
    expect(list.errors).toEqual([]);
    expect(list.entries.map((e) => e.line)).toEqual([1, 1, 1, 1, 1, 2, 3, 3]);
  });

  it('reads a semicolon CSV from Norwegian Excel: BOM, CRLF, quoted fields, a header naming the column', () => {
    const csv = '\uFEFFNavn;Org.nr.;Postnr\r\n"BRØDRENE ""HANSEN""; SØNN AS";"313 367 002";5003\r\n"HAVBRIS FRISØR";311851381;0150\r\n';
    const list = parseOrgNumberList(csv);
    expect(numbers(list)).toEqual(['313367002', '311851381']);
    expect(list.skipped).toEqual([{ line: 1, reason: 'header' }]);
    expect(list.errors).toEqual([]);
    expect(list.totalLines).toBe(3);
  });

  it('reads a comma CSV with a header and names containing commas', () => {
    const list = parseOrgNumberList('orgnr,name\n313367002,"FJELLBEKK, RØRLEGGER"\n311851381,HAVBRIS\n');
    expect(numbers(list)).toEqual(['313367002', '311851381']);
    expect(list.errors).toEqual([]);
  });

  it('reads a VAT number (NO … MVA) as the org number inside it', () => {
    expect(numbers(parseOrgNumberList('NO 313 367 002 MVA\nNO311851381MVA'))).toEqual(['313367002', '311851381']);
  });

  it('reports invalid numbers with their line numbers and why', () => {
    const list = parseOrgNumberList('313367002\n313367003\n12345\nhello world\n"313367002;x\n\n31336700211');
    expect(numbers(list)).toEqual(['313367002']);
    expect(list.errors.map((e) => [e.line, e.problem])).toEqual([
      [2, 'bad-check-digit'],
      [3, 'not-nine-digits'],
      [4, 'no-number'],
      [5, 'unbalanced-quotes'],
      [7, 'not-nine-digits'],
    ]);
    expect(list.errors[0]).toMatchObject({ input: '313367003', message: expect.stringContaining('mod 11') });
    expect(list.skipped).toEqual([{ line: 6, reason: 'blank' }]);
  });

  it('keeps duplicates, each with its own line, so the review can name them', () => {
    const list = parseOrgNumberList('313367002\n311851381\n313 367 002');
    expect(list.entries).toEqual([
      { line: 1, orgNumber: '313367002', input: '313367002' },
      { line: 2, orgNumber: '311851381', input: '311851381' },
      { line: 3, orgNumber: '313367002', input: '313 367 002' },
    ]);
  });

  it('does not take a numberless first line for data, nor a numbered first line for a header', () => {
    expect(parseOrgNumberList('313367002\n311851381').skipped).toEqual([]);
    expect(parseOrgNumberList('\n\nOrganisasjonsnummer\n313367002').skipped.map((s) => s.reason)).toEqual(['blank', 'blank', 'header']);
  });

  it('accounts for every line of 10 MB of noise without crashing', () => {
    let seed = 42;
    const alphabet = '0123456789 ;,"\t.-|abcÆØÅ\u0000\uFFFD\r\n';
    const units = new Uint16Array(10 * 1024 * 1024);
    for (let i = 0; i < units.length; i++) {
      // xorshift32: deterministic noise, so a failure can be reproduced.
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      units[i] = alphabet.charCodeAt((seed >>> 0) % alphabet.length);
    }
    const noise = new TextDecoder('utf-16le').decode(units);
    const list = parseOrgNumberList(noise);
    expect(list.refusal).toBeNull();
    expect(list.totalLines).toBeGreaterThan(100_000);
    expect(accountedLines(list).size).toBe(list.totalLines);
  });

  it('imports nothing when the list holds more numbers than a batch may', () => {
    const many = generatedOrgNumbers(1_001).join('\n');
    const list = parseOrgNumberList(many, { maxNumbers: 1_000 });
    expect(list.refusal?.problem).toBe('too-many');
    expect(list.refusal?.message).toContain('Nothing was imported');
    expect(list.entries).toEqual([]);
    expect(list.errors).toEqual([]);
    expect(numbers(parseOrgNumberList(many, { maxNumbers: 1_001 }))).toHaveLength(1_001);
  });

  it('refuses files over 5 MB with a sentence, before reading them', () => {
    expect(orgNumberFileProblem(MAX_ORG_NUMBER_FILE_BYTES)).toBeNull();
    expect(orgNumberFileProblem(10 * 1024 * 1024)).toBe('The file is 10.0 MB; files over 5 MB are not read. Nothing was imported.');
  });
});
