import { describe, expect, it } from 'vitest';
import { ClaimsBuilder } from '../../../electron/demo/seed/claims-model';
import { namedClaims } from '../../../electron/demo/seed/claims-named';
import { generatedClaims } from '../../../electron/demo/seed/claims-generated';
import { buildDirectory } from '../../../electron/demo/seed/clients';
import { totalsFor } from '../../../electron/demo/skatteetaten/totals';

const TODAY = '2026-11-24';
const totalsOf = (orgNo: string, today = TODAY) => {
  const f = namedClaims(orgNo)!;
  return totalsFor(f.claims, f.payments, today);
};

describe('K&B demo totals rule', () => {
  it('matches actors.md §7 for every named client', () => {
    const expected: Record<string, [number, number, number, number]> = {
      '313367002': [18450, 6250, 212.4, 24200],
      '311851381': [86, 14300, 0, 14386],
      '314961900': [14270, 0, 41.1, 14270],
      '314055403': [0, 7850, 0, 7850],
      '212201782': [0, 0, 0, 0],
      '310478717': [3210, 0, 36.9, 3210],
      '310000078': [79700, 0, 520.6, 79700],
      '310000035': [120000, 0, 0, 120000],
    };
    for (const [orgNo, [forfalte, ikke, renter, saldo]] of Object.entries(expected)) {
      const { total } = totalsOf(orgNo);
      expect({ orgNo, ...total }).toMatchObject({
        orgNo,
        sumForfalteKrav: forfalte,
        sumIkkeForfalteKrav: ikke,
        sumStipulerteRenter: renter,
        saldo,
      });
    }
  });

  it('per group, saldo is forfalte + ikke forfalte (unplaced payments are not subtracted)', () => {
    expect(totalsOf('313367002').perGroup).toEqual([
      { kravgruppe: 'Skatt', sumStipulerteRenter: 212.4, sumForfalteKrav: 18450, sumIkkeForfalteKrav: 6250, saldo: 24700 },
    ]);
    expect(totalsOf('311851381').perGroup.map((g) => g.kravgruppe)).toEqual(['Merverdiavgift', 'Andre krav']);
  });

  it('an instalment due today is not overdue; the day after, it is', () => {
    const b = new ClaimsBuilder('310000035', 'X', '******1');
    b.claim({
      type: 'ARBGAVG',
      group: 'Arbeidsgiveravgift',
      description: 'x',
      period: {},
      created: '2026-01-01',
      instalments: [{ due: TODAY, amount: 100 }],
    });
    const f = b.build();
    expect(totalsFor(f.claims, f.payments, TODAY).total).toMatchObject({ sumForfalteKrav: 0, sumIkkeForfalteKrav: 100 });
    expect(totalsFor(f.claims, f.payments, '2026-11-25').total).toMatchObject({ sumForfalteKrav: 100, sumIkkeForfalteKrav: 0 });
  });

  it('holds for generated clients: saldo = forfalte + ikke forfalte − unplaced, amounts to the øre', () => {
    const d = buildDirectory(1, 400);
    let checked = 0;
    for (const c of d.clients.slice(11)) {
      const f = generatedClaims(1, c.org.orgNo, c.org.name, c.org.form, TODAY);
      if (!f) continue;
      const { total, perGroup } = totalsFor(f.claims, f.payments, TODAY);
      expect(total.saldo).toBeCloseTo(total.sumForfalteKrav + total.sumIkkeForfalteKrav - total.sumUplasserteInnbetalinger, 2);
      expect(perGroup.reduce((a, g) => a + g.saldo, 0)).toBeCloseTo(total.sumForfalteKrav + total.sumIkkeForfalteKrav, 2);
      for (const v of Object.values(total)) expect(Math.round(v * 100) / 100).toBe(v);
      checked++;
    }
    expect(checked).toBeGreaterThan(300);
  });
});
