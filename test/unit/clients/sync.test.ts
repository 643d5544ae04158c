import { describe, expect, it } from 'vitest';
import { readAuditDetail } from '../../../shared/domain/audit-details';
import type { FirmClient } from '../../../electron/app/ports';
import { client, DEMO_CLIENTS, SU_A, SU_B } from './helpers';
import { syncHarness as setup } from './sync-harness';

describe('syncing the client list', () => {
  it('takes the first sync as the baseline: everything stored, nothing reported as new', async () => {
    const t = setup();
    const result = await t.sync.run();
    expect(result).toMatchObject({ total: 11, firstSync: true, addedCount: 0, removedCount: 0, added: [], removed: [] });
    const { total, rows } = t.list();
    expect(total).toBe(11);
    expect(rows.every((r) => !r.isNew)).toBe(true);
    expect(rows.find((r) => r.orgNumber === '313367002')?.delegatedTo.sort()).toEqual([SU_A, SU_B].sort());
  });

  it('merges a client Altinn lists once per role into one row, its packages sorted once each', async () => {
    const t = setup();
    t.altinn.clients = [
      client('313367002', 'FJELLBEKK RØRLEGGERSERVICE', ['REGN'], ['skattegrunnlag']),
      client('313367002', 'FJELLBEKK RØRLEGGERSERVICE', ['REVI'], ['skattegrunnlag', 'regnskapsforer-lonn']),
    ];
    await t.sync.run();
    const { total, rows } = t.list();
    expect(total).toBe(1);
    expect(rows[0]!.relationships.sort()).toEqual(['REGN', 'REVI']);
    const expected = [...new Set([...t.altinn.clients.flatMap((c) => c.packages)])].sort();
    expect(rows[0]!.packages).toEqual(expected);
  });

  it('finds a renamed client by its new name only, after a re-sync that changed nothing else', async () => {
    const t = setup();
    await t.sync.run();
    t.tick();
    t.altinn.clients = t.altinn.clients.map((c) => (c.orgNumber === '311851381' ? { ...c, name: 'HAVBRIS HÅRSTUDIO' } : c));
    await t.sync.run();
    // A filter beside the search sends it through the trigram index the sync keeps.
    const byIndex = (search: string) => t.list({ search, relationships: ['REGN'] }).rows.map((r) => r.orgNumber);
    expect(byIndex('hårstudio')).toEqual(['311851381']);
    expect(byIndex('frisør')).toEqual([]);
    expect(t.list().total).toBe(11);
  });

  it('reports clients that joined and clients that left since the sync before', async () => {
    const t = setup();
    await t.sync.run();
    t.tick();
    t.altinn.clients = [
      ...DEMO_CLIENTS.filter((c) => c.orgNumber !== '311851381' && c.orgNumber !== '310000035'),
      client('974761076', 'SKATTEETATEN', ['REGN']),
    ];
    const result = await t.sync.run();
    expect(result.firstSync).toBe(false);
    expect(result.added).toEqual([{ orgNumber: '974761076', name: 'SKATTEETATEN' }]);
    expect(result.removed).toEqual([
      { orgNumber: '310000035', name: 'BERGTIND BYGG AS' },
      { orgNumber: '311851381', name: 'HAVBRIS FRISØR' },
    ]);
    expect(result.total).toBe(10);
    expect(t.list({ onlyNew: true }).rows.map((r) => r.orgNumber)).toEqual(['974761076']);
    expect(t.list().rows.some((r) => r.orgNumber === '311851381')).toBe(false);
    const gone = t.list({ status: 'gone' }).rows;
    expect(gone.map((r) => r.orgNumber).sort()).toEqual(['310000035', '311851381']);
    expect(gone.every((r) => r.goneAt !== null)).toBe(true);
  });

  it('counts a client that comes back as new again, and a third unchanged sync reports nothing', async () => {
    const t = setup();
    await t.sync.run();
    const all = t.altinn.clients;
    t.altinn.clients = all.filter((c) => c.orgNumber !== '310478717');
    t.tick();
    await t.sync.run();
    t.altinn.clients = all;
    t.tick();
    const back = await t.sync.run();
    expect(back.added.map((a) => a.orgNumber)).toEqual(['310478717']);
    expect(t.list({ search: '310478717' }).rows[0]).toMatchObject({ isNew: true, goneAt: null });
    t.tick();
    const quiet = await t.sync.run();
    expect(quiet).toMatchObject({ addedCount: 0, removedCount: 0 });
    expect(t.list({ onlyNew: true }).total).toBe(0);
  });

  it('picks up changed names, roles and packages of a known client', async () => {
    const t = setup();
    await t.sync.run();
    t.altinn.clients = t.altinn.clients.map((c) =>
      c.orgNumber === '311851381' ? { ...c, name: 'HAVBRIS HÅR', packages: [...c.packages, 'skattegrunnlag'] } : c,
    );
    await t.sync.run();
    const row = t.list({ search: 'havbris' }).rows[0]!;
    expect(row.name).toBe('HAVBRIS HÅR');
    expect(row.packages).toContain('skattegrunnlag');
    expect(t.list({ search: 'frisør' }).total).toBe(0);
    expect(t.list({ packages: ['skattegrunnlag'], search: 'hår' }).total).toBe(1);
  });

  it('writes no client row on an unchanged re-sync, and only the changed row when one column changed', async () => {
    const t = setup();
    await t.sync.run();
    // Every write to a client row or its packages, counted by SQLite itself.
    t.db.exec(`CREATE TEMP TABLE writes (what TEXT);
      CREATE TEMP TRIGGER client_update AFTER UPDATE ON clients BEGIN INSERT INTO writes VALUES ('client ' || new.org_number); END;
      CREATE TEMP TRIGGER package_insert AFTER INSERT ON client_packages BEGIN INSERT INTO writes VALUES ('package'); END;`);
    const writes = () => t.db.prepare('SELECT what FROM writes').pluck().all() as string[];
    t.tick();
    await t.sync.run();
    expect(writes()).toEqual([]);
    const changes: [string, (c: FirmClient) => FirmClient][] = [
      ['variant', (c) => ({ ...c, variant: 'AS' })],
      ['parent', (c) => ({ ...c, parentOrgNumber: '310000078' })],
      ['party', (c) => ({ ...c, partyUuid: 'changed-uuid' })],
      ['relationships', (c) => ({ ...c, relationships: [...c.relationships, 'REVI'] })],
    ];
    for (const [what, change] of changes) {
      t.db.exec('DELETE FROM writes');
      t.altinn.clients = t.altinn.clients.map((c) => (c.orgNumber === '311851381' ? change(c) : c));
      await t.sync.run();
      expect(writes(), what).toEqual(['client 311851381']);
    }
  });

  it('reports progress through every phase and writes one audit entry', async () => {
    const t = setup();
    await t.sync.run();
    expect(t.progress.map((p) => p.phase)).toEqual(['systemUsers', 'clients', 'delegations', 'delegations', 'saving', 'done']);
    expect(t.audit).toEqual([expect.objectContaining({ action: 'clients.sync', outcome: 'ok' })]);
    expect(readAuditDetail(t.audit[0]!.detail ?? null)).toMatchObject({ detailCode: 'clients.synced', detailParams: { total: 11 } });
  });

  it('keeps the previous copy whole when a read fails, and audits the failure', async () => {
    const t = setup();
    await t.sync.run();
    t.altinn.clients = [];
    t.altinn.failOn = `listDelegatedClients:${SU_B}`;
    await expect(t.sync.run()).rejects.toThrow('down');
    expect(t.list().total).toBe(11);
    expect(t.audit.at(-1)).toMatchObject({ action: 'clients.sync', outcome: 'failed' });
    expect(t.progress.at(-1)?.phase).toBe('failed');
  });

  it('joins a sync already running instead of starting a second one', async () => {
    const t = setup();
    const [a, b] = await Promise.all([t.sync.run(), t.sync.run()]);
    expect(a).toBe(b);
    expect(t.altinn.calls.filter((c) => c === 'listFirmClients')).toHaveLength(1);
    expect(t.sync.isRunning()).toBe(false);
  });

  it('keeps each environment to itself: the demo copy never shows in production', async () => {
    const t = setup();
    await t.sync.run();
    t.setEnvironment('production');
    expect(t.list().total).toBe(0);
    t.altinn.clients = [client('974761076', 'SKATTEETATEN', ['REGN'])];
    const first = await t.sync.run();
    // Production's first sync is its own baseline, not a diff against demo.
    expect(first).toMatchObject({ firstSync: true, total: 1, removedCount: 0 });
    expect(t.list().rows.map((r) => r.orgNumber)).toEqual(['974761076']);
    t.setEnvironment('demo');
    expect(t.list().total).toBe(11);
  });
});
