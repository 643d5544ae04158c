import { describe, expect, it } from 'vitest';
import { getClient, matchingOrgNumbers } from '../../../electron/features/clients/client-query';
import { recordDelegationChange, type DelegationChange } from '../../../electron/features/clients/delegation-change';
import { reviewOrgNumbers } from '../../../electron/features/clients/review';
import { listSystemUsers } from '../../../electron/features/clients/system-users';
import { testPartyUuid } from '../../helpers/party-uuids';
import { DEMO_CLIENTS, openTestDb, seed, SU_A } from './helpers';

const KYSTLINJE = '310478717'; // a client, not delegated in the "ready" preset
const GRANLI = '212201782'; // delegated to SU-A in the "ready" preset

function world() {
  const db = openTestDb();
  seed(db, { clients: DEMO_CLIENTS });
  seed(db, { clients: DEMO_CLIENTS }, 'test');
  return db;
}

const change = (orgNumber: string, operation: 'add' | 'remove', extra: Partial<DelegationChange> = {}): DelegationChange => ({
  environment: 'demo',
  systemUserId: SU_A,
  orgNumber,
  partyUuid: testPartyUuid(orgNumber),
  name: null,
  operation,
  ...extra,
});
const suACount = (db: ReturnType<typeof world>, env: 'demo' | 'test' = 'demo') =>
  listSystemUsers(db, env).find((s) => s.id === SU_A)!.clientCount;

describe('the local copy follows what a batch got done', () => {
  it('shows a new delegation in the list, its filters, counts and the next review, named from the client list', () => {
    const db = world();
    const before = suACount(db);
    recordDelegationChange(db, change(KYSTLINJE, 'add'));

    expect(getClient(db, 'demo', KYSTLINJE)!.delegatedTo).toEqual([SU_A]);
    expect(matchingOrgNumbers(db, 'demo', { systemUserId: SU_A, delegated: 'yes' })).toContain(KYSTLINJE);
    expect(suACount(db)).toBe(before + 1);
    expect(reviewOrgNumbers(db, 'demo', { systemUserId: SU_A, operation: 'add', orgNumbers: [KYSTLINJE] })[0]!.verdict).toBe(
      'already_done',
    );
    const row = db.prepare('SELECT name FROM delegations WHERE environment = ? AND org_number = ?').get('demo', KYSTLINJE);
    expect(row).toEqual({ name: 'KYSTLINJE FOTO' });
  });

  it('drops a removed delegation, and a second report of the same change changes nothing', () => {
    const db = world();
    const before = suACount(db);
    recordDelegationChange(db, change(GRANLI, 'remove'));
    recordDelegationChange(db, change(GRANLI, 'remove'));
    expect(getClient(db, 'demo', GRANLI)!.delegatedTo).toEqual([]);
    expect(matchingOrgNumbers(db, 'demo', { systemUserId: SU_A, delegated: 'no' })).toContain(GRANLI);
    expect(suACount(db)).toBe(before - 1);

    recordDelegationChange(db, change(KYSTLINJE, 'add'));
    recordDelegationChange(db, change(KYSTLINJE, 'add'));
    expect(suACount(db)).toBe(before);
  });

  it('touches only the environment the change was made in', () => {
    const db = world();
    recordDelegationChange(db, change(GRANLI, 'remove'));
    recordDelegationChange(db, change(KYSTLINJE, 'add'));
    expect(getClient(db, 'test', GRANLI)!.delegatedTo).toEqual([SU_A]);
    expect(getClient(db, 'test', KYSTLINJE)!.delegatedTo).toEqual([]);
  });

  it('keeps an organisation that is not a client under the name the batch knew, and leaves unknown system users alone', () => {
    const db = world();
    recordDelegationChange(db, change('310000086', 'add', { name: 'UKJENT AS' }));
    const row = db.prepare('SELECT name FROM delegations WHERE environment = ? AND org_number = ?').get('demo', '310000086');
    expect(row).toEqual({ name: 'UKJENT AS' });

    const unknown = '99999999-9999-4999-8999-999999999999';
    expect(() => recordDelegationChange(db, change(KYSTLINJE, 'add', { systemUserId: unknown }))).not.toThrow();
    expect(db.prepare('SELECT COUNT(*) AS n FROM delegations WHERE system_user_id = ?').get(unknown)).toEqual({ n: 0 });
    // Nothing synced yet in this environment: nothing to keep in step, and nothing fails.
    expect(() => recordDelegationChange(db, change(KYSTLINJE, 'add', { environment: 'production' }))).not.toThrow();
  });
});
