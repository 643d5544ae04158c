// One list for a review: the verdicts from batches.review for the numbers that were read, and the lines that
// could not be read at all, in line order, so every line of a pasted or imported list is shown.
// Shared by the delegation wizard and the batch detail's "add clients to a draft".
import type { ReviewItem } from '../../../../shared/contract/batches';
import type { OrgNumberList, OrgNumberListError, OrgNumberListProblem } from '../../../../shared/domain/org-number-list';

export type Verdict = ReviewItem['verdict'];

export interface ReviewRow {
  key: string;
  line: number | null;
  input: string;
  orgNumber: string;
  name: string | null;
  verdict: Verdict;
  missingPackages: string[];
  /** Why a line could not be read, when it could not. */
  problem: OrgNumberListProblem | null;
}

export interface ReviewSource {
  /** What was sent to batches.review, in order; `line` is null for numbers that did not come from text. */
  inputs: { input: string; line: number | null }[];
  lineErrors: OrgNumberListError[];
}

/** What a pasted or picked list sends to review; a refused list (too many numbers) sends nothing. */
export function sourceFromList(list: OrgNumberList | null | undefined): ReviewSource {
  if (!list || list.refusal) return { inputs: [], lineErrors: [] };
  return { inputs: list.entries.map((e) => ({ input: e.orgNumber, line: e.line })), lineErrors: list.errors };
}

export function reviewRows(source: ReviewSource, items: readonly ReviewItem[]): ReviewRow[] {
  const reviewed: ReviewRow[] = items.map((item, i) => ({
    key: `r${i}`,
    line: source.inputs[i]?.line ?? null,
    input: item.input,
    orgNumber: item.orgNumber,
    name: item.name,
    verdict: item.verdict,
    missingPackages: item.missingPackages,
    problem: null,
  }));
  if (source.lineErrors.length === 0) return reviewed;
  const unreadable: ReviewRow[] = source.lineErrors.map((e, i) => ({
    key: `e${i}`,
    line: e.line,
    input: e.input,
    orgNumber: '',
    name: null,
    verdict: 'invalid_number',
    missingPackages: [],
    problem: e.problem,
  }));
  // Stable sort by line keeps the review's own order within a line.
  return [...reviewed, ...unreadable].sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
}

export function countVerdicts(rows: readonly ReviewRow[]): Record<Verdict, number> {
  const counts: Record<Verdict, number> = {
    ready: 0,
    already_done: 0,
    fails_and_rule: 0,
    unknown_client: 0,
    invalid_number: 0,
    duplicate: 0,
  };
  for (const r of rows) counts[r.verdict] += 1;
  return counts;
}
