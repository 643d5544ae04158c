// Claims for generated clients, drawn on demand from (seed, org number) so 50,000 clients cost nothing
// until someone asks for one of them. Dates are placed around the demo date so every world has a mix of
// overdue, due and paid instalments.
import { createRng, hashSeed, intBetween, pick, type Rng } from '../random';
import { ClaimsBuilder, type ClaimsFixture } from './claims-model';
import { addDays } from './dates';

interface ClaimKind {
  type: string;
  group: string;
  description: string;
  forms: readonly string[];
  min: number;
  max: number;
}

const KINDS: readonly ClaimKind[] = [
  { type: 'RESTSKATT', group: 'Skatt', description: 'Restskatt', forms: ['ENK', 'DA', 'ANS'], min: 800, max: 60000 },
  { type: 'UTSKR_FORSKSKATT', group: 'Skatt', description: 'Forskuddsskatt', forms: ['ENK', 'AS', 'ASA'], min: 4000, max: 80000 },
  {
    type: 'Mva-melding',
    group: 'Merverdiavgift',
    description: 'Merverdiavgift',
    forms: ['ENK', 'AS', 'ASA', 'DA', 'ANS', 'NUF'],
    min: 1500,
    max: 250000,
  },
  {
    type: 'ARBGAVG',
    group: 'Arbeidsgiveravgift',
    description: 'Arbeidsgiveravgift',
    forms: ['AS', 'ASA', 'NUF', 'BRL', 'ESEK'],
    min: 2000,
    max: 180000,
  },
  {
    type: 'FORSKTREKK',
    group: 'Forskuddstrekk',
    description: 'Forskuddstrekk',
    forms: ['AS', 'ASA', 'NUF', 'BRL'],
    min: 3000,
    max: 300000,
  },
];

const amount = (rng: Rng, min: number, max: number): number => Math.round((min + rng() * (max - min)) / 10) * 10;

function addClaim(b: ClaimsBuilder, rng: Rng, kind: ClaimKind, demoDate: string): void {
  const aar = demoDate.slice(0, 4);
  const total = amount(rng, kind.min, kind.max);
  if (kind.type === 'UTSKR_FORSKSKATT') {
    const part = Math.round(total / 4);
    const firstDue = addDays(demoDate, -intBetween(rng, 250, 270));
    const instalments = [0, 1, 2, 3].map((i) => {
      const due = addDays(firstDue, i * 91);
      const paid = due < demoDate && rng() < 0.8 ? [{ amount: part, date: addDays(due, -1) }] : [];
      return { due, amount: part, paid };
    });
    b.claim({
      type: kind.type,
      group: kind.group,
      description: kind.description,
      period: { year: aar },
      created: addDays(firstDue, -55),
      instalments,
    });
    return;
  }
  const due = addDays(demoDate, intBetween(rng, -120, 45));
  const overdue = due < demoDate;
  const partlyPaid = rng() < 0.2;
  const paid = partlyPaid ? [{ amount: Math.round(total * 0.6), date: addDays(due, -2) }] : [];
  const interest = overdue ? Math.round(total * 0.0004 * intBetween(rng, 5, 120) * 10) / 10 : 0;
  b.claim({
    type: kind.type,
    group: kind.group,
    description: kind.description,
    period:
      kind.type === 'RESTSKATT'
        ? { text: `Inntektsåret ${Number(aar) - 1}`, year: String(Number(aar) - 1) }
        : { year: aar, term: pick(rng, ['04', '05']) },
    created: addDays(due, -30),
    assessment: kind.type === 'RESTSKATT' ? 'myndighetsfastsatt' : 'egenfastsatt',
    interest,
    instalments: [{ due, amount: total, paid, deferred: rng() < 0.05 }],
  });
}

export function generatedClaims(seed: number, orgNo: string, name: string, form: string, demoDate: string): ClaimsFixture | null {
  if (form === 'BEDR') return null; // sub-units have no claims of their own
  const rng = createRng(hashSeed(seed, 'claims', orgNo));
  const b = new ClaimsBuilder(orgNo, name, `******${String(intBetween(rng, 10000, 99999))}`);
  const kinds = KINDS.filter((k) => k.forms.includes(form));
  const count = rng() < 0.2 ? 0 : intBetween(rng, 1, 3);
  for (let i = 0; i < count && kinds.length > 0; i++) addClaim(b, rng, pick(rng, kinds), demoDate);
  if (count > 0 && rng() < 0.15) b.unplacedPayment(amount(rng, 100, 3000), addDays(demoDate, -intBetween(rng, 1, 20)), 'Innbetaling');
  return b.build();
}
