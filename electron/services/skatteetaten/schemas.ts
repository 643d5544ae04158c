// Krav og betalinger's answers as the app reads them (krav-og-betalinger.md §5), lenient where Skatteetaten
// is: field names changed between doc versions (plassertKrav/plassertInnbetalingMotKrav, betaltFra/innbetaltFra,
// plasseringsdato/plassertDato), texts come as strings or as {spraakTekst:[…]}, and periods as strings or
// objects. Ids are required; an absent amount is 0. Extra fields pass.
import { z } from 'zod';
import { field, flag, lenientObject, list, numeric, optional, text, withDefault } from '../../platform/http/lenient-json';
import type {
  Account,
  Claim,
  ClaimDue,
  CreditClaim,
  GroupTotals,
  OpenClaims,
  Payment,
  PaymentPlacement,
  Payout,
  Period,
  PeriodResult,
  Totals,
} from './claims-types';

const amount = withDefault(numeric, 0);

/** Error bodies: `{ kode, melding, korrelasjonsid }` (§6); branch on `kode`, never on the Norwegian text. */
export const errorBodySchema = lenientObject({ kode: optional(text), melding: optional(text), korrelasjonsid: optional(text) });

/** A Norwegian text: a plain string, or `{spraakTekst:[{tekst, spraak}]}` (Bokmål preferred). */
export const norwegianText = z.union([
  text,
  lenientObject({ spraakTekst: list(lenientObject({ tekst: optional(text), spraak: optional(text) })) }).transform(
    ({ spraakTekst }) => (spraakTekst.find((v) => v.spraak === 'nb') ?? spraakTekst[0])?.tekst,
  ),
]);

const periodObject = lenientObject({
  periodeBeskrivelse: optional(norwegianText),
  aar: optional(text),
  terminTekniskNavn: optional(text),
  fraDato: optional(text),
  tilDato: optional(text),
});

/** `kravperiode`: an old string (`"2022/09"`), or an object read as its description, year and term, or dates. */
const claimPeriod = optional(
  z.union([
    z.string().transform((p) => ({ text: p, year: p.slice(0, 4) })),
    periodObject.transform((p) => ({
      text:
        p.periodeBeskrivelse ??
        (p.aar && p.terminTekniskNavn ? `${p.aar} termin ${p.terminTekniskNavn}` : undefined) ??
        (p.fraDato && p.tilDato ? `${p.fraDato} – ${p.tilDato}` : undefined) ??
        p.aar,
      year: p.aar,
    })),
  ]),
);

const accountFields = lenientObject({
  kontoeiersNavn: optional(text),
  kontonummer: optional(text),
  iban: optional(text),
  swiftBIC: optional(text),
});

/** An account given as `{konto: {...}}` beside other fields, or as the account itself. */
const accountOf = (holder: unknown): Account | undefined => {
  const parsed = accountFields.safeParse(field(holder, 'konto') ?? holder);
  if (!parsed.success) return undefined;
  const a: Account = {
    ownerName: parsed.data.kontoeiersNavn,
    accountNumber: parsed.data.kontonummer,
    iban: parsed.data.iban,
    bic: parsed.data.swiftBIC,
  };
  return Object.values(a).some((v) => v !== undefined) ? a : undefined;
};

const payer = optional(
  lenientObject({ kidnummer: optional(text), meldingSendtTilMottaker: optional(text), valutakode: optional(text) }).transform((p) => ({
    account: accountOf(p),
    kid: p.kidnummer,
    message: p.meldingSendtTilMottaker,
    currency: p.valutakode,
  })),
);

export const placementSchema: z.ZodType<PaymentPlacement, unknown> = lenientObject(
  {
    innbetalingsIdentifikator: optional(text),
    kravforfallsIdentifikator: optional(text),
    plassertBeloep: amount,
    plassertDato: optional(text),
    innbetalingsdato: optional(text),
    innbetaltBeloep: optional(numeric),
    kravbeskrivelse: optional(norwegianText),
  },
  { kravforfallsIdentifikator: ['kravforfallIdentifikator'], plassertDato: ['plasseringsdato'] },
).transform((p) => ({
  paymentId: p.innbetalingsIdentifikator,
  claimDueId: p.kravforfallsIdentifikator,
  amount: p.plassertBeloep,
  placedDate: p.plassertDato,
  paymentDate: p.innbetalingsdato,
  paidAmount: p.innbetaltBeloep,
  description: p.kravbeskrivelse,
}));

const claimDueSchema: z.ZodType<ClaimDue, unknown> = lenientObject(
  {
    kravforfallsIdentifikator: text,
    forfallsdato: optional(text),
    opprinneligBeloep: amount,
    gjenstaaendeBeloep: amount,
    betalingsinformasjon: optional(lenientObject({ kidnummer: optional(text) })),
    utsattIverksettelse: withDefault(flag, false),
    plassertInnbetaling: list(placementSchema),
    plassertMotkrav: list(placementSchema),
  },
  { kravforfallsIdentifikator: ['kravforfallIdentifikator'] },
).transform((d) => ({
  id: d.kravforfallsIdentifikator,
  dueDate: d.forfallsdato,
  originalAmount: d.opprinneligBeloep,
  remainingAmount: d.gjenstaaendeBeloep,
  kid: d.betalingsinformasjon?.kidnummer,
  payTo: d.betalingsinformasjon ? accountOf(d.betalingsinformasjon) : undefined,
  enforcementDeferred: d.utsattIverksettelse,
  placedPayments: d.plassertInnbetaling,
  placedCounterClaims: d.plassertMotkrav,
}));

export const claimSchema: z.ZodType<Claim, unknown> = lenientObject({
  partIdentifikator: optional(text),
  kravidentifikator: text,
  kravtype: optional(text),
  kravgruppe: optional(text),
  kravbeskrivelse: optional(norwegianText),
  kravperiode: claimPeriod,
  opprinneligBeloep: amount,
  gjenstaaendeBeloep: amount,
  stipulerteRenter: amount,
  opprettelsesdatoForKrav: optional(text),
  fastsettingsmaate: optional(text),
  hovedstolKravidentifikator: optional(text),
  kravforfall: list(claimDueSchema),
}).transform((k) => ({
  partyId: k.partIdentifikator,
  claimId: k.kravidentifikator,
  type: k.kravtype,
  group: k.kravgruppe,
  description: k.kravbeskrivelse,
  period: k.kravperiode?.text,
  year: k.kravperiode?.year,
  originalAmount: k.opprinneligBeloep,
  remainingAmount: k.gjenstaaendeBeloep,
  estimatedInterest: k.stipulerteRenter,
  createdDate: k.opprettelsesdatoForKrav,
  assessment: k.fastsettingsmaate,
  principalClaimId: k.hovedstolKravidentifikator,
  dues: k.kravforfall,
}));

/** `mottakersKontonummer` (older `betaltTilKonto`): `{kontonummer}`, or the number itself. */
const receivingAccount = optional(z.union([text, lenientObject({ kontonummer: optional(text) }).transform((k) => k.kontonummer)]));

export const paymentSchema: z.ZodType<Payment, unknown> = lenientObject(
  {
    partIdentifikator: optional(text),
    innbetalingsidentifikator: text,
    innbetalingsdato: optional(text),
    innbetaltBeloep: amount,
    uplassertBeloep: amount,
    mottakersKontonummer: receivingAccount,
    innbetaltFra: payer,
    innbetalingstype: optional(text),
    plassertInnbetalingMotKrav: list(placementSchema),
    plassertKrav: list(placementSchema),
  },
  { mottakersKontonummer: ['betaltTilKonto'], innbetaltFra: ['betaltFra'] },
).transform((p) => ({
  partyId: p.partIdentifikator,
  paymentId: p.innbetalingsidentifikator,
  paymentDate: p.innbetalingsdato,
  amount: p.innbetaltBeloep,
  unplacedAmount: p.uplassertBeloep,
  toAccount: p.mottakersKontonummer,
  from: p.innbetaltFra?.account,
  fromKid: p.innbetaltFra?.kid,
  message: p.innbetaltFra?.message,
  currency: p.innbetaltFra?.currency,
  paymentType: p.innbetalingstype,
  placements: [...p.plassertInnbetalingMotKrav, ...p.plassertKrav],
}));

const creditClaimSchema: z.ZodType<CreditClaim, unknown> = lenientObject(
  {
    kravforfallidentifikator: optional(text),
    opprinneligBeloep: amount,
    gjenstaaendeBeloep: amount,
    utbetaltBeloep: amount,
    kravbeskrivelse: optional(norwegianText),
    kravtype: optional(text),
    kravperiode: claimPeriod,
  },
  { kravforfallidentifikator: ['kravforfallsIdentifikator'] },
).transform((c) => ({
  claimDueId: c.kravforfallidentifikator,
  originalAmount: c.opprinneligBeloep,
  remainingAmount: c.gjenstaaendeBeloep,
  paidOutAmount: c.utbetaltBeloep,
  description: c.kravbeskrivelse,
  type: c.kravtype,
  period: c.kravperiode?.text,
}));

export const payoutSchema: z.ZodType<Payout, unknown> = lenientObject(
  {
    partIdentifikator: optional(text),
    utbetalingsidentifikator: text,
    utbetaltdato: optional(text),
    utbetaltBeloep: amount,
    betaltTil: payer,
    utbetalingstatus: optional(text),
    grunnlagForUtbetaling: optional(lenientObject({ kreditKrav: list(creditClaimSchema) })),
  },
  { utbetaltdato: ['utbetalingsdato'], utbetalingstatus: ['utbetalingsstatus'] },
).transform((u) => ({
  partyId: u.partIdentifikator,
  payoutId: u.utbetalingsidentifikator,
  payoutDate: u.utbetaltdato,
  amount: u.utbetaltBeloep,
  to: u.betaltTil?.account,
  message: u.betaltTil?.message,
  currency: u.betaltTil?.currency,
  status: u.utbetalingstatus,
  creditClaims: u.grunnlagForUtbetaling?.kreditKrav ?? [],
}));

const groupTotalsFields = {
  sumStipulerteRenter: amount,
  sumForfalteKrav: amount,
  sumIkkeForfalteKrav: amount,
  saldo: amount,
};

const totalsSchema: z.ZodType<Totals, unknown> = lenientObject({ ...groupTotalsFields, sumUplasserteInnbetalinger: amount }).transform(
  (t) => ({
    estimatedInterest: t.sumStipulerteRenter,
    overdue: t.sumForfalteKrav,
    notDue: t.sumIkkeForfalteKrav,
    unplacedPayments: t.sumUplasserteInnbetalinger,
    balance: t.saldo,
  }),
);

const groupTotalsSchema: z.ZodType<GroupTotals, unknown> = lenientObject({
  kravgruppe: withDefault(text, ''),
  ...groupTotalsFields,
}).transform((g) => ({
  group: g.kravgruppe,
  estimatedInterest: g.sumStipulerteRenter,
  overdue: g.sumForfalteKrav,
  notDue: g.sumIkkeForfalteKrav,
  balance: g.saldo,
}));

const NO_TOTALS: Totals = { estimatedInterest: 0, overdue: 0, notDue: 0, unplacedPayments: 0, balance: 0 };

/** `aapnekrav` (§5.1). The party is the one asked for when the answer does not name it. */
export function openClaimsSchema(partyId: string): z.ZodType<OpenClaims, unknown> {
  return lenientObject({
    partIdentifikator: withDefault(text, partyId),
    skjermet: withDefault(flag, false),
    aapentKravMedGjenstaaendeBeloep: list(claimSchema),
    innbetalingMedUplassertBeloep: list(paymentSchema),
    totalOversikt: withDefault(totalsSchema, NO_TOTALS),
    oversiktPerKravgruppe: list(groupTotalsSchema),
  }).transform((b) => ({
    partyId: b.partIdentifikator,
    withheld: b.skjermet,
    claims: b.aapentKravMedGjenstaaendeBeloep,
    unplacedPayments: b.innbetalingMedUplassertBeloep,
    totals: b.totalOversikt,
    perGroup: b.oversiktPerKravgruppe,
  }));
}

/** For callers that hold a body already (tests, files): throws zod's error when the body does not fit. */
export const parseOpenClaims = (body: unknown, partyId: string): OpenClaims => openClaimsSchema(partyId).parse(body);

/** The period endpoints (§5.2): `{partIdentifikator, periode, skjermet, <list>: [...]}`; the list's name varies. */
export function periodResultSchema<T>(
  partyId: string,
  period: Period,
  listNames: readonly [string, ...string[]],
  item: z.ZodType<T, unknown>,
): z.ZodType<PeriodResult<T>, unknown> {
  return lenientObject(
    {
      partIdentifikator: withDefault(text, partyId),
      periode: optional(lenientObject({ fraOgMed: optional(text), tilOgMed: optional(text) })),
      skjermet: withDefault(flag, false),
      items: list(item),
    },
    { items: listNames },
  ).transform((b) => ({
    partyId: b.partIdentifikator,
    period: { from: b.periode?.fraOgMed ?? period.from, to: b.periode?.tilOgMed ?? period.to },
    withheld: b.skjermet,
    items: b.items,
    nothingInPeriod: false,
  }));
}
