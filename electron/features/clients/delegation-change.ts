// Keeps the local copy's delegations in step with what a batch just did in Altinn, so the client list's
// "delegated to" column, its filters and the wizard's review are right without waiting for the next sync.
// The next sync replaces the table with Altinn's own answer anyway; this only closes the gap until then.
import type { Database } from 'better-sqlite3';
import type { ConfirmedChange } from '../../../shared/domain/batch';

export type DelegationChange = ConfirmedChange;

/**
 * Records one delegation made or removed. Runs in the caller's transaction when there is one, so the item's
 * state and the local copy change together.
 *
 * A system user the local copy has never seen (nothing synced yet, or a batch imported from a colleague) is
 * left alone: the delegations table only holds rows for known system users, and the first sync brings both.
 */
export function recordDelegationChange(db: Database, change: DelegationChange): void {
  if (change.operation === 'remove') {
    const sql = 'DELETE FROM delegations WHERE environment = ? AND system_user_id = ? AND org_number = ?';
    db.prepare(sql).run(change.environment, change.systemUserId, change.orgNumber);
    return;
  }
  db.prepare(
    `INSERT INTO delegations (environment, system_user_id, org_number, party_uuid, name)
     SELECT @environment, @systemUserId, @orgNumber, @partyUuid,
            COALESCE((SELECT name FROM clients WHERE environment = @environment AND org_number = @orgNumber), @name, '')
     WHERE EXISTS (SELECT 1 FROM system_users WHERE environment = @environment AND id = @systemUserId)
     ON CONFLICT (environment, system_user_id, org_number) DO UPDATE SET party_uuid = excluded.party_uuid`,
  ).run({
    environment: change.environment,
    systemUserId: change.systemUserId,
    orgNumber: change.orgNumber,
    partyUuid: change.partyUuid,
    name: change.name,
  });
}
