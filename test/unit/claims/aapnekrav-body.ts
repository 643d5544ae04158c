// The reference's example body (krav-og-betalinger.md §5.1: demo client c1 313367002 on 2026-11-24), and
// variants of it the client must read the same way.
export const C1_BODY = {
  partIdentifikator: '313367002',
  skjermet: false,
  aapentKravMedGjenstaaendeBeloep: [
    {
      partIdentifikator: '313367002',
      kravidentifikator: 'KRAV-31336701',
      kravtype: 'RESTSKATT',
      kravgruppe: 'Skatt',
      kravbeskrivelse: { spraakTekst: [{ tekst: 'Restskatt', spraak: 'nb' }] },
      kravperiode: { periodeBeskrivelse: { spraakTekst: [{ tekst: 'Inntektsåret 2025', spraak: 'nb' }] }, aar: '2025' },
      opprinneligBeloep: 18450.0,
      gjenstaaendeBeloep: 18450.0,
      stipulerteRenter: 212.4,
      opprettelsesdatoForKrav: '2026-06-20',
      fastsettingsmaate: 'myndighetsfastsatt',
      kravforfall: [
        {
          kravforfallsIdentifikator: 'KF-31336701-1',
          forfallsdato: '2026-08-20',
          opprinneligBeloep: 18450.0,
          gjenstaaendeBeloep: 18450.0,
          betalingsinformasjon: {
            kidnummer: '31336700225080',
            konto: {
              kontoeiersNavn: 'Skatteetaten',
              kontonummer: '63450612016',
              iban: 'NO9563450612016',
              swiftBIC: 'DEMONOKK',
              bankinformasjon: 'Demo Bank',
            },
          },
          utsattIverksettelse: false,
          plassertInnbetaling: [],
          plassertMotkrav: [],
        },
      ],
    },
    {
      partIdentifikator: '313367002',
      kravidentifikator: 'KRAV-31336702',
      kravtype: 'UTSKR_FORSKSKATT',
      kravgruppe: 'Skatt',
      kravbeskrivelse: { spraakTekst: [{ tekst: 'Forskuddsskatt', spraak: 'nb' }] },
      kravperiode: { aar: '2026' },
      opprinneligBeloep: 25000.0,
      gjenstaaendeBeloep: 6250.0,
      stipulerteRenter: 0.0,
      opprettelsesdatoForKrav: '2026-01-20',
      fastsettingsmaate: 'myndighetsfastsatt',
      kravforfall: [
        {
          kravforfallsIdentifikator: 'KF-31336702-3',
          forfallsdato: '2026-09-15',
          opprinneligBeloep: 6250.0,
          gjenstaaendeBeloep: 0.0,
          utsattIverksettelse: false,
          plassertInnbetaling: [
            {
              innbetalingsIdentifikator: 'INNB-31336703',
              plassertBeloep: 6250.0,
              plassertDato: '2026-09-14',
              innbetalingsdato: '2026-09-14',
              innbetaltBeloep: 6250.0,
              innbetaltFra: {
                kidnummer: '31336700226039',
                konto: { kontoeiersNavn: 'FJELLBEKK RØRLEGGERSERVICE', kontonummer: '******12057' },
                valutakode: 'NOK',
              },
              innbetalingstype: 'Bankinnbetaling',
            },
          ],
          plassertMotkrav: [],
        },
        {
          kravforfallsIdentifikator: 'KF-31336702-4',
          forfallsdato: '2026-12-15',
          opprinneligBeloep: 6250.0,
          gjenstaaendeBeloep: 6250.0,
          utsattIverksettelse: false,
          betalingsinformasjon: { kidnummer: '31336700226039', konto: { kontoeiersNavn: 'Skatteetaten', kontonummer: '63450612016' } },
          plassertInnbetaling: [],
          plassertMotkrav: [],
        },
      ],
    },
  ],
  innbetalingMedUplassertBeloep: [
    {
      partIdentifikator: '313367002',
      innbetalingsidentifikator: 'INNB-31336709',
      innbetalingsdato: '2026-11-02',
      innbetaltBeloep: 500.0,
      uplassertBeloep: 500.0,
      mottakersKontonummer: { kontonummer: '63450612016' },
      innbetaltFra: {
        meldingSendtTilMottaker: 'Delbetaling restskatt',
        konto: { kontoeiersNavn: 'FJELLBEKK RØRLEGGERSERVICE', kontonummer: '******12057' },
        valutakode: 'NOK',
      },
      innbetalingstype: 'Bankinnbetaling',
    },
  ],
  totalOversikt: {
    sumStipulerteRenter: 212.4,
    sumForfalteKrav: 18450.0,
    sumIkkeForfalteKrav: 6250.0,
    sumUplasserteInnbetalinger: 500.0,
    saldo: 24200.0,
  },
  oversiktPerKravgruppe: [
    { kravgruppe: 'Skatt', sumStipulerteRenter: 212.4, sumForfalteKrav: 18450.0, sumIkkeForfalteKrav: 6250.0, saldo: 24700.0 },
  ],
};

/** The same claims as the 2023 docs wrote them: plain-string description and period, `plasseringsdato`. */
export const C1_BODY_OLD_NAMES = {
  ...C1_BODY,
  aapentKravMedGjenstaaendeBeloep: C1_BODY.aapentKravMedGjenstaaendeBeloep.map((k) => ({
    ...k,
    kravbeskrivelse: k.kravbeskrivelse.spraakTekst[0]!.tekst,
    kravperiode: `${k.kravperiode.aar}/12`,
    kravforfall: k.kravforfall.map((f) => ({
      ...f,
      plassertInnbetaling: f.plassertInnbetaling.map(({ plassertDato, ...rest }) => ({ ...rest, plasseringsdato: plassertDato })),
    })),
  })),
};

export const EMPTY_BODY = {
  partIdentifikator: '212201782',
  skjermet: false,
  aapentKravMedGjenstaaendeBeloep: [],
  innbetalingMedUplassertBeloep: [],
  totalOversikt: { sumStipulerteRenter: 0, sumForfalteKrav: 0, sumIkkeForfalteKrav: 0, sumUplasserteInnbetalinger: 0, saldo: 0 },
  oversiktPerKravgruppe: [],
};

export const WITHHELD_BODY = { ...C1_BODY, skjermet: true };
