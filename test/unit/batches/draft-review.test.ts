// Adding clients to a draft reviews them like the wizard does; these are the renderer's pure steps around it.
import { describe, expect, it } from 'vitest';
import type { ReviewItem } from '../../../shared/contract/batches';
import { parseOrgNumberList } from '../../../shared/domain/org-number-list';
import { countVerdicts, reviewRows, sourceFromList } from '../../../renderer/src/components/org-numbers/review-rows';
import { draftOperation, readyOrgNumbers, withoutDraftItems } from '../../../renderer/src/views/batches/draft-edit';

const item = (orgNumber: string, verdict: ReviewItem['verdict']): ReviewItem => ({
  input: orgNumber,
  orgNumber,
  name: null,
  verdict,
  missingPackages: [],
  line: null,
});

describe('reviewing clients for a draft', () => {
  it('keeps every unreadable line beside the reviewed numbers, in line order', () => {
    const source = sourceFromList(parseOrgNumberList('313367002\nhello\n314055403'));
    expect(source.inputs).toEqual([
      { input: '313367002', line: 1 },
      { input: '314055403', line: 3 },
    ]);
    const rows = reviewRows(source, [item('313367002', 'ready'), item('314055403', 'fails_and_rule')]);
    expect(rows.map((r) => [r.line, r.verdict, r.problem])).toEqual([
      [1, 'ready', null],
      [2, 'invalid_number', 'no-number'],
      [3, 'fails_and_rule', null],
    ]);
  });

  it('sends nothing for a list that was refused whole', () => {
    expect(sourceFromList(null)).toEqual({ inputs: [], lineErrors: [] });
    const refused = {
      ...parseOrgNumberList('313367002'),
      refusal: { problem: 'too-many' as const, message: 'too many', count: 2, max: 1 },
    };
    expect(sourceFromList(refused).inputs).toEqual([]);
  });

  it('does not offer a client that is already in the draft, and adds only the ready ones', () => {
    const rows = reviewRows(sourceFromList(parseOrgNumberList('313367002 314055403 311851381')), [
      item('313367002', 'ready'),
      item('314055403', 'ready'),
      item('311851381', 'fails_and_rule'),
    ]);
    const reviewed = withoutDraftItems(rows, new Set(['313367002', '311851381']));
    expect(reviewed.map((r) => r.verdict)).toEqual(['duplicate', 'ready', 'fails_and_rule']);
    expect(countVerdicts(reviewed)).toMatchObject({ ready: 1, duplicate: 1, fails_and_rule: 1 });
    expect(readyOrgNumbers(reviewed)).toEqual(['314055403']);
  });

  it('takes the draft’s operation from its items, and has none for an empty draft', () => {
    expect(draftOperation([{ operation: 'remove' }, { operation: 'remove' }])).toBe('remove');
    expect(draftOperation([])).toBeNull();
  });
});
