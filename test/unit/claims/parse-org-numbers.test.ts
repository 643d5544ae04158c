import { describe, expect, it } from 'vitest';
import { parseOrgNumbers } from '../../../renderer/src/views/claims/parse-org-numbers';

describe('typed org numbers', () => {
  it('reads lists in the forms people paste, grouped or not, without duplicates', () => {
    expect(parseOrgNumbers('313367002, 310 478 717\n313367002; 212201782 311851381')).toEqual({
      valid: ['313367002', '310478717', '212201782', '311851381'],
      invalid: [],
    });
  });

  it('tells a grouped number from several numbers on one line', () => {
    expect(parseOrgNumbers('212201782 310 478 717 313.367.002')).toEqual({ valid: ['212201782', '310478717', '313367002'], invalid: [] });
    expect(parseOrgNumbers('3133670021')).toEqual({ valid: [], invalid: ['3133670021'] });
  });

  it('catches typos with the mod-11 check', () => {
    expect(parseOrgNumbers('313367003 12345')).toEqual({ valid: [], invalid: ['313367003', '12345'] });
  });
});
