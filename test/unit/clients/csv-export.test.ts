import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { clientsCsv, CSV_BOM } from '../../../electron/core/clients/csv-export';
import { client, DEMO_CLIENTS, openTestDb, seed } from './helpers';

const NOW = new Date('2026-11-24T12:00:00Z');

function exported(query = {}, language: 'nb' | 'en' = 'nb') {
  const db = openTestDb();
  seed(db, {
    clients: [
      ...DEMO_CLIENTS,
      client('320000008', 'BRØDRENE "HANSEN"; SØNN AS', ['REGN']),
      client('320000016', '=HYPERLINK("http://evil.example")', ['REGN']),
    ],
  });
  return clientsCsv(db, 'demo', query, { language, now: NOW });
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
    expect(cell('Relasjon')).toBe('REGN');
    expect(cell('Delegert til')).toBe('SmartRegnskap – klienter, SmartRegnskap – skatt');
    expect(cell('Foreslått systemtilgang')).toBe('SmartRegnskap – klienter');
  });

  it('names the missing package of an AND-rule failure', () => {
    const [header, row] = parse(exported({ search: 'havbris' }).csv) as [string[], string[]];
    expect(row[header.indexOf('Mangler (OG-regelen)')]).toBe('SmartRegnskap – skatt: skattegrunnlag');
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
});
