import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { toClientClaims } from '../../../electron/features/claims/open-claims-to-contract';
import { claimsFailure } from '../../../electron/features/claims/claims-failure';
import { parseOpenClaims } from '../../../electron/services/skatteetaten/schemas';
import { ServiceError } from '../../../electron/platform/errors';
import { claimsToCsv, type CsvLabels } from '../../../renderer/src/views/claims/claims-csv';
import { claimsTexts } from '../../../renderer/src/views/claims/texts';
import { C1_BODY } from './aapnekrav-body';

const labels: CsvLabels = {
  headers: {
    orgNumber: 'Org.nr',
    client: 'Klient',
    status: 'Status',
    claimId: 'Krav-ID',
    type: 'Kravtype',
    group: 'Kravgruppe',
    description: 'Beskrivelse',
    period: 'Periode',
    dueDate: 'Forfall',
    originalAmount: 'Opprinnelig',
    remainingAmount: 'Gjenstående',
    kid: 'KID',
    overdue: 'Forfalt',
    deferred: 'Utsatt',
  },
  outcome: { ok: 'Åpne krav', none: 'Ingen åpne krav', not_delegated: 'Ikke delegert', withheld: 'Skjermet', error: 'Feil' },
  claimTypes: claimsTexts.nb.claimTypes,
  yes: 'Ja',
  no: 'Nei',
  language: 'nb',
};

const englishLabels: CsvLabels = {
  headers: { ...claimsTexts.en.csv },
  outcome: claimsTexts.en.outcome,
  claimTypes: claimsTexts.en.claimTypes,
  yes: claimsTexts.en.csv.yes,
  no: claimsTexts.en.csv.no,
  language: 'en',
};

const result = {
  asOf: '2026-11-24',
  clients: [
    toClientClaims(parseOpenClaims(C1_BODY, '313367002'), '2026-11-24', 'FJELLBEKK RØRLEGGERSERVICE'),
    claimsFailure(
      '310478717',
      new ServiceError({ service: 'skatteetaten', code: 'DAS-008', status: 403, message: 'x', korrelasjonsid: 'k-6' }),
    ),
  ],
};

describe('claims CSV', () => {
  const csv = claimsToCsv(result, labels);
  const rows = Papa.parse<string[]>(csv.slice(1), { delimiter: ';' }).data.filter((r) => r.length > 1);

  it('starts with a BOM and separates fields with semicolons', () => {
    expect(csv.startsWith('\ufeffOrg.nr;Klient;Status;')).toBe(true);
    expect(csv).toContain('\r\n');
  });

  it('writes one line per open instalment, amounts with a decimal comma', () => {
    expect(rows[1]).toEqual([
      '313 367 002',
      'FJELLBEKK RØRLEGGERSERVICE',
      'Åpne krav',
      'KRAV-31336701',
      'Restskatt',
      'Skatt',
      'Restskatt',
      'Inntektsåret 2025',
      '20.08.2026',
      '18450,00',
      '18450,00',
      '31336700225080',
      'Ja',
      'Nei',
      '313367002',
      'ok',
      'RESTSKATT',
      '2026-08-20',
      '',
      '',
    ]);
    expect(rows[2]![10]).toBe('6250,00');
  });

  it('accounts for a client without claims with its status, code and correlation id', () => {
    expect(rows[3]).toEqual([
      '310 478 717',
      '',
      'Ikke delegert',
      ...Array<string>(11).fill(''),
      '310478717',
      'not_delegated',
      '',
      '',
      'DAS-008',
      'k-6',
    ]);
  });

  it('speaks English for an English reader and keeps the same machine columns', () => {
    const [header, first] = Papa.parse<string[]>(claimsToCsv(result, englishLabels).slice(1), { delimiter: ';' }).data as [
      string[],
      string[],
    ];
    const cell = (name: string) => first[header.indexOf(name)];
    expect(cell('Organisation number')).toBe('313 367 002');
    expect(cell('Status')).toBe(claimsTexts.en.outcome.ok);
    expect(cell('Claim type')).toBe('Outstanding tax');
    expect(cell('Due date')).toBe('20/08/2026');
    expect(cell('Overdue')).toBe('Yes');
    expect([cell('org_no'), cell('status_code'), cell('claim_type_code'), cell('due_date_iso')]).toEqual([
      '313367002',
      'ok',
      'RESTSKATT',
      '2026-08-20',
    ]);
  });

  it('defuses cells that a spreadsheet would run as a formula, but not negative amounts', () => {
    const evil = {
      asOf: '2026-11-24',
      clients: [
        { ...result.clients[0]!, claims: [{ ...result.clients[0]!.claims[0]!, description: '=HYPERLINK("x")', remainingAmount: -3120 }] },
      ],
    };
    const line = claimsToCsv(evil, labels).split('\r\n')[1]!;
    expect(line).toContain(`"'=HYPERLINK(""x"")"`);
    expect(line).toContain(';-3120,00;');
  });
});
