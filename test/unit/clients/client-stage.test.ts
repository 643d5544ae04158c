// The sync's stage: clients merged by org number as the batches come, the ones the store lacks staged in a
// TEMP table and copied in one statement at the end, and the one-row-at-a-time path when the stage no longer
// matches the store. Either way the rows, packages and search index come out the same.
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { openClientStage } from '../../../electron/features/clients/client-stage';
import { saveSnapshot } from '../../../electron/features/clients/client-store';
import { client, DEMO_SYSTEM_USERS, generatedClients, openTestDb, READY_DELEGATIONS, seed } from './helpers';

let db: Database | null = null;
afterEach(() => {
  db?.close();
  db = null;
});

const at = new Date('2026-11-24T10:00:00Z');
const snapshotOf = (clients: Parameters<typeof saveSnapshot>[2]['clients']) => ({
  firmOrgNumber: '310000027',
  clients,
  systemUsers: DEMO_SYSTEM_USERS,
  delegations: READY_DELEGATIONS,
});

const rows = (d: Database) =>
  d
    .prepare(
      `SELECT org_number, party_uuid, name, relationship_mask, packages, sort_name, search_text,
              (SELECT group_concat(package, ',') FROM (SELECT package FROM client_packages p WHERE p.client_id = c.id ORDER BY package)) AS kept
       FROM clients c ORDER BY org_number`,
    )
    .all();

const found = (d: Database, text: string) =>
  d
    .prepare('SELECT c.org_number FROM clients_fts f JOIN clients c ON c.id = f.rowid WHERE clients_fts MATCH ? ORDER BY 1')
    .pluck()
    .all(`"${text}"`);

const tempTables = (d: Database) => d.prepare("SELECT name FROM temp.sqlite_master WHERE type = 'table'").pluck().all();

describe('the client stage', () => {
  it('merges a client Altinn lists once per role, across batches, as one row with both roles and packages', () => {
    db = openTestDb();
    const stage = openClientStage(db, 'demo');
    stage.add([client('310000001', 'ALFA REGNSKAP AS', ['REGN']), client('310000002', 'BETA AS', ['REGN'])]);
    stage.add([client('310000001', 'ALFA REGNSKAP AS', ['REVI'], ['skattegrunnlag'])]);
    expect(stage.staged).toBe(2);
    saveSnapshot(db, 'demo', snapshotOf(stage), at, at);
    stage.dispose();

    const alfa = rows(db)[0] as { relationship_mask: number; packages: string; kept: string };
    expect(alfa.relationship_mask).toBe(3);
    expect(JSON.parse(alfa.packages)).toEqual(alfa.kept.split(','));
    expect(alfa.kept.split(',')).toContain('skattegrunnlag');
    expect(alfa.kept.split(',')).toContain('ansvarlig-revisor');
    expect(found(db, 'regnskap')).toEqual(['310000001']);
    expect(tempTables(db)).toEqual([]);
  });

  it('writes the same rows from the stage as one row at a time, when another sync wrote some of them first', () => {
    const clients = generatedClients(300);
    // The one-statement copy: the store is empty when the stage opens and still when the sync saves.
    const staged = openTestDb();
    const stage = openClientStage(staged, 'demo');
    stage.add(clients.slice(0, 120));
    stage.add(clients.slice(120));
    saveSnapshot(staged, 'demo', snapshotOf(stage), at, at);
    stage.dispose();

    // The stage no longer matches: a sync wrote the first 50 after it opened, so every newcomer goes row by row.
    db = openTestDb();
    const late = openClientStage(db, 'demo');
    late.add(clients);
    seed(db, { clients: clients.slice(0, 50) }, 'demo', at);
    saveSnapshot(db, 'demo', snapshotOf(late), at, at);
    late.dispose();

    expect(rows(db)).toEqual(rows(staged));
    expect(rows(db)).toHaveLength(300);
    const someone = clients[200]!;
    expect(found(db, someone.orgNumber)).toEqual([someone.orgNumber]);
    expect(found(staged, someone.orgNumber)).toEqual([someone.orgNumber]);
    staged.close();
  });

  it('stages only the clients the store does not have, and keeps two stages apart', () => {
    db = openTestDb();
    seed(db, { clients: [client('310000001', 'ALFA AS', ['REGN'])] });
    const one = openClientStage(db, 'demo');
    const two = openClientStage(db, 'demo');
    one.add([client('310000001', 'ALFA AS', ['REGN']), client('310000003', 'GAMMA AS', ['REGN'])]);
    two.add([client('310000004', 'DELTA AS', ['REGN'])]);
    expect([one.staged, two.staged]).toEqual([1, 1]);
    expect(one.tables.clients).not.toBe(two.tables.clients);
    two.dispose();
    const result = saveSnapshot(db, 'demo', snapshotOf(one), at, at);
    one.dispose();
    expect(result.added.map((c) => c.orgNumber)).toEqual(['310000003']);
    expect((rows(db) as { org_number: string }[]).map((r) => r.org_number)).toEqual(['310000001', '310000003']);
    expect(tempTables(db)).toEqual([]);
  });
});
