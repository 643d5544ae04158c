import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postToken, signGrant, systemUserDetails } from '../../helpers/demo-grants';
import { bearer, C, FIRM, startTestWorld, SU_A, VENDOR_CLIENT_ID, type TestWorld } from './world-fixture';

let t: TestWorld;
let kb: string;
let suA: string;
beforeAll(async () => {
  t = await startTestWorld({ preset: 'ready' });
  kb = `${t.world.urls.skatteetaten}/v1/regnskapssystem`;
  suA = await t.systemUserToken();
});
afterAll(() => t.close());

const UUID = /^[0-9a-f-]{36}$/;

describe('Krav og betalinger: data', () => {
  it('aapnekrav for c1: the story totals', async () => {
    const res = await fetch(`${kb}/${C.c1}/aapnekrav`, bearer(suA));
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body.partIdentifikator).toBe(C.c1);
    expect(body.skjermet).toBe(false);
    expect(body.totalOversikt).toEqual({
      sumStipulerteRenter: 212.4,
      sumForfalteKrav: 18450,
      sumIkkeForfalteKrav: 6250,
      sumUplasserteInnbetalinger: 500,
      saldo: 24200,
    });
    expect(body.oversiktPerKravgruppe).toEqual([
      { kravgruppe: 'Skatt', sumStipulerteRenter: 212.4, sumForfalteKrav: 18450, sumIkkeForfalteKrav: 6250, saldo: 24700 },
    ]);
    const claims = body.aapentKravMedGjenstaaendeBeloep as Array<Record<string, unknown>>;
    expect(claims[0]).toMatchObject({
      partIdentifikator: C.c1,
      kravidentifikator: 'KRAV-31336701',
      kravtype: 'RESTSKATT',
      kravgruppe: 'Skatt',
      kravbeskrivelse: { spraakTekst: [{ tekst: 'Restskatt', spraak: 'nb' }] },
      kravperiode: { periodeBeskrivelse: { spraakTekst: [{ tekst: 'Inntektsåret 2025', spraak: 'nb' }] }, aar: '2025' },
      opprinneligBeloep: 18450,
      gjenstaaendeBeloep: 18450,
      stipulerteRenter: 212.4,
      opprettelsesdatoForKrav: '2026-06-20',
      fastsettingsmaate: 'myndighetsfastsatt',
      kravforfall: [
        {
          kravforfallsIdentifikator: 'KF-31336701-1',
          forfallsdato: '2026-08-20',
          betalingsinformasjon: { kidnummer: '31336700225080', konto: { kontonummer: '63450612016', iban: 'NO9563450612016' } },
        },
      ],
    });
    expect((claims[1]!.kravforfall as unknown[]).length).toBe(4);
    expect(body.innbetalingMedUplassertBeloep).toEqual([
      expect.objectContaining({
        innbetalingsdato: '2026-11-02',
        innbetaltBeloep: 500,
        uplassertBeloep: 500,
        mottakersKontonummer: { kontonummer: '63450612016' },
        innbetalingstype: 'Bankinnbetaling',
      }),
    ]);
  });

  it('aapnekrav for c5 (nothing open): 200 with empty arrays and zero totals', async () => {
    const body = (await (await fetch(`${kb}/${C.c5}/aapnekrav`, bearer(suA))).json()) as Record<string, unknown>;
    expect(body.aapentKravMedGjenstaaendeBeloep).toEqual([]);
    expect(body.totalOversikt).toEqual({
      sumStipulerteRenter: 0,
      sumForfalteKrav: 0,
      sumIkkeForfalteKrav: 0,
      sumUplasserteInnbetalinger: 0,
      saldo: 0,
    });
  });

  it('period endpoints: krav for c2 includes the paid term-04 VAT; payouts for c4', async () => {
    const krav = (await (await fetch(`${kb}/${C.c2}/krav?fraOgMed=2026-01-01&tilOgMed=2026-11-24`, bearer(suA))).json()) as {
      periode: unknown;
      krav: Array<{ kravtype: string; gjenstaaendeBeloep: number }>;
    };
    expect(krav.periode).toEqual({ fraOgMed: '2026-01-01', tilOgMed: '2026-11-24' });
    expect(krav.krav.some((k) => k.kravtype === 'Mva-melding' && k.gjenstaaendeBeloep === 0)).toBe(true);
    const ut = (await (await fetch(`${kb}/${C.c4}/utbetalinger?fraOgMed=2026-01-01&tilOgMed=2026-11-24`, bearer(suA))).json()) as {
      utbetaling: unknown[];
    };
    expect(ut.utbetaling[0]).toMatchObject({
      utbetaltdato: '2026-10-28',
      utbetaltBeloep: 3120,
      utbetalingstatus: 'bekreftet',
      grunnlagForUtbetaling: { kreditKrav: [{ opprinneligBeloep: -3120 }] },
    });
    const inn = (await (await fetch(`${kb}/${C.c1}/innbetalinger?fraOgMed=2026-01-01&tilOgMed=2026-11-24`, bearer(suA))).json()) as {
      innbetaling: Array<{ plassertInnbetalingMotKrav: unknown[] }>;
    };
    expect(inn.innbetaling).toHaveLength(4);
  });

  it('XML when asked for', async () => {
    const res = await fetch(`${kb}/${C.c1}/aapnekrav`, bearer(suA, { accept: 'application/xml' }));
    expect(res.headers.get('content-type')).toContain('application/xml');
    expect(await res.text()).toContain('<saldo>24200</saldo>');
  });
});

describe('Krav og betalinger: errors', () => {
  const error = async (res: Response, status: number, kode: string) => {
    expect(res.status).toBe(status);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({ kode, melding: expect.any(String), korrelasjonsid: expect.stringMatching(UUID) });
  };

  it('a client that is not delegated (c6): 403 DAS-008', async () =>
    error(await fetch(`${kb}/${C.c6}/aapnekrav`, bearer(suA)), 403, 'DAS-008'));
  it('a non-client (x1): 403 DAS-008', async () => error(await fetch(`${kb}/${C.x1}/aapnekrav`, bearer(suA)), 403, 'DAS-008'));
  it('no token: 401 KB-004', async () => error(await fetch(`${kb}/${C.c1}/aapnekrav`), 401, 'KB-004'));
  it('a token signed by someone else: 401 KB-004', async () => {
    const [h, p] = suA.split('.');
    await error(await fetch(`${kb}/${C.c1}/aapnekrav`, bearer(`${h}.${p}.${'A'.repeat(342)}`)), 401, 'KB-004');
  });
  it('a token minted for another resource (an audience): 401 KB-004, though Maskinporten issued it', async () => {
    const grant = await signGrant(t.key, {
      clientId: VENDOR_CLIENT_ID,
      audience: `${t.world.urls.maskinporten}/`,
      scope: 'skatteetaten:kravogbetalinger',
      authorizationDetails: systemUserDetails(FIRM),
      extraClaims: { resource: ['https://api.other-agency.example/'] },
    });
    const res = await postToken(`${t.world.urls.maskinporten}/token`, grant);
    const { access_token } = (await res.json()) as { access_token: string };
    expect(res.status).toBe(200);
    await error(await fetch(`${kb}/${C.c1}/aapnekrav`, bearer(access_token)), 401, 'KB-004');
  });
  it('a token without the K&B scope: 403 DAS-008', async () => {
    const other = await t.vendorToken('altinn:authentication/systemuser.request.read');
    await error(await fetch(`${kb}/${C.c1}/aapnekrav`, bearer(other)), 403, 'DAS-008');
  });
  it('an expired token: 401 KB-004', async () => {
    t.world.admin.advanceClock(200);
    try {
      await error(await fetch(`${kb}/${C.c1}/aapnekrav`, bearer(suA)), 401, 'KB-004');
    } finally {
      t.world.admin.advanceClock(-200);
    }
  });
  it('KB-006: a period over one year, from after to, a bad date, a bad identifier', async () => {
    await error(await fetch(`${kb}/${C.c1}/krav?fraOgMed=2025-01-01&tilOgMed=2026-01-02`, bearer(suA)), 400, 'KB-006');
    await error(await fetch(`${kb}/${C.c1}/krav?fraOgMed=2026-05-01&tilOgMed=2026-01-01`, bearer(suA)), 400, 'KB-006');
    await error(await fetch(`${kb}/${C.c1}/krav?fraOgMed=2026-02-30&tilOgMed=2026-03-01`, bearer(suA)), 400, 'KB-006');
    await error(await fetch(`${kb}/${C.c1}/krav`, bearer(suA)), 400, 'KB-006');
    await error(await fetch(`${kb}/313367003/aapnekrav`, bearer(suA)), 400, 'KB-006');
  });
  it('KB-007: krav for c5 in any period', async () =>
    error(await fetch(`${kb}/${C.c5}/krav?fraOgMed=2026-01-01&tilOgMed=2026-11-24`, bearer(suA)), 404, 'KB-007'));
  it('KB-008: Accept text/csv → 406', async () =>
    error(await fetch(`${kb}/${C.c1}/aapnekrav`, bearer(suA, { accept: 'text/csv' })), 406, 'KB-008'));
  it('KB-003: unknown URL', async () =>
    error(await fetch(`${t.world.urls.skatteetaten}/v1/regnskapssystem/${C.c1}/saldo`, bearer(suA)), 404, 'KB-003'));
  it('KB-005: finans', async () =>
    error(await fetch(`${t.world.urls.skatteetaten}/v1/finans/${C.c1}/aapnekrav`, bearer(suA)), 403, 'KB-005'));

  it('revocation is seen on the next call (the PDP is asked every call)', async () => {
    const morten = await t.personToken('14857110014');
    const path = `${t.world.urls.altinn}/authentication/api/v1/enduser/systemuser/clients?agent=${SU_A}&client=${await t.clientUuid(C.c2)}`;
    expect((await fetch(`${kb}/${C.c2}/aapnekrav`, bearer(suA))).status).toBe(200);
    expect((await fetch(path, { method: 'DELETE', ...bearer(morten) })).status).toBe(200);
    await error(await fetch(`${kb}/${C.c2}/aapnekrav`, bearer(suA)), 403, 'DAS-008');
    expect((await fetch(path, { method: 'POST', ...bearer(morten) })).status).toBe(200);
    expect((await fetch(`${kb}/${C.c2}/aapnekrav`, bearer(suA))).status).toBe(200);
  });

  it('six concurrent calls from one organisation: one gets 429 DEMO-429 with Retry-After: 1', async () => {
    t.world.admin.setFaults([{ service: 'altinn', pathPrefix: '/authorization/', latencyMs: 300 }]);
    try {
      const all = await Promise.all(Array.from({ length: 6 }, () => fetch(`${kb}/${C.c1}/aapnekrav`, bearer(suA))));
      const limited = all.filter((r) => r.status === 429);
      expect(limited).toHaveLength(1);
      expect(limited[0]!.headers.get('retry-after')).toBe('1');
      await error(limited[0]!, 429, 'DEMO-429');
      expect(all.filter((r) => r.status === 200)).toHaveLength(5);
    } finally {
      t.world.admin.clearFaults();
    }
  });

  it('PDP down: 500 DAS-003', async () => {
    t.world.admin.setFaults([{ service: 'altinn', pathPrefix: '/authorization/', errorRate: 1, errorStatuses: [503] }]);
    try {
      await error(await fetch(`${kb}/${C.c1}/aapnekrav`, bearer(suA)), 500, 'DAS-003');
    } finally {
      t.world.admin.clearFaults();
    }
  });

  it('the JWKS is fetched once from the metadata and cached', async () => {
    const jwksCalls = t.world.traffic
      .list()
      .filter((e) => e.service === 'maskinporten' && e.path === '/jwk' && e.caller === 'skatteetaten');
    expect(jwksCalls).toHaveLength(1);
  });

  it('SU-A token works for every delegated client', async () => {
    for (const c of t.world.admin.delegatedClients(SU_A)) expect((await fetch(`${kb}/${c}/aapnekrav`, bearer(suA))).status).toBe(200);
  });
});
