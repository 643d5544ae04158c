// Skatteetaten's open claims (already read leniently by skatteetaten/parse.ts) in the contract's terms: one row
// per instalment that still has money to pay, "overdue" measured against one reference date for the whole
// answer, and Skatteetaten's own totals, which the table never recomputes (its formula is UNCONFIRMED).
import type { Claim, ClientClaims } from '../../../shared/contract/claims';
import type { Claim as KravClaim, ClaimDue, OpenClaims } from '../../services/skatteetaten/claims-types';

export function toClientClaims(open: OpenClaims, asOf: string, name: string | null = null): ClientClaims {
  const orgNumber = open.partyId;
  if (open.withheld) {
    // skjermet: show that data exists but is shielded, and no amounts at all.
    return { orgNumber, name, outcome: 'withheld', claims: [], totals: null, error: null };
  }
  const claims = open.claims.flatMap((claim) => openRows(claim, asOf));
  const { estimatedInterest, overdue, notDue, unplacedPayments, balance } = open.totals;
  return {
    orgNumber,
    name,
    outcome: claims.length === 0 ? 'none' : 'ok',
    claims,
    totals: { overdue, notDue, interest: estimatedInterest, unplacedPayments, balance },
    error: null,
  };
}

function openRows(claim: KravClaim, asOf: string): Claim[] {
  const dues = claim.dues.filter((due) => due.remainingAmount > 0);
  if (claim.dues.length === 0 && claim.remainingAmount > 0) {
    // Older or abridged bodies may list a claim without kravforfall; it is still owed, just without a due date.
    return [row(claim, undefined, asOf)];
  }
  return dues.map((due) => row(claim, due, asOf));
}

function row(claim: KravClaim, due: ClaimDue | undefined, asOf: string): Claim {
  const dueDate = due?.dueDate && isIsoDate(due.dueDate) ? due.dueDate : null;
  const remainingAmount = due ? due.remainingAmount : claim.remainingAmount;
  return {
    claimId: claim.claimId,
    instalmentId: due?.id ?? '',
    type: claim.type ?? '',
    group: claim.group ?? '',
    description: claim.description ?? claim.type ?? '',
    period: claim.period ?? claim.year ?? '',
    dueDate,
    originalAmount: due ? due.originalAmount : claim.originalAmount,
    remainingAmount,
    kid: due?.kid ?? null,
    // ISO dates compare correctly as strings; "due today" is not yet overdue.
    overdue: dueDate !== null && dueDate < asOf && remainingAmount > 0,
    deferred: due?.enforcementDeferred ?? false,
  };
}

const isIsoDate = (value: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(value);
