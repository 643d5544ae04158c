// The demo rule for K&B totals (krav-og-betalinger.md §5.1): instalments due before the demo date are
// overdue, the rest are not yet due, and unplaced payments reduce the balance. Interest is reported but
// never part of the balance.
import { round2, type Claim, type Payment } from '../seed/claims-model';

export interface Totals {
  sumStipulerteRenter: number;
  sumForfalteKrav: number;
  sumIkkeForfalteKrav: number;
  sumUplasserteInnbetalinger: number;
  saldo: number;
}

export interface GroupTotals {
  kravgruppe: string;
  sumStipulerteRenter: number;
  sumForfalteKrav: number;
  sumIkkeForfalteKrav: number;
  saldo: number;
}

const isOpen = (c: Claim): boolean => c.instalments.some((i) => i.remaining !== 0);
export const openClaims = (claims: readonly Claim[]): Claim[] => claims.filter(isOpen);

function split(claims: readonly Claim[], today: string): { overdue: number; notDue: number; interest: number } {
  let overdue = 0;
  let notDue = 0;
  let interest = 0;
  for (const c of claims) {
    interest += c.interest;
    for (const i of c.instalments) {
      if (i.dueDate < today) overdue += i.remaining;
      else notDue += i.remaining;
    }
  }
  return { overdue: round2(overdue), notDue: round2(notDue), interest: round2(interest) };
}

export function totalsFor(
  claims: readonly Claim[],
  payments: readonly Payment[],
  today: string,
): { total: Totals; perGroup: GroupTotals[] } {
  const open = openClaims(claims);
  const all = split(open, today);
  const unplaced = round2(payments.reduce((a, p) => a + p.unplaced, 0));
  const groups = [...new Set(open.map((c) => c.group))];
  return {
    total: {
      sumStipulerteRenter: all.interest,
      sumForfalteKrav: all.overdue,
      sumIkkeForfalteKrav: all.notDue,
      sumUplasserteInnbetalinger: unplaced,
      saldo: round2(all.overdue + all.notDue - unplaced),
    },
    perGroup: groups.map((g) => {
      const s = split(
        open.filter((c) => c.group === g),
        today,
      );
      return {
        kravgruppe: g,
        sumStipulerteRenter: s.interest,
        sumForfalteKrav: s.overdue,
        sumIkkeForfalteKrav: s.notDue,
        saldo: round2(s.overdue + s.notDue),
      };
    }),
  };
}
