import Papa from 'papaparse';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit } from '../../../electron/features/audit/log';
import { auditFeature } from '../../../electron/features/audit/feature';
import { AUDIT_MACHINE_HEADERS, exportAuditCsv, queryAudit } from '../../../electron/features/audit/query';
import { batchesFeature } from '../../../electron/features/batches/feature';
import { createClientsQueryPort } from '../../../electron/features/clients/query-port';
import { recordDelegationChange } from '../../../electron/features/clients/delegation-change';
import { createEventBus } from '../../../electron/app/event-bus';
import { createDispatcher } from '../../../electron/platform/ipc/dispatch';
import { createSettingsStore } from '../../../electron/platform/settings/settings-store';
import { openDatabase } from '../../../electron/platform/store/database';
import { channelNames } from '../../../shared/contract';
import { systemUserActor } from '../../../shared/domain/audit-actor';
import { FakeAltinn } from '../batches/fake-altinn';
import { orgNumbers, SU_A } from '../batches/harness';

function seeded() {
  const { db } = openDatabase({ file: ':memory:' });
  const base = { actor: 'Morten Lie', environment: 'demo' };
  appendAudit(
    db,
    { ...base, action: 'client.add', outcome: 'done', clientOrgNumber: '313367002', systemUserId: SU_A, correlationId: 'corr-a' },
    new Date('2026-11-20T09:00:00Z'),
  );
  appendAudit(
    db,
    {
      ...base,
      action: 'client.add',
      outcome: 'failed',
      clientOrgNumber: '311851381',
      code: 'AUTH-00080',
      detail: 'missing skattegrunnlag',
    },
    new Date('2026-11-22T12:00:00Z'),
  );
  appendAudit(db, { ...base, action: 'client.remove', outcome: 'done', clientOrgNumber: '314961900' }, new Date('2026-11-24T23:30:00Z'));
  appendAudit(
    db,
    { ...base, actor: 'Kari Nordby', action: 'batch.state', outcome: 'paused', detail: 'running → paused (offline)' },
    new Date('2026-11-25T08:00:00Z'),
  );
  appendAudit(
    db,
    { ...base, action: 'sign_in', outcome: 'client_admin', detail: '=HYPERLINK("http://evil")' },
    new Date('2026-11-25T09:00:00Z'),
  );
  return db;
}

describe('audit queries', () => {
  it('filter by text, action prefix, outcome and whole days, newest first', () => {
    const db = seeded();
    expect(queryAudit(db, {}, 0, 10).total).toBe(5);
    expect(queryAudit(db, {}, 0, 10).rows[0]!.action).toBe('sign_in');
    expect(queryAudit(db, { search: '311 851 381' }, 0, 10).rows.map((r) => r.code)).toEqual(['AUTH-00080']);
    expect(queryAudit(db, { search: 'kari' }, 0, 10).rows.map((r) => r.actor)).toEqual(['Kari Nordby']);
    expect(queryAudit(db, { search: '100%_' }, 0, 10).total).toBe(0);
    expect(queryAudit(db, { action: 'client' }, 0, 10).total).toBe(3);
    expect(queryAudit(db, { action: 'client.remove' }, 0, 10).total).toBe(1);
    expect(queryAudit(db, { outcome: 'failed' }, 0, 10).rows[0]!.clientOrgNumber).toBe('311851381');
    // `to` is inclusive of the whole day, late evening included.
    expect(queryAudit(db, { from: '2026-11-22', to: '2026-11-24' }, 0, 10).rows.map((r) => r.clientOrgNumber)).toEqual([
      '314961900',
      '311851381',
    ]);
  });

  it('pages', () => {
    const db = seeded();
    const first = queryAudit(db, {}, 0, 2);
    const second = queryAudit(db, {}, 2, 2);
    expect(first.total).toBe(5);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual([5, 4, 3, 2]);
  });

  it('exports the filtered rows as semicolon CSV with a BOM, defusing formulas', () => {
    const db = seeded();
    const { filename, csv } = exportAuditCsv(db, { action: 'sign_in' }, 'en', new Date('2026-11-25T10:00:00Z'));
    expect(filename).toBe('klientdesk-audit-2026-11-25.csv');
    expect(
      csv.startsWith(
        '\uFEFFid;at_utc;actor;environment_code;action_code;system_access_id;client_org_no;batch_id;outcome_code;code;correlation_id;detail;prev_hash;hash;Description;Time (local);Environment;Action;System access;Outcome;Who\r\n',
      ),
    ).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(exportAuditCsv(db, {}, 'nb', new Date()).csv).toContain('id;at_utc;actor;environment_code');
  });

  it('words a system user acting for a person in the export’s language, keeping the stored facts in the actor column', () => {
    const db = seeded();
    const stored = systemUserActor(SU_A, 'Morten Lie');
    appendAudit(db, { actor: stored, environment: 'demo', action: 'client.add', outcome: 'done', correlationId: 'corr-su' });
    appendAudit(db, {
      actor: `system user ${SU_A} for Kari Nordby`,
      environment: 'demo',
      action: 'client.add',
      outcome: 'done',
      correlationId: 'corr-old',
    });
    const cells = (lang: 'nb' | 'en', search: string) => {
      const [header, row] = Papa.parse<string[]>(exportAuditCsv(db, { search }, lang, new Date()).csv.slice(1), { delimiter: ';' }).data;
      return (name: string) => row![header!.indexOf(name)];
    };
    expect(cells('nb', 'corr-su')('actor')).toBe(stored);
    expect(cells('en', 'corr-su')('actor')).toBe(stored);
    expect(cells('nb', 'corr-su')('Hvem')).toBe(`Systemtilgang ${SU_A} på vegne av Morten Lie`);
    expect(cells('en', 'corr-su')('Who')).toBe(`System access ${SU_A} on behalf of Morten Lie`);
    // A row from before keeps its stored sentence, and reads in the reader's language all the same.
    expect(cells('nb', 'corr-old')('Hvem')).toBe(`Systemtilgang ${SU_A} på vegne av Kari Nordby`);
    expect(cells('en', 'corr-old')('Who')).toBe(`System access ${SU_A} on behalf of Kari Nordby`);
  });

  it('adds human columns in the reader language and local time after the machine columns', () => {
    const db = seeded();
    db.prepare(
      "INSERT INTO system_users (environment, id, title, system_id, external_ref, packages, created) VALUES ('demo', ?, 'SmartRegnskap – klienter', 'sys', '', '[]', '2026-01-01T00:00:00Z')",
    ).run(SU_A);
    const rowOf = (lang: 'nb' | 'en') => {
      const parsed = Papa.parse<string[]>(exportAuditCsv(db, { search: 'corr-a' }, lang, new Date(), 'Europe/Oslo').csv.slice(1), {
        delimiter: ';',
      }).data.filter((r) => r.length > 1);
      const [header, row] = parsed as [string[], string[]];
      return (name: string) => row[header.indexOf(name)];
    };
    const nb = rowOf('nb');
    expect([nb('at_utc'), nb('environment_code'), nb('action_code'), nb('system_access_id'), nb('outcome_code')]).toEqual([
      '2026-11-20T09:00:00.000Z',
      'demo',
      'client.add',
      SU_A,
      'done',
    ]);
    expect([nb('Tid (lokal)'), nb('Miljø'), nb('Handling'), nb('Systemtilgang'), nb('Utfall')]).toEqual([
      '20.11.2026 10:00',
      'Demo',
      'Legg til klient',
      'SmartRegnskap – klienter',
      'Utført',
    ]);
    const en = rowOf('en');
    for (const name of AUDIT_MACHINE_HEADERS) expect(en(name), name).toBe(nb(name));
    expect(en('action_code')).toBe('client.add');
    expect([en('Time (local)'), en('Action'), en('System access'), en('Outcome')]).toEqual([
      '20/11/2026 10:00',
      'Add client',
      'SmartRegnskap – klienter',
      'Done',
    ]);
  });
});

describe('the audit log is append-only', () => {
  it('the database refuses updates and deletes', () => {
    const db = seeded();
    expect(() => db.prepare("UPDATE audit_log SET outcome = 'done' WHERE id = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log').run()).toThrow(/append-only/);
    expect(queryAudit(db, {}, 0, 10).total).toBe(5);
  });

  it('no code outside the log writer touches the audit table', () => {
    const offenders: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && !path.endsWith(join('audit', 'log.ts')) && !path.includes(join('store', 'migrations'))) {
          const text = readFileSync(path, 'utf8');
          if (/(UPDATE|DELETE\s+FROM|REPLACE\s+INTO|INSERT(\s+OR\s+\w+)?\s+INTO|DROP\s+(TABLE|TRIGGER)[\s\w]*)\s+audit_log/i.test(text))
            offenders.push(path);
        }
      }
    };
    walk('electron');
    walk('shared');
    expect(offenders).toEqual([]);
  });

  it('offers no channel that could change it', () => {
    expect(channelNames.filter((c) => c.startsWith('audit.')).sort()).toEqual([
      'audit.exportCsv',
      'audit.facets',
      'audit.query',
      'audit.verify',
    ]);
  });

  it('keeps every existing row unchanged through every batch and audit channel', async () => {
    const { db } = openDatabase({ file: ':memory:' });
    const altinn = new FakeAltinn(SU_A);
    const settings = createSettingsStore(db);
    const clients = createClientsQueryPort(db);
    const features = [
      batchesFeature({
        db,
        clients,
        recordDelegation: (change) => recordDelegationChange(db, change),
        altinn: () => altinn,
        session: { current: () => null },
        isOnline: () => true,
        environment: () => 'demo',
        now: () => new Date(),
        language: () => settings.get().language,
        concurrency: () => settings.get().runner.concurrency,
        events: createEventBus(),
      }),
      auditFeature({ db, language: () => settings.get().language, now: () => new Date() }),
    ];
    const dispatch = createDispatcher(Object.assign({}, ...features.map((f) => f.handlers)));
    const invoke = async (channel: string, input: unknown) => {
      const before = db.prepare('SELECT * FROM audit_log ORDER BY id').all();
      const result = await dispatch(channel, input, { trusted: true }, { transport: 'ipc' });
      const after = db.prepare('SELECT * FROM audit_log ORDER BY id').all();
      expect(after.slice(0, before.length), `${channel} changed existing audit rows`).toEqual(before);
      return result;
    };

    const orgs = orgNumbers(3);
    const created = await invoke('batches.create', {
      name: 'A',
      systemUserId: SU_A,
      items: orgs.map((orgNumber) => ({ orgNumber, operation: 'add' })),
      submit: false,
    });
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: string } }).value.id;
    const exportedFile = await invoke('batches.exportFile', { id });
    const calls: [string, unknown][] = [
      ['batches.list', {}],
      ['batches.get', { id }],
      ['batches.rename', { id, name: 'B' }],
      ['batches.editItems', { id, removeOrgNumbers: [orgs[0]] }],
      ['batches.duplicate', { id }],
      ['batches.importFile', { content: (exportedFile as { value: { content: string } }).value.content }],
      ['batches.submit', { id }],
      ['batches.pause', { id }],
      ['batches.resume', { id }],
      ['batches.cancel', { id }],
      ['batches.retryFailed', { id }],
      ['batches.reportCsv', { id }],
      ['batches.activeProgress', {}],
      ['batches.delete', { id }],
      ['audit.query', { filter: {}, offset: 0, limit: 100 }],
      ['audit.exportCsv', { filter: {} }],
      ['audit.facets', {}],
    ];
    for (const [channel, input] of calls) await invoke(channel, input);
    // Channels that are someone else's or unknown cannot reach the table either.
    await invoke('audit.delete', { id: 1 });
    await invoke('audit.update', { id: 1, outcome: 'done' });
    expect(db.prepare('SELECT COUNT(*) AS n FROM audit_log').get()).toEqual({ n: expect.any(Number) });
    expect((db.prepare('SELECT COUNT(*) AS n FROM audit_log').get() as { n: number }).n).toBeGreaterThan(5);
    for (const f of features) await f.stop?.();
  });
});
