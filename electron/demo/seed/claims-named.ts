// Claims of the named parties (actors.md §7). Amounts and dates are the story's; the builder keeps
// payments and placements consistent.
import { ClaimsBuilder, type ClaimsFixture } from './claims-model';

const year = (aar: string, text: string) => ({ text, year: aar });
const term = (aar: string, t: string, fromDate: string, toDate: string) => ({ year: aar, term: t, fromDate, toDate });

const kind = (type: string, group: string, description: string) => ({ type, group, description });
const RESTSKATT = kind('RESTSKATT', 'Skatt', 'Restskatt');
const FORSKUDDSSKATT = kind('UTSKR_FORSKSKATT', 'Skatt', 'Forskuddsskatt');
const MVA = kind('Mva-melding', 'Merverdiavgift', 'Merverdiavgift');
const RENTE = kind('Forsinkelsesrente', 'Andre krav', 'Forsinkelsesrente');
const ARBEIDSGIVERAVGIFT = kind('ARBGAVG', 'Arbeidsgiveravgift', 'Arbeidsgiveravgift');
const FORSKUDDSTREKK = kind('FORSKTREKK', 'Forskuddstrekk', 'Forskuddstrekk');

const RESTSKATT_2025 = { ...RESTSKATT, period: year('2025', 'Inntektsåret 2025'), created: '2026-06-20' };
const TERM_04 = term('2026', '04', '2026-07-01', '2026-08-31');
const TERM_05 = term('2026', '05', '2026-09-01', '2026-10-31');
/** A term the party reported itself, and when the claim was made. */
const filed = (period: ReturnType<typeof term>, created: string) => ({ period, created, assessment: 'egenfastsatt' as const });

type Build = (b: ClaimsBuilder) => void;

const NAMED: Record<string, { name: string; account: string; build: Build }> = {
  '313367002': {
    name: 'FJELLBEKK RØRLEGGERSERVICE',
    account: '******12057',
    build: (b) => {
      b.claim({
        ...RESTSKATT_2025,
        interest: 212.4,
        instalments: [{ due: '2026-08-20', amount: 18450 }],
      });
      b.claim({
        ...FORSKUDDSSKATT,
        period: { year: '2026' },
        created: '2026-01-20',
        instalments: [
          { due: '2026-03-15', amount: 6250, paid: [{ amount: 6250, date: '2026-03-14' }] },
          { due: '2026-06-15', amount: 6250, paid: [{ amount: 6250, date: '2026-06-12' }] },
          { due: '2026-09-15', amount: 6250, paid: [{ amount: 6250, date: '2026-09-14' }] },
          { due: '2026-12-15', amount: 6250 },
        ],
      });
      b.unplacedPayment(500, '2026-11-02', 'Delbetaling restskatt');
    },
  },
  '311851381': {
    name: 'HAVBRIS FRISØR',
    account: '******12049',
    build: (b) => {
      const term04 = b.claim({
        ...MVA,
        ...filed(TERM_04, '2026-09-20'),
        instalments: [{ due: '2026-10-12', amount: 11200, paid: [{ amount: 11200, date: '2026-10-19' }] }],
      });
      b.claim({
        ...MVA,
        ...filed(TERM_05, '2026-11-10'),
        instalments: [{ due: '2026-12-10', amount: 14300 }],
      });
      b.claim({
        ...RENTE,
        period: { year: '2026' },
        created: '2026-10-20',
        principalId: term04,
        instalments: [{ due: '2026-10-20', amount: 86 }],
      });
    },
  },
  '314961900': {
    name: 'NORDLYS SNEKKERVERKSTED',
    account: '******12030',
    build: (b) => {
      b.claim({
        ...ARBEIDSGIVERAVGIFT,
        ...filed(TERM_05, '2026-11-05'),
        interest: 28.5,
        instalments: [{ due: '2026-11-16', amount: 9870 }],
      });
      b.claim({
        ...FORSKUDDSTREKK,
        ...filed(TERM_05, '2026-11-05'),
        interest: 12.6,
        instalments: [{ due: '2026-11-16', amount: 22400, paid: [{ amount: 18000, date: '2026-11-14' }] }],
      });
    },
  },
  '314055403': {
    name: 'SOLSIDEN KAFÉ',
    account: '******12065',
    build: (b) => {
      b.payout({
        ...MVA,
        period: { year: '2026', term: '04' },
        created: '2026-10-15',
        amount: 3120,
        date: '2026-10-28',
        message: 'Tilbakebetaling mva',
      });
      b.claim({
        ...MVA,
        ...filed(TERM_05, '2026-11-10'),
        instalments: [{ due: '2026-12-10', amount: 7850 }],
      });
    },
  },
  '212201782': { name: 'GRANLI TRANSPORT', account: '******12022', build: () => {} },
  '310478717': {
    name: 'KYSTLINJE FOTO',
    account: '******12014',
    build: (b) => {
      b.claim({
        ...RESTSKATT_2025,
        interest: 36.9,
        instalments: [{ due: '2026-08-20', amount: 3210, deferred: true }],
      });
    },
  },
  '310000078': {
    name: 'FJORDVIND HANDEL AS',
    account: '******12081',
    build: (b) => {
      b.claim({
        ...MVA,
        ...filed(TERM_04, '2026-09-20'),
        interest: 380.2,
        instalments: [{ due: '2026-10-12', amount: 48200 }],
      });
      b.claim({
        ...ARBEIDSGIVERAVGIFT,
        ...filed(TERM_05, '2026-11-05'),
        interest: 140.4,
        instalments: [{ due: '2026-11-16', amount: 31500 }],
      });
    },
  },
  '310000035': {
    name: 'BERGTIND BYGG AS',
    account: '******12073',
    build: (b) => {
      b.claim({
        ...ARBEIDSGIVERAVGIFT,
        ...filed(TERM_05, '2026-11-05'),
        instalments: [{ due: '2026-11-16', amount: 120000 }],
      });
    },
  },
  '310000051': {
    name: 'LYSAKER KONSULT AS',
    account: '******12098',
    build: (b) => {
      b.claim({
        ...RESTSKATT_2025,
        instalments: [{ due: '2026-08-20', amount: 5000 }],
      });
    },
  },
  '310000086': {
    name: 'UKJENT HANDEL AS',
    account: '******12106',
    build: (b) => {
      b.claim({
        ...RESTSKATT_2025,
        instalments: [{ due: '2026-08-20', amount: 1000 }],
      });
    },
  },
};

/** Named parties, with a fixture or without one (c9 and c11, where an authorised call gives KB-009). */
export const isNamedParty = (orgNo: string): boolean => orgNo in NAMED || orgNo === '310000043' || orgNo === '310000094';

export function namedClaims(orgNo: string): ClaimsFixture | null {
  const spec = NAMED[orgNo];
  if (!spec) return null;
  const b = new ClaimsBuilder(orgNo, spec.name, spec.account);
  spec.build(b);
  return b.build();
}
