// A re-sync whose client list is byte for byte the latest sync's writes no client row, and every reason the
// stored rows might no longer be what that answer made sends the next sync back to comparing client by client.
import { describe, expect, it } from 'vitest';
import { lastClientListMark } from '../../../electron/features/clients/client-store';
import { FakeAltinn } from './helpers';
import { syncHarness } from './sync-harness';

function setup() {
  const altinn = new FakeAltinn();
  altinn.marking = true;
  const t = syncHarness(altinn);
  return { ...t, rows: () => t.db.prepare('SELECT * FROM clients ORDER BY id').all() };
}

describe('an unchanged re-sync', () => {
  it('hands the latest mark to the reader and, told the list is unchanged, leaves every client row as it was', async () => {
    const t = setup();
    const first = await t.sync.run();
    const before = t.rows();
    const again = await t.sync.run();
    expect(t.altinn.readSince[0]).toBeNull();
    expect(t.altinn.readSince[1]).toHaveLength(1);
    expect(again).toMatchObject({ total: first.total, firstSync: false, addedCount: 0, removedCount: 0, added: [], removed: [] });
    expect(t.rows()).toEqual(before);
    expect(t.db.prepare('SELECT COUNT(*) FROM client_sync_runs').pluck().get()).toBe(2);
    // The progress names the clients kept, not the none that were parsed.
    expect(t.progress.filter((e) => e.phase === 'saving').map((e) => e.total)).toEqual([first.total, first.total]);
  });

  it('still replaces the system users and their delegations, which are read afresh every time', async () => {
    const t = setup();
    await t.sync.run();
    t.altinn.systemUsers = t.altinn.systemUsers.slice(0, 1);
    await t.sync.run();
    expect(t.db.prepare('SELECT COUNT(*) FROM system_users').pluck().get()).toBe(1);
  });

  it('a changed list is compared client by client: a rename is stored and the next unchanged read keeps it', async () => {
    const t = setup();
    await t.sync.run();
    t.altinn.clients = t.altinn.clients.map((c) => (c.orgNumber === '313367002' ? { ...c, name: 'FJELLBEKK VVS' } : c));
    await t.sync.run();
    await t.sync.run();
    expect(t.db.prepare("SELECT name FROM clients WHERE org_number = '313367002'").pluck().get()).toBe('FJELLBEKK VVS');
    expect(t.altinn.readSince.map((m) => m?.[0]?.digest ?? null)[2]).not.toBe(t.altinn.readSince.map((m) => m?.[0]?.digest ?? null)[1]);
  });

  it('offers no mark for another firm, another environment, another way of deriving rows, or rows that no longer match', async () => {
    const t = setup();
    await t.sync.run();
    expect(lastClientListMark(t.db, 'demo', '310000027')?.pages).toHaveLength(1);
    expect(lastClientListMark(t.db, 'demo', '999999999')).toBeNull();
    expect(lastClientListMark(t.db, 'test', '310000027')).toBeNull();

    const stored = JSON.parse(t.db.prepare('SELECT client_list_mark FROM client_sync_runs').pluck().get() as string) as { format: number };
    t.db.prepare('UPDATE client_sync_runs SET client_list_mark = ?').run(JSON.stringify({ ...stored, format: stored.format - 1 }));
    expect(lastClientListMark(t.db, 'demo', '310000027')).toBeNull();
    t.db.prepare('UPDATE client_sync_runs SET client_list_mark = ?').run('not json');
    expect(lastClientListMark(t.db, 'demo', '310000027')).toBeNull();
    t.db.prepare('UPDATE client_sync_runs SET client_list_mark = ?').run(JSON.stringify(stored));
    expect(lastClientListMark(t.db, 'demo', '310000027')?.pages).toHaveLength(1);

    t.db.prepare("UPDATE clients SET gone_at = '2026-11-24T10:00:00Z' WHERE org_number = '313367002'").run();
    expect(lastClientListMark(t.db, 'demo', '310000027')).toBeNull();
  });

  it('a sync of another environment is not taken as unchanged from this one', async () => {
    const t = setup();
    await t.sync.run();
    t.setEnvironment('test');
    const other = await t.sync.run();
    expect(t.altinn.readSince[1]).toBeNull();
    expect(other.firstSync).toBe(true);
    expect(t.db.prepare("SELECT COUNT(*) FROM clients WHERE environment = 'test'").pluck().get()).toBe(other.total);
  });
});
