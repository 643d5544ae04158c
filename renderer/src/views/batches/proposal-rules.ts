// The routing rules' editing model, apart from the dialog that shows it: what a new rule is, what stops a save,
// and renaming a group everywhere it is named.
import type { ProposalSettings, RoutingRule } from '../../../../shared/contract/app';
import { RELATIONSHIPS, type Relationship } from '../../../../shared/domain/packages';

export type RuleProblem = 'noTarget';
export type GroupProblem = 'noName' | 'duplicateName';

export interface RulesProblems {
  rules: Map<number, RuleProblem>;
  groups: Map<number, GroupProblem>;
}

/** A new rule, for the first relationship no rule has yet. */
export function blankRule(existing: readonly RoutingRule[]): RoutingRule {
  const relationship: Relationship = RELATIONSHIPS.find((r) => !existing.some((e) => e.relationship === r)) ?? 'REGN';
  return { relationship, systemUserIds: [], employees: [], groups: [], employeePackages: [], unattended: false };
}

/** A rule must send its clients somewhere; a group needs a name of its own, since rules name it by that. */
export function rulesProblems(settings: ProposalSettings): RulesProblems {
  const rules = new Map<number, RuleProblem>();
  settings.rules.forEach((r, i) => {
    if (r.systemUserIds.length + r.employees.length + r.groups.length === 0) rules.set(i, 'noTarget');
  });
  const groups = new Map<number, GroupProblem>();
  const seen = new Set<string>();
  settings.groups.forEach((g, i) => {
    const name = g.name.trim();
    if (!name) groups.set(i, 'noName');
    else if (seen.has(name)) groups.set(i, 'duplicateName');
    seen.add(name);
  });
  return { rules, groups };
}

export const hasProblems = (p: RulesProblems): boolean => p.rules.size > 0 || p.groups.size > 0;

/** A group renamed keeps its place in every rule that named it. */
export function renameGroup(settings: ProposalSettings, index: number, name: string): ProposalSettings {
  const before = settings.groups[index]?.name;
  return {
    groups: settings.groups.map((g, i) => (i === index ? { ...g, name } : g)),
    rules: settings.rules.map((r) => ({ ...r, groups: r.groups.map((n) => (n === before ? name : n)) })),
  };
}

/** A group removed is taken out of the rules too, so no rule names a group that is not there. */
export function removeGroup(settings: ProposalSettings, index: number): ProposalSettings {
  const gone = settings.groups[index]?.name;
  return {
    groups: settings.groups.filter((_, i) => i !== index),
    rules: settings.rules.map((r) => ({ ...r, groups: r.groups.filter((n) => n !== gone) })),
  };
}

/** What is saved: names trimmed, as the rules will look them up. */
export function forSaving(settings: ProposalSettings): ProposalSettings {
  return {
    groups: settings.groups.map((g) => ({ ...g, name: g.name.trim() })),
    rules: settings.rules.map((r) => ({ ...r, groups: r.groups.map((n) => n.trim()) })),
  };
}
