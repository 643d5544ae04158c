// What the app keeps of Krav og betalinger's answers (krav-og-betalinger.md §5), in English names.
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
