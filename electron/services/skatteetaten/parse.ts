// Tolerant readers for Krav og betalinger responses (krav-og-betalinger.md §5). Field names changed between
// doc versions (plassertKrav/plassertInnbetalingMotKrav, betaltFra/innbetaltFra, plasseringsdato/plassertDato)
// and texts come as strings or as {spraakTekst:[…]}; all variants are accepted. Names here are English.
import { arr, bool, field, num, str } from '../../platform/http/lenient-json';

export interface Account {
  ownerName?: string;
  accountNumber?: string;
  iban?: string;
  bic?: string;
}

export interface PaymentPlacement {
  paymentId?: string;
  claimDueId?: string;
  amount: number;
  placedDate?: string;
  paymentDate?: string;
  paidAmount?: number;
  description?: string;
}

export interface ClaimDue {
  id: string;
  dueDate?: string;
  originalAmount: number;
  remainingAmount: number;
  kid?: string;
  payTo?: Account;
  /** utsattIverksettelse: enforcement deferred. */
  enforcementDeferred: boolean;
  placedPayments: PaymentPlacement[];
  placedCounterClaims: PaymentPlacement[];
}

export interface Claim {
  partyId?: string;
  claimId: string;
  /** kravtype, e.g. RESTSKATT, Mva-melding. */
  type?: string;
  /** kravgruppe, e.g. Skatt, Merverdiavgift. */
  group?: string;
  description?: string;
  period?: string;
  year?: string;
  originalAmount: number;
  remainingAmount: number;
  estimatedInterest: number;
  createdDate?: string;
  assessment?: string;
  /** On interest claims: the claim the interest belongs to. */
  principalClaimId?: string;
  dues: ClaimDue[];
}

export interface Payment {
  partyId?: string;
  paymentId: string;
  paymentDate?: string;
  amount: number;
  unplacedAmount: number;
  toAccount?: string;
  from?: Account;
  fromKid?: string;
  message?: string;
  currency?: string;
  paymentType?: string;
  placements: PaymentPlacement[];
}

export interface CreditClaim {
  claimDueId?: string;
  originalAmount: number;
  remainingAmount: number;
  paidOutAmount: number;
  description?: string;
  type?: string;
  period?: string;
}

export interface Payout {
  partyId?: string;
  payoutId: string;
  payoutDate?: string;
  amount: number;
  to?: Account;
  message?: string;
  currency?: string;
  status?: string;
  creditClaims: CreditClaim[];
}

export interface Totals {
  estimatedInterest: number;
  overdue: number;
  notDue: number;
  unplacedPayments: number;
  balance: number;
}

export interface GroupTotals extends Omit<Totals, 'unplacedPayments'> {
  group: string;
}

export interface OpenClaims {
  partyId: string;
  /** skjermet: the data is withheld; show no amounts. */
  withheld: boolean;
  claims: Claim[];
  unplacedPayments: Payment[];
  totals: Totals;
  perGroup: GroupTotals[];
}

export interface Period {
  from: string;
  to: string;
}

export interface PeriodResult<T> {
  partyId: string;
  period: Period;
  withheld: boolean;
  items: T[];
  /** KB-007: Skatteetaten answers 404 when nothing falls in the period; that is not an error. */
  nothingInPeriod: boolean;
}

/** A Norwegian text: a plain string, or `{spraakTekst:[{tekst, spraak}]}` (Bokmål preferred). */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const variants = arr(value, 'spraakTekst');
  const nb = variants.find((v) => str(v, 'spraak') === 'nb') ?? variants[0];
  return str(nb, 'tekst');
}

function periodText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  const described = text(field(value, 'periodeBeskrivelse'));
  if (described) return described;
  const year = str(value, 'aar');
  const term = str(value, 'terminTekniskNavn');
  if (year && term) return `${year} termin ${term}`;
  const from = str(value, 'fraDato');
  const to = str(value, 'tilDato');
  if (from && to) return `${from} – ${to}`;
  return year;
}

function account(value: unknown): Account | undefined {
  if (value === undefined || value === null) return undefined;
  const konto = field(value, 'konto') ?? value;
  const a: Account = {
    ownerName: str(konto, 'kontoeiersNavn'),
    accountNumber: str(konto, 'kontonummer'),
    iban: str(konto, 'iban'),
    bic: str(konto, 'swiftBIC'),
  };
  return Object.values(a).some((v) => v !== undefined) ? a : undefined;
}

const amount = (o: unknown, ...names: string[]): number => num(o, ...names) ?? 0;

function placement(p: unknown): PaymentPlacement {
  return {
    paymentId: str(p, 'innbetalingsIdentifikator', 'innbetalingsidentifikator'),
    claimDueId: str(p, 'kravforfallsIdentifikator', 'kravforfallIdentifikator', 'kravforfallidentifikator'),
    amount: amount(p, 'plassertBeloep'),
    placedDate: str(p, 'plassertDato', 'plasseringsdato'),
    paymentDate: str(p, 'innbetalingsdato'),
    paidAmount: num(p, 'innbetaltBeloep'),
    description: text(field(p, 'kravbeskrivelse')),
  };
}

function claimDue(d: unknown): ClaimDue {
  const pay = field(d, 'betalingsinformasjon');
  return {
    id: str(d, 'kravforfallsIdentifikator', 'kravforfallIdentifikator') ?? '',
    dueDate: str(d, 'forfallsdato'),
    originalAmount: amount(d, 'opprinneligBeloep'),
    remainingAmount: amount(d, 'gjenstaaendeBeloep'),
    kid: str(pay, 'kidnummer'),
    payTo: account(pay),
    enforcementDeferred: bool(d, 'utsattIverksettelse') ?? false,
    placedPayments: arr(d, 'plassertInnbetaling').map(placement),
    placedCounterClaims: arr(d, 'plassertMotkrav').map(placement),
  };
}

export function parseClaim(k: unknown): Claim {
  const period = field(k, 'kravperiode');
  return {
    partyId: str(k, 'partIdentifikator'),
    claimId: str(k, 'kravidentifikator') ?? '',
    type: str(k, 'kravtype'),
    group: str(k, 'kravgruppe'),
    description: text(field(k, 'kravbeskrivelse')),
    period: periodText(period),
    year: typeof period === 'string' ? period.slice(0, 4) : str(period, 'aar'),
    originalAmount: amount(k, 'opprinneligBeloep'),
    remainingAmount: amount(k, 'gjenstaaendeBeloep'),
    estimatedInterest: amount(k, 'stipulerteRenter'),
    createdDate: str(k, 'opprettelsesdatoForKrav'),
    assessment: str(k, 'fastsettingsmaate'),
    principalClaimId: str(k, 'hovedstolKravidentifikator'),
    dues: arr(k, 'kravforfall').map(claimDue),
  };
}

export function parsePayment(p: unknown): Payment {
  const from = field(p, 'innbetaltFra') ?? field(p, 'betaltFra');
  return {
    partyId: str(p, 'partIdentifikator'),
    paymentId: str(p, 'innbetalingsidentifikator', 'innbetalingsIdentifikator') ?? '',
    paymentDate: str(p, 'innbetalingsdato'),
    amount: amount(p, 'innbetaltBeloep'),
    unplacedAmount: amount(p, 'uplassertBeloep'),
    toAccount:
      str(field(p, 'mottakersKontonummer') ?? field(p, 'betaltTilKonto'), 'kontonummer') ??
      str(p, 'mottakersKontonummer', 'betaltTilKonto'),
    from: account(from),
    fromKid: str(from, 'kidnummer'),
    message: str(from, 'meldingSendtTilMottaker'),
    currency: str(from, 'valutakode'),
    paymentType: str(p, 'innbetalingstype'),
    placements: [...arr(p, 'plassertInnbetalingMotKrav'), ...arr(p, 'plassertKrav')].map(placement),
  };
}

export function parsePayout(u: unknown): Payout {
  const to = field(u, 'betaltTil');
  return {
    partyId: str(u, 'partIdentifikator'),
    payoutId: str(u, 'utbetalingsidentifikator', 'utbetalingsIdentifikator') ?? '',
    payoutDate: str(u, 'utbetaltdato', 'utbetalingsdato'),
    amount: amount(u, 'utbetaltBeloep'),
    to: account(to),
    message: str(to, 'meldingSendtTilMottaker'),
    currency: str(to, 'valutakode'),
    status: str(u, 'utbetalingstatus', 'utbetalingsstatus'),
    creditClaims: arr(field(u, 'grunnlagForUtbetaling'), 'kreditKrav').map((c) => ({
      claimDueId: str(c, 'kravforfallidentifikator', 'kravforfallsIdentifikator'),
      originalAmount: amount(c, 'opprinneligBeloep'),
      remainingAmount: amount(c, 'gjenstaaendeBeloep'),
      paidOutAmount: amount(c, 'utbetaltBeloep'),
      description: text(field(c, 'kravbeskrivelse')),
      type: str(c, 'kravtype'),
      period: periodText(field(c, 'kravperiode')),
    })),
  };
}

function totals(t: unknown): Totals {
  return {
    estimatedInterest: amount(t, 'sumStipulerteRenter'),
    overdue: amount(t, 'sumForfalteKrav'),
    notDue: amount(t, 'sumIkkeForfalteKrav'),
    unplacedPayments: amount(t, 'sumUplasserteInnbetalinger'),
    balance: amount(t, 'saldo'),
  };
}

export function parseOpenClaims(body: unknown, partyId: string): OpenClaims {
  return {
    partyId: str(body, 'partIdentifikator') ?? partyId,
    withheld: bool(body, 'skjermet') ?? false,
    claims: arr(body, 'aapentKravMedGjenstaaendeBeloep').map(parseClaim),
    unplacedPayments: arr(body, 'innbetalingMedUplassertBeloep').map(parsePayment),
    totals: totals(field(body, 'totalOversikt')),
    perGroup: arr(body, 'oversiktPerKravgruppe').map((g) => {
      const { unplacedPayments: _ignored, ...rest } = totals(g);
      return { group: str(g, 'kravgruppe') ?? '', ...rest };
    }),
  };
}

export function parsePeriodResult<T>(
  body: unknown,
  partyId: string,
  period: Period,
  listNames: string[],
  parseItem: (x: unknown) => T,
): PeriodResult<T> {
  const p = field(body, 'periode');
  return {
    partyId: str(body, 'partIdentifikator') ?? partyId,
    period: { from: str(p, 'fraOgMed') ?? period.from, to: str(p, 'tilOgMed') ?? period.to },
    withheld: bool(body, 'skjermet') ?? false,
    items: arr(body, ...listNames).map(parseItem),
    nothingInPeriod: false,
  };
}
