import { describe, expect, it } from 'vitest';
import { createHttpClient, type HttpResponse } from '../../../electron/platform/http/http-client';
import { createPool, type Pool } from '../../../electron/platform/http/pool';
import { kravOgBetalingerError } from '../../../electron/services/skatteetaten/errors';
import { KravOgBetalingerClient } from '../../../electron/services/skatteetaten/krav-og-betalinger-client';
import { parseOpenClaims, paymentSchema } from '../../../electron/services/skatteetaten/schemas';
import { FakeClock, json, scriptedFetch } from './helpers';

const res = (status: number, bodyText: string): HttpResponse => ({
  status,
  ok: status < 400,
  headers: new Headers(),
  bodyText,
  url: 'u',
  correlationId: 'corr-3',
  attempts: 1,
  durationMs: 1,
});
const BASE = 'https://kravogbetalinger.api.skatteetaten-test.no/v1';

function client(fetch: typeof globalThis.fetch, tokens = { n: 0, invalidated: [] as string[] }, limiter?: Pool) {
  const kb = new KravOgBetalingerClient({
    http: createHttpClient({ fetch, clock: new FakeClock() }),
    baseUrl: BASE,
    limiter,
    tokens: {
      getToken: async () => `tok-${tokens.n}`,
      invalidate: (t) => {
        tokens.invalidated.push(t);
        tokens.n++;
      },
    },
  });
  return { kb, tokens };
}

describe('K&B errors', () => {
  it.each([
    [400, 'KB-006', false],
    [401, 'KB-004', false],
    [403, 'DAS-008', false],
    [404, 'KB-009', false],
    [500, 'KB-001', true],
    [500, 'DAS-003', true],
  ])('maps %i %s with its korrelasjonsid', (status, kode, retryable) => {
    const e = kravOgBetalingerError(
      res(status, JSON.stringify({ kode, melding: 'Ugyldig periode', korrelasjonsid: '13a865f5-28f9-47db-9abd-ab78977c79fe' })),
    );
    expect(e).toMatchObject({
      code: kode,
      status,
      service: 'skatteetaten',
      korrelasjonsid: '13a865f5-28f9-47db-9abd-ab78977c79fe',
      correlationId: 'corr-3',
      retryable,
    });
  });

  it('handles a non-JSON body and the demo 429', () => {
    expect(kravOgBetalingerError(res(404, '<html>Not Found</html>'))).toMatchObject({ code: 'HTTP_404', retryable: false });
    expect(
      kravOgBetalingerError(res(429, JSON.stringify({ kode: 'DEMO-429', melding: 'For mange samtidige kall', korrelasjonsid: 'k' }))),
    ).toMatchObject({ code: 'DEMO-429', retryable: true });
  });
});

describe('K&B client', () => {
  it('calls the regnskapssystem path with the bearer token and parses open claims', async () => {
    const fetch = scriptedFetch(() =>
      json(200, {
        partIdentifikator: '313367002',
        skjermet: false,
        aapentKravMedGjenstaaendeBeloep: [
          {
            kravidentifikator: 'KRAV-1',
            kravtype: 'RESTSKATT',
            kravgruppe: 'Skatt',
            kravbeskrivelse: { spraakTekst: [{ tekst: 'Restskatt', spraak: 'nb' }] },
            kravperiode: { aar: '2025' },
            opprinneligBeloep: 18450.0,
            gjenstaaendeBeloep: 18450.0,
            stipulerteRenter: 212.4,
            kravforfall: [
              {
                kravforfallsIdentifikator: 'KF-1',
                forfallsdato: '2026-08-20',
                opprinneligBeloep: 18450,
                gjenstaaendeBeloep: 18450,
                betalingsinformasjon: { kidnummer: '31336700225080', konto: { kontonummer: '63450612016' } },
                utsattIverksettelse: false,
                plassertInnbetaling: [],
                plassertMotkrav: [],
              },
            ],
          },
        ],
        innbetalingMedUplassertBeloep: [],
        totalOversikt: {
          sumStipulerteRenter: 212.4,
          sumForfalteKrav: 18450.0,
          sumIkkeForfalteKrav: 6250.0,
          sumUplasserteInnbetalinger: 500.0,
          saldo: 24200.0,
        },
        oversiktPerKravgruppe: [
          { kravgruppe: 'Skatt', sumForfalteKrav: 18450, sumIkkeForfalteKrav: 6250, sumStipulerteRenter: 212.4, saldo: 24700 },
        ],
      }),
    );
    const { kb } = client(fetch);
    const open = await kb.openClaims('313367002');
    expect(fetch.seen[0]!.url).toBe(`${BASE}/regnskapssystem/313367002/aapnekrav`);
    expect(fetch.seen[0]!.headers['authorization']).toBe('Bearer tok-0');
    expect(open.totals.balance).toBe(24200);
    expect(open.claims[0]).toMatchObject({
      claimId: 'KRAV-1',
      description: 'Restskatt',
      period: '2025',
      dues: [{ kid: '31336700225080', dueDate: '2026-08-20' }],
    });
    expect(open.perGroup[0]).toEqual({ group: 'Skatt', estimatedInterest: 212.4, overdue: 18450, notDue: 6250, balance: 24700 });
  });

  it('on 401 KB-004 drops the token and retries once with a new one', async () => {
    const fetch = scriptedFetch((req) =>
      req.headers['authorization'] === 'Bearer tok-0'
        ? json(401, { kode: 'KB-004', melding: 'Autentiseringsfeil', korrelasjonsid: 'k1' })
        : json(200, { partIdentifikator: '313367002', aapentKravMedGjenstaaendeBeloep: [] }),
    );
    const { kb, tokens } = client(fetch);
    await kb.openClaims('313367002');
    expect(tokens.invalidated).toEqual(['tok-0']);
    expect(fetch.seen).toHaveLength(2);

    const always401 = scriptedFetch(() => json(401, { kode: 'KB-004', melding: 'x', korrelasjonsid: 'k2' }));
    await expect(client(always401).kb.openClaims('313367002')).rejects.toMatchObject({ code: 'KB-004', korrelasjonsid: 'k2' });
    expect(always401.seen).toHaveLength(2);
  });

  it('turns KB-007 into an empty period, sends the period query, and types DAS-008', async () => {
    const fetch = scriptedFetch((req) =>
      req.url.includes('313367002')
        ? json(404, { kode: 'KB-007', melding: 'Ingen data', korrelasjonsid: 'k' })
        : json(403, { kode: 'DAS-008', melding: 'Ikke autorisert', korrelasjonsid: 'k4' }),
    );
    const { kb } = client(fetch);
    const empty = await kb.claims('313367002', { from: '2026-01-01', to: '2026-11-24' });
    expect(empty).toMatchObject({ items: [], nothingInPeriod: true });
    expect(fetch.seen[0]!.url).toBe(`${BASE}/regnskapssystem/313367002/krav?fraOgMed=2026-01-01&tilOgMed=2026-11-24`);
    await expect(kb.openClaims('310478717')).rejects.toMatchObject({ code: 'DAS-008', status: 403, korrelasjonsid: 'k4' });
    await expect(kb.claims('313367002', { from: '1/1/2026', to: '2026-11-24' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('keeps at most 5 calls in flight', async () => {
    let inFlight = 0;
    let peak = 0;
    const fetch = scriptedFetch(async () => {
      peak = Math.max(peak, ++inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return json(200, {});
    });
    const { kb } = client(fetch, undefined, createPool(5));
    await Promise.all(Array.from({ length: 17 }, () => kb.openClaims('313367002')));
    expect(peak).toBe(5);
  });

  it('retries a 500 KB-001 and gives up with a typed error', async () => {
    const fetch = scriptedFetch(() => json(500, { kode: 'KB-001', melding: 'Uventet feil', korrelasjonsid: 'k5' }));
    const { kb } = client(fetch);
    await expect(kb.openClaims('313367002')).rejects.toMatchObject({ code: 'KB-001', retryable: true, korrelasjonsid: 'k5' });
    expect(fetch.seen.length).toBeGreaterThan(1);
  });
});

describe('K&B tolerant parsing', () => {
  it('accepts old field names (plassertKrav, betaltFra, betaltTilKonto, plasseringsdato, string texts)', () => {
    const p = paymentSchema.parse({
      innbetalingsidentifikator: 'I1',
      innbetalingsdato: '2026-01-01',
      innbetaltBeloep: 100,
      uplassertBeloep: 0,
      betaltTilKonto: { kontonummer: '63450612016' },
      betaltFra: { konto: { kontoeiersNavn: 'X', kontonummer: '***1' }, valutakode: 'NOK' },
      plassertKrav: [{ kravforfallIdentifikator: 'KF-9', plassertBeloep: 100, plasseringsdato: '2026-01-02', kravbeskrivelse: 'Mva' }],
    });
    expect(p).toMatchObject({
      paymentId: 'I1',
      toAccount: '63450612016',
      from: { ownerName: 'X' },
      currency: 'NOK',
      placements: [{ claimDueId: 'KF-9', amount: 100, placedDate: '2026-01-02', description: 'Mva' }],
    });
    const open = parseOpenClaims(
      {
        skjermet: true,
        aapentKravMedGjenstaaendeBeloep: [{ kravidentifikator: 'K', kravbeskrivelse: 'Restskatt', kravperiode: '2022/09' }],
      },
      '313367002',
    );
    expect(open.withheld).toBe(true);
    expect(open.claims[0]).toMatchObject({ description: 'Restskatt', period: '2022/09', year: '2022' });
    expect(open.partyId).toBe('313367002');
  });
});
