// The Skatteetaten simulator's fixture model: claims with instalments, payments and payouts, kept
// consistent by construction (a payment placed on an instalment shows up on both sides).

export interface Placement {
  paymentId: string;
  instalmentId: string;
  amount: number;
  date: string;
}

export interface Instalment {
  id: string;
  dueDate: string;
  original: number;
  remaining: number;
  deferred: boolean;
  kid: string;
  placements: Placement[];
}

export interface Period {
  text?: string;
  year?: string;
  fromDate?: string;
  toDate?: string;
  term?: string;
}

export interface Claim {
  id: string;
  type: string;
  group: string;
  description: string;
  period: Period;
  created: string;
  assessment: 'egenfastsatt' | 'myndighetsfastsatt' | 'blank';
  interest: number;
  principalId?: string;
  instalments: Instalment[];
}

export interface Account {
  owner: string;
  /** Masked the way K&B shows payer accounts: `******12057`. */
  number: string;
}

export interface Payment {
  id: string;
  date: string;
  amount: number;
  unplaced: number;
  message?: string;
  kid?: string;
  from: Account;
  placements: Placement[];
}

export interface Payout {
  id: string;
  date: string;
  amount: number;
  message: string;
  to: Account;
  creditInstalmentId: string;
  creditClaim: Claim;
  status: 'bekreftet' | 'under behandling';
}

export interface ClaimsFixture {
  orgNo: string;
  name: string;
  claims: Claim[];
  payments: Payment[];
  payouts: Payout[];
}

export const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Luhn (mod 10) check digit, as used on KID numbers. */
export function luhnCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export interface InstalmentSpec {
  due: string;
  amount: number;
  /** Payments placed on this instalment. */
  paid?: Array<{ amount: number; date: string }>;
  deferred?: boolean;
}

export interface ClaimSpec {
  type: string;
  group: string;
  description: string;
  period: Period;
  created: string;
  assessment?: Claim['assessment'];
  interest?: number;
  principalId?: string;
  instalments: InstalmentSpec[];
}

/** Builds one party's fixture with ids in K&B's demo style (`KRAV-31336701`, `KF-31336701-1`, `INNB-…`). */
export class ClaimsBuilder {
  private readonly claims: Claim[] = [];
  private readonly payments: Payment[] = [];
  private readonly payouts: Payout[] = [];
  private seq = 0;
  private readonly stem: string;
  private readonly orgNo: string;
  private readonly name: string;
  private readonly payerAccount: string;

  constructor(orgNo: string, name: string, payerAccount: string) {
    this.orgNo = orgNo;
    this.name = name;
    this.payerAccount = payerAccount;
    this.stem = orgNo.slice(0, 7);
  }

  private nextId(prefix: string): string {
    this.seq += 1;
    return `${prefix}-${this.stem}${this.seq}`;
  }

  /** KID: org number + 4 digits (period year + first due month) + Luhn. */
  private kid(year: string, due: string): string {
    const body = `${this.orgNo}${year.slice(2, 4)}${due.slice(5, 7)}`;
    return `${body}${luhnCheckDigit(body)}`;
  }

  claim(spec: ClaimSpec): string {
    const id = this.nextId('KRAV');
    const kidYear = spec.period.year ?? spec.created.slice(0, 4);
    const kid = this.kid(kidYear, spec.instalments[0]?.due ?? spec.created);
    const instalments = spec.instalments.map((s, i): Instalment => {
      const instalmentId = `KF-${id.slice(5)}-${i + 1}`;
      const placements = (s.paid ?? []).map((p): Placement => {
        const paymentId = this.nextId('INNB');
        this.payments.push({
          id: paymentId,
          date: p.date,
          amount: p.amount,
          unplaced: 0,
          kid,
          from: { owner: this.name, number: this.payerAccount },
          placements: [{ paymentId, instalmentId, amount: p.amount, date: p.date }],
        });
        return { paymentId, instalmentId, amount: p.amount, date: p.date };
      });
      const paidTotal = placements.reduce((a, p) => a + p.amount, 0);
      return {
        id: instalmentId,
        dueDate: s.due,
        original: s.amount,
        remaining: round2(s.amount - paidTotal),
        deferred: s.deferred ?? false,
        kid,
        placements,
      };
    });
    this.claims.push({
      id,
      type: spec.type,
      group: spec.group,
      description: spec.description,
      period: spec.period,
      created: spec.created,
      assessment: spec.assessment ?? 'myndighetsfastsatt',
      interest: spec.interest ?? 0,
      ...(spec.principalId ? { principalId: spec.principalId } : {}),
      instalments,
    });
    return id;
  }

  unplacedPayment(amount: number, date: string, message: string): void {
    this.payments.push({
      id: this.nextId('INNB'),
      date,
      amount,
      unplaced: amount,
      message,
      from: { owner: this.name, number: this.payerAccount },
      placements: [],
    });
  }

  /** A credit claim (negative amount) paid out to the party. */
  payout(spec: Omit<ClaimSpec, 'instalments'> & { amount: number; date: string; message: string }): void {
    const id = this.nextId('UTB');
    const creditInstalmentId = `KF-${id.slice(4)}-1`;
    const creditClaim: Claim = {
      id: `KRAV-${id.slice(4)}`,
      type: spec.type,
      group: spec.group,
      description: spec.description,
      period: spec.period,
      created: spec.created,
      assessment: spec.assessment ?? 'egenfastsatt',
      interest: 0,
      instalments: [
        { id: creditInstalmentId, dueDate: spec.date, original: -spec.amount, remaining: 0, deferred: false, kid: '', placements: [] },
      ],
    };
    this.claims.push(creditClaim);
    this.payouts.push({
      id,
      date: spec.date,
      amount: spec.amount,
      message: spec.message,
      to: { owner: this.name, number: this.payerAccount },
      creditInstalmentId,
      creditClaim,
      status: 'bekreftet',
    });
  }

  build(): ClaimsFixture {
    return { orgNo: this.orgNo, name: this.name, claims: this.claims, payments: this.payments, payouts: this.payouts };
  }
}
