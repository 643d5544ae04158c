// Which system users a new client goes to, by the relationship it has with the firm (REGN, REVI, FFØR) and the
// rules the firm set. A client with two relationships (a BRL with REGN and FFØR) follows both rules.
import type { RoutingRule } from '../../../shared/contract/app';
import type { Relationship } from '../../../shared/domain/packages';

export interface Route {
  systemUserId: string;
  relationship: Relationship;
  unattended: boolean;
}

export function routesFor(relationships: readonly Relationship[], rules: readonly RoutingRule[]): Route[] {
  const routes = new Map<string, Route>();
  for (const rule of rules) {
    if (!relationships.includes(rule.relationship)) continue;
    for (const systemUserId of rule.systemUserIds) {
      // The first rule that sends a client to a system user decides; a second one adds nothing.
      if (!routes.has(systemUserId))
        routes.set(systemUserId, { systemUserId, relationship: rule.relationship, unattended: rule.unattended });
    }
  }
  return [...routes.values()];
}
