// Where a new client goes, by the relationship it has with the firm (REGN, REVI, FFØR) and the rules the firm set:
// system users and employees, the employees named one by one or as a group. A client with two relationships (a BRL
// with REGN and FFØR) follows both rules; each target gets one draft of its own.
import type { EmployeeGroup, RoutingRule } from '../../../shared/contract/app';
import { PACKAGES_BY_RELATIONSHIP, packageCode, type Relationship } from '../../../shared/domain/packages';

export type RouteTarget =
  { kind: 'systemUser'; systemUserId: string } | { kind: 'employee'; partyUuid: string; name: string; packages: string[] };

export interface Route {
  /** One per target: the same system user, or the same person with the same packages, is one route. */
  key: string;
  target: RouteTarget;
  relationship: Relationship;
  unattended: boolean;
}

/** The packages a rule gives its employees; a rule that names none gives the relationship's first. */
export function employeePackagesOf(rule: Pick<RoutingRule, 'relationship' | 'employeePackages'>): string[] {
  const chosen = (rule.employeePackages ?? []).map(packageCode);
  return [...new Set(chosen.length > 0 ? chosen : [PACKAGES_BY_RELATIONSHIP[rule.relationship][0]!])].sort();
}

/** The employees a rule names, itself and through its groups, each person once; a group it names that is gone adds no one. */
export function ruleEmployees(rule: RoutingRule, groups: readonly EmployeeGroup[]): { partyUuid: string; name: string }[] {
  const people = new Map<string, { partyUuid: string; name: string }>();
  const add = (e: { partyUuid: string; name: string }) => {
    const id = e.partyUuid.toLowerCase();
    if (!people.has(id)) people.set(id, { partyUuid: id, name: e.name });
  };
  (rule.employees ?? []).forEach(add);
  for (const name of rule.groups ?? []) groups.find((g) => g.name === name)?.members.forEach(add);
  return [...people.values()];
}

export function routesFor(
  relationships: readonly Relationship[],
  rules: readonly RoutingRule[],
  groups: readonly EmployeeGroup[] = [],
): Route[] {
  const routes = new Map<string, Route>();
  const put = (route: Route) => {
    // The first rule that sends a client to a target decides; a second one adds nothing.
    if (!routes.has(route.key)) routes.set(route.key, route);
  };
  for (const rule of rules) {
    if (!relationships.includes(rule.relationship)) continue;
    const base = { relationship: rule.relationship, unattended: rule.unattended };
    for (const systemUserId of rule.systemUserIds)
      put({ ...base, key: `su:${systemUserId.toLowerCase()}`, target: { kind: 'systemUser', systemUserId } });
    const packages = employeePackagesOf(rule);
    for (const person of ruleEmployees(rule, groups))
      put({
        ...base,
        key: `emp:${person.partyUuid}:${packages.join(',')}`,
        target: { kind: 'employee', partyUuid: person.partyUuid, name: person.name, packages },
      });
  }
  return [...routes.values()];
}
