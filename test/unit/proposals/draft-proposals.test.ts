// Departed clients are proposed for removal from every target that had them before the sync: system users from
// the client list's delegations, employee targets from what their batches and lists last saw.
import { afterEach, describe, expect, it } from 'vitest';
import { draftProposals, readDelegations } from '../../../electron/features/proposals/draft-proposals';
import { openDatabase } from '../../../electron/platform/store/database';

const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
const KARI_TARGET = 'b0b0b0b0-1111-4222-8333-000000000001';
const GONE = { orgNumber: '311851381', name: 'HAVBRIS FRISØR' };
const STAYS = { orgNumber: '313367002', name: 'FJELLBEKK RØRLEGGERSERVICE' };

const open: { close(): void }[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

describe('removal proposals', () => {
  it('go to each system user and employee target that had the departed client, one draft per target', () => {
    const { db } = openDatabase({ file: ':memory:' });
    open.push(db);
    db.prepare(
      "INSERT INTO system_users (environment, id, title, system_id, external_ref, packages, created) VALUES ('demo', ?, 'SU-A', 'sys', '', '[]', '2026-01-01T00:00:00Z')",
    ).run(SU_A);
    db.prepare("INSERT INTO delegations (environment, system_user_id, org_number, party_uuid, name) VALUES ('demo', ?, ?, ?, ?)").run(
      SU_A,
      GONE.orgNumber,
      'e41b9d27-08c3-4f5a-b7e2-6a9d1c0f3b58',
      GONE.name,
    );
    const before = readDelegations(db, 'demo', [
      { targetId: KARI_TARGET, orgNumber: GONE.orgNumber },
      { targetId: KARI_TARGET, orgNumber: STAYS.orgNumber },
    ]);
    const proposed = draftProposals(db, 'demo', { firstSync: false, added: [], removed: [GONE] }, [], before);
    expect(proposed.map((p) => [p.kind, p.target, p.unattended, p.items.map((i) => [i.orgNumber, i.operation])])).toEqual([
      ['departed_clients', { kind: 'systemUser', systemUserId: SU_A }, false, [[GONE.orgNumber, 'remove']]],
      ['departed_clients', { kind: 'systemUser', systemUserId: KARI_TARGET }, false, [[GONE.orgNumber, 'remove']]],
    ]);
  });
});
