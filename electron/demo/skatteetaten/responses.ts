// K&B response bodies (krav-og-betalinger.md §5) built from the fixtures.
import type { Claim, ClaimsFixture, Instalment, Payment, Payout, Period } from '../seed/claims-model';
import { openClaims, totalsFor } from './totals';

const CREDITOR = {
  kontoeiersNavn: 'Skatteetaten',
  kontonummer: '63450612016',
  iban: 'NO9563450612016',
  swiftBIC: 'DEMONOKK',
  bankinformasjon: 'Demo Bank',
};
const CREDITOR_ACCOUNT = '63450612016';
const PAYMENT_TYPE = 'Bankinnbetaling';

const tekst = (t: string) => ({ spraakTekst: [{ tekst: t, spraak: 'nb' }] });

function periodJson(p: Period): Record<string, unknown> {
  return {
    ...(p.text ? { periodeBeskrivelse: tekst(p.text) } : {}),
    ...(p.year ? { aar: p.year } : {}),
    ...(p.fromDate ? { fraDato: p.fromDate } : {}),
    ...(p.toDate ? { tilDato: p.toDate } : {}),
    ...(p.term ? { terminTekniskNavn: p.term } : {}),
  };
}

/** What a placement says on both sides, the instalment's and the payment's. */
const placedJson = (pl: { amount: number; date: string }) => ({ plassertBeloep: pl.amount, plassertDato: pl.date });

function instalmentJson(f: ClaimsFixture, i: Instalment): Record<string, unknown> {
  const payments = new Map(f.payments.map((p) => [p.id, p]));
  return {
    kravforfallsIdentifikator: i.id,
    forfallsdato: i.dueDate,
    opprinneligBeloep: i.original,
    gjenstaaendeBeloep: i.remaining,
    ...(i.remaining > 0 ? { betalingsinformasjon: { kidnummer: i.kid, konto: CREDITOR } } : {}),
    utsattIverksettelse: i.deferred,
    plassertInnbetaling: i.placements.map((pl) => {
      const p = payments.get(pl.paymentId);
      return {
        innbetalingsIdentifikator: pl.paymentId,
        ...placedJson(pl),
        innbetalingsdato: p?.date ?? pl.date,
        innbetaltBeloep: p?.amount ?? pl.amount,
        innbetaltFra: {
          kidnummer: p?.kid ?? i.kid,
          konto: { kontoeiersNavn: f.name, kontonummer: p?.from.number ?? '' },
          valutakode: 'NOK',
        },
        innbetalingstype: PAYMENT_TYPE,
      };
    }),
    plassertMotkrav: [],
  };
}

export function claimJson(f: ClaimsFixture, c: Claim): Record<string, unknown> {
  const sum = (pick: (i: Instalment) => number) => Math.round(c.instalments.reduce((a, i) => a + pick(i), 0) * 100) / 100;
  return {
    partIdentifikator: f.orgNo,
    kravidentifikator: c.id,
    kravtype: c.type,
    kravgruppe: c.group,
    kravbeskrivelse: tekst(c.description),
    kravperiode: periodJson(c.period),
    opprinneligBeloep: sum((i) => i.original),
    gjenstaaendeBeloep: sum((i) => i.remaining),
    stipulerteRenter: c.interest,
    opprettelsesdatoForKrav: c.created,
    fastsettingsmaate: c.assessment,
    ...(c.principalId ? { hovedstolKravidentifikator: c.principalId } : {}),
    kravforfall: c.instalments.map((i) => instalmentJson(f, i)),
  };
}

const payerJson = (f: ClaimsFixture, p: Payment) => ({
  ...(p.message ? { meldingSendtTilMottaker: p.message } : {}),
  ...(p.kid ? { kidnummer: p.kid } : {}),
  konto: { kontoeiersNavn: f.name, kontonummer: p.from.number },
  valutakode: 'NOK',
});

function unplacedJson(f: ClaimsFixture, p: Payment): Record<string, unknown> {
  return {
    partIdentifikator: f.orgNo,
    innbetalingsidentifikator: p.id,
    innbetalingsdato: p.date,
    innbetaltBeloep: p.amount,
    uplassertBeloep: p.unplaced,
    mottakersKontonummer: { kontonummer: CREDITOR_ACCOUNT },
    innbetaltFra: payerJson(f, p),
    innbetalingstype: PAYMENT_TYPE,
  };
}

function paymentJson(f: ClaimsFixture, p: Payment): Record<string, unknown> {
  const instalments = new Map(f.claims.flatMap((c) => c.instalments.map((i) => [i.id, { c, i }] as const)));
  return {
    ...unplacedJson(f, p),
    plassertInnbetalingMotKrav: p.placements.map((pl) => {
      const hit = instalments.get(pl.instalmentId);
      return {
        kravforfallIdentifikator: pl.instalmentId,
        ...placedJson(pl),
        kravbeskrivelse: tekst(hit?.c.description ?? ''),
        kravforfallsdato: hit?.i.dueDate ?? '',
        opprinneligKravforfallsbeloep: hit?.i.original ?? 0,
        gjenstaaendeKravforfallsbeloep: hit?.i.remaining ?? 0,
      };
    }),
  };
}

function payoutJson(f: ClaimsFixture, p: Payout): Record<string, unknown> {
  const credit = p.creditClaim;
  const instalment = credit.instalments[0]!;
  return {
    partIdentifikator: f.orgNo,
    utbetalingsidentifikator: p.id,
    utbetaltdato: p.date,
    utbetaltBeloep: p.amount,
    betaltTil: { meldingSendtTilMottaker: p.message, konto: { kontoeiersNavn: f.name, kontonummer: p.to.number }, valutakode: 'NOK' },
    grunnlagForUtbetaling: {
      kreditKrav: [
        {
          kravforfallidentifikator: p.creditInstalmentId,
          opprinneligBeloep: instalment.original,
          gjenstaaendeBeloep: instalment.remaining,
          utbetaltBeloep: p.amount,
          kravbeskrivelse: tekst(credit.description),
          kravtype: credit.type,
          kravperiode: periodJson(credit.period),
        },
      ],
    },
    utbetalingstatus: p.status,
  };
}

export function openClaimsBody(f: ClaimsFixture | null, orgNo: string, today: string): Record<string, unknown> {
  const claims = f?.claims ?? [];
  const payments = f?.payments ?? [];
  const { total, perGroup } = totalsFor(claims, payments, today);
  return {
    partIdentifikator: orgNo,
    skjermet: false,
    aapentKravMedGjenstaaendeBeloep: f ? openClaims(claims).map((c) => claimJson(f, c)) : [],
    innbetalingMedUplassertBeloep: f ? payments.filter((p) => p.unplaced > 0).map((p) => unplacedJson(f, p)) : [],
    totalOversikt: total,
    oversiktPerKravgruppe: perGroup,
  };
}

export type PeriodEndpoint = 'krav' | 'innbetalinger' | 'utbetalinger';
const inPeriod = (d: string, from: string, to: string): boolean => d >= from && d <= to;

/** null when nothing falls in the period (K&B answers 404 KB-007 then, not an empty array). */
export function periodBody(f: ClaimsFixture, endpoint: PeriodEndpoint, from: string, to: string): Record<string, unknown> | null {
  const head = { partIdentifikator: f.orgNo, periode: { fraOgMed: from, tilOgMed: to }, skjermet: false };
  if (endpoint === 'krav') {
    const hits = f.claims.filter((c) => inPeriod(c.created, from, to) || c.instalments.some((i) => inPeriod(i.dueDate, from, to)));
    return hits.length ? { ...head, krav: hits.map((c) => claimJson(f, c)) } : null;
  }
  if (endpoint === 'innbetalinger') {
    const hits = f.payments.filter((p) => inPeriod(p.date, from, to));
    return hits.length ? { ...head, innbetaling: hits.map((p) => paymentJson(f, p)) } : null;
  }
  const hits = f.payouts.filter((p) => inPeriod(p.date, from, to));
  return hits.length ? { ...head, utbetaling: hits.map((p) => payoutJson(f, p)) } : null;
}
