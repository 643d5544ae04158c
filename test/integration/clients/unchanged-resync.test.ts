// Against the demo world over HTTP: a re-sync with nothing changed in Altinn is known from the bytes of its answer
// (the mark matches the latest sync's), and any change in the world is read client by client again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore, worldAdmin, type TestCore } from '../../helpers/core';

const MORTEN = '14857110014';
const NEW_CLIENT = '310000086';

let t: TestCore;
let synced = 0;
const marks = () => t.core.db.prepare('SELECT client_list_mark FROM client_sync_runs ORDER BY id').pluck().all() as (string | null)[];
const admin = (path: string, body: unknown) => worldAdmin(t, path, body);

beforeAll(async () => {
  t = await startTestCore();
  await t.call('session.signIn', { pid: MORTEN });
});
afterAll(() => t?.close());

describe('re-syncing the demo world', () => {
  it('marks each sync with what Altinn sent, the same mark when nothing changed', async () => {
    const first = await t.call('clients.sync', {});
    const rows = t.core.db.prepare('SELECT * FROM clients ORDER BY id').all();
    const again = await t.call('clients.sync', {});
    expect(again).toMatchObject({ total: first.total, addedCount: 0, removedCount: 0 });
    expect(t.core.db.prepare('SELECT * FROM clients ORDER BY id').all()).toEqual(rows);
    const [m1, m2] = marks();
    expect(m1).toMatch(/"digest"/);
    expect(m2).toBe(m1);
    synced = again.total;
  });

  it('reads a changed world client by client: the new client is added and the mark moves on', async () => {
    await admin('/clients/join', { orgNo: NEW_CLIENT, roles: ['REGN'] });
    const changed = await t.call('clients.sync', {});
    expect(changed.added.map((c) => c.orgNumber)).toEqual([NEW_CLIENT]);
    expect(changed.total).toBe(synced + 1);
    const all = marks();
    expect(all.at(-1)).not.toBe(all.at(-2));
  });
});
