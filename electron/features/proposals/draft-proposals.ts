// After a sync: a draft batch per target (system user, or employee with the rule's packages) for the new clients
// the firm's rules route to it, and one per target for the clients that have left and were delegated to it before
// the sync. Nothing is sent: a person reviews and submits them, unless the rule that routed them says the firm
// lets them go unattended.
import type { Database } from 'better-sqlite3';
import type { EmployeeGroup, RoutingRule } from '../../../shared/contract/app';
import type { SyncResult } from '../../../shared/contract/clients';
import type { Operation } from '../../../shared/domain/batch';
import { relationshipsOfMask } from '../clients/port';
import type { ProposalEntry } from './proposal-log';
import { routesFor, type Route, type RouteTarget } from './routing';

export interface ProposedBatch {
  kind: ProposalEntry['kind'];
  /** A system user, an employee with packages (its batch target is made when the draft is), or a known target id. */
  target: RouteTarget;
  relationship: Route['relationship'] | null;
  unattended: boolean;
  items: { orgNumber: string; operation: Operation; partyUuid: string; name: string }[];
}

/**
 * target id → org numbers delegated to it, as the local copy had them before the sync wrote Altinn's: system
 * users from the client list, employee targets from what their batches and lists last saw.
 */
export type DelegationsBefore = Map<string, Set<string>>;

export function readDelegations(
  db: Database,
  environment: string,
  employeeTargets: readonly { targetId: string; orgNumber: string }[] = [],
): DelegationsBefore {
  const rows = db.prepare('SELECT system_user_id AS su, org_number AS org FROM delegations WHERE environment = ?').all(environment) as {
    su: string;
    org: string;
  }[];
  const out: DelegationsBefore = new Map();
  for (const r of [...rows, ...employeeTargets.map((e) => ({ su: e.targetId, org: e.orgNumber }))]) {
    if (!out.has(r.su)) out.set(r.su, new Set());
    out.get(r.su)!.add(r.org);
  }
  return out;
}

export function draftProposals(
  db: Database,
  environment: string,
  result: Pick<SyncResult, 'firstSync' | 'added' | 'removed'>,
  rules: readonly RoutingRule[],
  before: DelegationsBefore,
  groups: readonly EmployeeGroup[] = [],
): ProposedBatch[] {
  // The first sync sets the baseline: every client would be "new", and none is.
  if (result.firstSync) return [];
  const client = db.prepare<[string, string], { party_uuid: string | null; name: string; relationship_mask: number }>(
    'SELECT party_uuid, name, relationship_mask FROM clients WHERE environment = ? AND org_number = ?',
  );
  const batches = new Map<string, ProposedBatch>();
  const batchFor = (kind: ProposedBatch['kind'], route: Omit<Route, 'relationship'> & { relationship: Route['relationship'] | null }) => {
    const id = `${kind}:${route.key}:${route.relationship ?? ''}`;
    let b = batches.get(id);
    if (!b)
      batches.set(id, (b = { kind, target: route.target, relationship: route.relationship, unattended: route.unattended, items: [] }));
    return b;
  };

  for (const added of result.added) {
    const row = client.get(environment, added.orgNumber);
    if (!row) continue;
    for (const route of routesFor(relationshipsOfMask(row.relationship_mask), rules, groups)) {
      batchFor('new_clients', route).items.push({
        orgNumber: added.orgNumber,
        operation: 'add',
        partyUuid: row.party_uuid ?? '',
        name: row.name,
      });
    }
  }
  for (const gone of result.removed) {
    for (const [systemUserId, orgs] of before) {
      if (!orgs.has(gone.orgNumber)) continue;
      const row = client.get(environment, gone.orgNumber);
      // Removals always wait for a person: a client that left may come back, and the rule routed additions only.
      // The id a batch names its target by: a system user's, or an employee target's, which batches use the same way.
      const target: RouteTarget = { kind: 'systemUser', systemUserId };
      batchFor('departed_clients', { key: `su:${systemUserId}`, target, relationship: null, unattended: false }).items.push({
        orgNumber: gone.orgNumber,
        operation: 'remove',
        partyUuid: row?.party_uuid ?? '',
        name: gone.name,
      });
    }
  }
  return [...batches.values()];
}
