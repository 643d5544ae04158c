import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { CLIENT_MACHINE_HEADERS, clientsCsv, CSV_BOM } from '../../../electron/features/clients/csv-export';
import { formatSheetDateTime } from '../../../shared/format/format';
import { client, DEMO_CLIENTS, openTestDb, seed, SU_A, SU_B } from './helpers';

const NOW = new Date('2026-11-24T12:00:00Z');

function exported(query = {}, language: 'nb' | 'en' = 'nb', timeZone = 'Europe/Oslo') {
  const db = openTestDb();
  seed(db, {
    clients: [
      ...DEMO_CLIENTS,
      client('320000008', 'BRØDRENE "HANSEN"; SØNN AS', ['REGN']),
      client('320000016', '=HYPERLINK("http://evil.example")', ['REGN']),
    ],
  });
  return clientsCsv(db, 'demo', query, { language, now: NOW, timeZone });
}

const parse = (csv: string) => Papa.parse<string[]>(csv.slice(CSV_BOM.length), { delimiter: ';' }).data.filter((r) => r.length > 1);

describe('the CSV export', () => {
  it('starts with a BOM, uses semicolons and CRLF, and names the file after the environment and day', () => {
    const { filename, csv } = exported();
    expect(csv.startsWith('\uFEFFNavn;Organisasjonsnummer;')).toBe(true);
    expect(csv).toContain('\r\n');
    expect(filename).toBe('klienter-demo-2026-11-24.csv');
    expect(exported({}, 'en').csv.startsWith('\uFEFFName;Organisation number;')).toBe(true);
  });

  it('writes org numbers as 123 456 789 and system users by title', () => {
    const rows = parse(exported({ search: 'fjellbekk' }).csv);
    expect(rows).toHaveLength(2);
    const [header, row] = rows as [string[], string[]];
    const cell = (name: string) => row[header.indexOf(name)];
    expect(cell('Organisasjonsnummer')).toBe('313 367 002');
    expect(cell('Relasjon')).toBe('Regnskapsfører');
    expect(cell('Delegert til')).toBe('SmartRegnskap – klienter, SmartRegnskap – skatt');
    expect(cell('Foreslått systemtilgang')).toBe('SmartRegnskap – klienter');
  });

  it('names the missing package of an AND-rule failure', () => {
    const [header, row] = parse(exported({ search: 'havbris' }).csv) as [string[], string[]];
    expect(row[header.indexOf('Mangler (OG-regelen)')]).toBe('SmartRegnskap – skatt: Skattegrunnlag');
  });

  it('quotes a name with a semicolon and quotes so it stays one cell, and defuses formulas', () => {
    const { csv } = exported({ search: 'hansen' });
    expect(csv).toContain('"BRØDRENE ""HANSEN""; SØNN AS";');
    const [, hansen] = parse(csv) as [string[], string[]];
    expect(hansen[0]).toBe('BRØDRENE "HANSEN"; SØNN AS');
    const [, formula] = parse(exported({ search: '320 000 016' }).csv) as [string[], string[]];
    expect(formula[0]).toBe(`'=HYPERLINK("http://evil.example")`);
  });

  it('exports exactly the rows of the current view', () => {
    const rows = parse(exported({ relationships: ['REVI', 'FFØR'] }).csv);
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(['BERGTIND BYGG AS', 'ELVEBREDDEN BORETTSLAG']);
  });

  it('carries human columns in the reader language and local time, and machine columns with codes, ids and ISO times', () => {
    const table = (lang: 'nb' | 'en') => {
      const [header, row] = parse(exported({ search: 'fjellbekk' }, lang).csv) as [string[], string[]];
      return (name: string) => row[header.indexOf(name)];
    };
    const nb = table('nb');
    const sorted = (cell: string | undefined, by: string) => cell!.split(by).sort();
    expect(sorted(nb('Tilgangspakker'), ', ')).toEqual([
      'Regnskapsfører lønn',
      'Regnskapsfører med signeringsrettighet',
      'Regnskapsfører uten signeringsrettighet',
      'Skattegrunnlag',
    ]);
    expect(nb('relationship_codes')).toBe('REGN');
    expect(sorted(nb('package_codes'), ',')).toEqual([
      'regnskapsforer-lonn',
      'regnskapsforer-med-signeringsrettighet',
      'regnskapsforer-uten-signeringsrettighet',
      'skattegrunnlag',
    ]);
    expect(nb('org_no')).toBe('313367002');
    expect(nb('delegated_to_ids')!.split(',').sort()).toEqual([SU_A, SU_B].sort());
    expect(nb('suggested_system_access_id')).toBe(SU_A);
    const seen = nb('first_seen_utc')!;
    expect(seen).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    expect(nb('Først sett')).toBe(formatSheetDateTime(seen, 'nb', 'Europe/Oslo'));
    expect(nb('Først sett')).toMatch(/^\d\d\.\d\d\.\d{4} \d\d:\d\d$/);

    const en = table('en');
    expect(en('Relationship')).toBe('Accountant');
    expect(en('Access packages')).toContain('Accountant with signing rights');
    expect(en('Access packages')).toContain('Tax basis');
    for (const name of CLIENT_MACHINE_HEADERS) expect(en(name), name).toBe(nb(name));
    expect(en('package_codes')).toBe(nb('package_codes'));
    expect(en('First seen')).toMatch(/^\d\d\/\d\d\/\d{4} \d\d:\d\d$/);
  });

  it('writes local time in the reader time zone', () => {
    const at = (timeZone: string) => {
      const [header, row] = parse(exported({ search: 'fjellbekk' }, 'nb', timeZone).csv) as [string[], string[]];
      return row[header.indexOf('Først sett')];
    };
    const seen = (() => {
      const [header, row] = parse(exported({ search: 'fjellbekk' }).csv) as [string[], string[]];
      return row[header.indexOf('first_seen_utc')]!;
    })();
    expect(at('UTC')).toBe(formatSheetDateTime(seen, 'nb', 'UTC'));
    expect(at('Asia/Tokyo')).not.toBe(at('UTC'));
  });
});
