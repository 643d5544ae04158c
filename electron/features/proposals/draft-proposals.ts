// After a sync: a draft batch per system user for the new clients the firm's rules route to it, and one per
// system user for the clients that have left and were delegated to it before the sync. Nothing is sent: a
// person reviews and submits them, unless the rule that routed them says the firm lets them go unattended.
import type { Database } from 'better-sqlite3';
import type { RoutingRule } from '../../../shared/contract/app';
import type { SyncResult } from '../../../shared/contract/clients';
import type { Operation } from '../../../shared/domain/batch';
import { relationshipsOfMask } from '../clients/port';
import type { ProposalEntry } from './proposal-log';
import { routesFor, type Route } from './routing';

export interface ProposedBatch {
  kind: ProposalEntry['kind'];
  systemUserId: string;
  relationship: Route['relationship'] | null;
  unattended: boolean;
  items: { orgNumber: string; operation: Operation; partyUuid: string; name: string }[];
}

/** system user id → org numbers delegated to it, as the local copy had them before the sync wrote Altinn's. */
export type DelegationsBefore = Map<string, Set<string>>;

export function readDelegations(db: Database, environment: string): DelegationsBefore {
  const rows = db.prepare('SELECT system_user_id AS su, org_number AS org FROM delegations WHERE environment = ?').all(environment) as {
    su: string;
    org: string;
  }[];
  const out: DelegationsBefore = new Map();
  for (const r of rows) {
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
): ProposedBatch[] {
  // The first sync sets the baseline: every client would be "new", and none is.
  if (result.firstSync) return [];
  const client = db.prepare<[string, string], { party_uuid: string | null; name: string; relationship_mask: number }>(
    'SELECT party_uuid, name, relationship_mask FROM clients WHERE environment = ? AND org_number = ?',
  );
  const batches = new Map<string, ProposedBatch>();
  const batchFor = (kind: ProposedBatch['kind'], route: Omit<Route, 'relationship'> & { relationship: Route['relationship'] | null }) => {
    const id = `${kind}:${route.systemUserId}:${route.relationship ?? ''}`;
    let b = batches.get(id);
    if (!b)
      batches.set(
        id,
        (b = { kind, systemUserId: route.systemUserId, relationship: route.relationship, unattended: route.unattended, items: [] }),
      );
    return b;
  };

  for (const added of result.added) {
    const row = client.get(environment, added.orgNumber);
    if (!row) continue;
    for (const route of routesFor(relationshipsOfMask(row.relationship_mask), rules)) {
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
      batchFor('departed_clients', { systemUserId, relationship: null, unattended: false }).items.push({
        orgNumber: gone.orgNumber,
        operation: 'remove',
        partyUuid: row?.party_uuid ?? '',
        name: gone.name,
      });
    }
  }
  return [...batches.values()];
}
