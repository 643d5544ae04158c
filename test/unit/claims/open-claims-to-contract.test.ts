import { describe, expect, it } from 'vitest';
import { clientClaimsSchema } from '../../../shared/contract/claims';
import { toClientClaims } from '../../../electron/features/claims/open-claims-to-contract';
import { parseOpenClaims } from '../../../electron/services/skatteetaten/schemas';
import { C1_BODY, C1_BODY_OLD_NAMES, EMPTY_BODY, WITHHELD_BODY } from './aapnekrav-body';

const DEMO_DATE = '2026-11-24';
const map = (body: unknown, org = '313367002', asOf = DEMO_DATE) => toClientClaims(parseOpenClaims(body, org), asOf);

describe('open claims (aapnekrav) in contract terms', () => {
  it('lists one row per instalment still owed, with Skatteetaten’s totals for c1', () => {
    const c1 = map(C1_BODY);
    expect(clientClaimsSchema.parse(c1)).toEqual(c1);
    expect(c1.outcome).toBe('ok');
    expect(c1.totals).toEqual({ overdue: 18450, notDue: 6250, interest: 212.4, unplacedPayments: 500, balance: 24200 });
    // The paid forskudd instalment (KF-31336702-3, remaining 0) is not a row.
    expect(c1.claims.map((c) => c.instalmentId)).toEqual(['KF-31336701-1', 'KF-31336702-4']);
    expect(c1.claims[0]).toEqual({
      claimId: 'KRAV-31336701',
      instalmentId: 'KF-31336701-1',
      type: 'RESTSKATT',
      group: 'Skatt',
      description: 'Restskatt',
      period: 'Inntektsåret 2025',
      dueDate: '2026-08-20',
      originalAmount: 18450,
      remainingAmount: 18450,
      kid: '31336700225080',
      overdue: true,
      deferred: false,
    });
    expect(c1.claims[1]).toMatchObject({
      description: 'Forskuddsskatt',
      period: '2026',
      dueDate: '2026-12-15',
      remainingAmount: 6250,
      kid: '31336700226039',
      overdue: false,
    });
  });

  it('measures overdue against the reference date: due that very day is not yet overdue', () => {
    const onDueDay = map(C1_BODY, '313367002', '2026-12-15');
    expect(onDueDay.claims.find((c) => c.instalmentId === 'KF-31336702-4')!.overdue).toBe(false);
    const dayAfter = map(C1_BODY, '313367002', '2026-12-16');
    expect(dayAfter.claims.every((c) => c.overdue)).toBe(true);
  });

  it('reads the older field names (string description and period) to the same rows', () => {
    const old = map(C1_BODY_OLD_NAMES);
    expect(old.claims.map((c) => [c.description, c.period, c.remainingAmount])).toEqual([
      ['Restskatt', '2025/12', 18450],
      ['Forskuddsskatt', '2026/12', 6250],
    ]);
    expect(old.totals?.balance).toBe(24200);
  });

  it('shows withheld (skjermet) data as withheld, with no amounts at all', () => {
    const withheld = map(WITHHELD_BODY);
    expect(withheld).toMatchObject({ outcome: 'withheld', claims: [], totals: null, error: null });
  });

  it('says "none" for a client with nothing open, keeping the zero totals', () => {
    const none = map(EMPTY_BODY, '212201782');
    expect(none).toMatchObject({ orgNumber: '212201782', outcome: 'none', claims: [] });
    expect(none.totals?.balance).toBe(0);
  });

  it('marks deferred enforcement and keeps a claim listed without instalments', () => {
    const body = {
      partIdentifikator: '310478717',
      aapentKravMedGjenstaaendeBeloep: [
        {
          kravidentifikator: 'K1',
          kravtype: 'RESTSKATT',
          opprinneligBeloep: 3210,
          gjenstaaendeBeloep: 3210,
          kravforfall: [
            {
              kravforfallsIdentifikator: 'F1',
              forfallsdato: '2026-08-20',
              opprinneligBeloep: 3210,
              gjenstaaendeBeloep: 3210,
              utsattIverksettelse: true,
            },
          ],
        },
        { kravidentifikator: 'K2', kravtype: 'Forsinkelsesrente', opprinneligBeloep: 86, gjenstaaendeBeloep: 86 },
      ],
    };
    const rows = map(body, '310478717').claims;
    expect(rows[0]).toMatchObject({ claimId: 'K1', deferred: true, overdue: true });
    expect(rows[1]).toMatchObject({
      claimId: 'K2',
      instalmentId: '',
      dueDate: null,
      remainingAmount: 86,
      description: 'Forsinkelsesrente',
      overdue: false,
    });
  });
});
