import { describe, expect, it } from 'vitest';
import type { ProposalSettings } from '../../../shared/contract/app';
import {
  blankRule,
  forSaving,
  hasProblems,
  removeGroup,
  renameGroup,
  rulesProblems,
} from '../../../renderer/src/views/batches/proposal-rules';

const A = '0c1d2e3f-1111-4222-8333-444455556666';
const KARI = { partyUuid: 'aaaaaaaa-1111-4222-8333-000000000001', name: 'Kari Nordby' };
const base = { systemUserIds: [], employees: [], groups: [], employeePackages: [], unattended: false };

const settings: ProposalSettings = {
  groups: [{ name: 'Team X', members: [KARI] }],
  rules: [
    { ...base, relationship: 'REGN', systemUserIds: [A], groups: ['Team X'] },
    { ...base, relationship: 'REVI', groups: ['Team X'] },
  ],
};

describe('the routing rules’ editing model', () => {
  it('a new rule takes the first relationship no rule has yet, and sends nowhere until a target is chosen', () => {
    const rule = blankRule(settings.rules);
    expect(rule).toMatchObject({ relationship: 'FFØR', systemUserIds: [], employees: [], groups: [], unattended: false });
    const problems = rulesProblems({ ...settings, rules: [...settings.rules, rule] });
    expect([...problems.rules]).toEqual([[2, 'noTarget']]);
    expect(hasProblems(problems)).toBe(true);
    expect(hasProblems(rulesProblems(settings))).toBe(false);
  });

  it('a group needs a name of its own', () => {
    const p = rulesProblems({ ...settings, groups: [...settings.groups, { name: ' Team X ', members: [] }, { name: '  ', members: [] }] });
    expect([...p.groups]).toEqual([
      [1, 'duplicateName'],
      [2, 'noName'],
    ]);
  });

  it('renaming or removing a group carries through to every rule that names it', () => {
    const renamed = renameGroup(settings, 0, 'REGN-teamet');
    expect(renamed.groups[0]!.name).toBe('REGN-teamet');
    expect(renamed.rules.map((r) => r.groups)).toEqual([['REGN-teamet'], ['REGN-teamet']]);
    const removed = removeGroup(settings, 0);
    expect(removed.groups).toEqual([]);
    expect(removed.rules.map((r) => r.groups)).toEqual([[], []]);
    // The REVI rule named only the group: it now sends nowhere, and the save says so.
    expect([...rulesProblems(removed).rules]).toEqual([[1, 'noTarget']]);
  });

  it('saves names trimmed, as the rules look groups up by them', () => {
    const saved = forSaving({
      groups: [{ name: ' Team X ', members: [] }],
      rules: [{ ...base, relationship: 'REGN', groups: [' Team X '] }],
    });
    expect(saved.groups[0]!.name).toBe('Team X');
    expect(saved.rules[0]!.groups).toEqual(['Team X']);
  });
});
