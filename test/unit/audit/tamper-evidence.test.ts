// The audit log refuses rows that would replace others, and its hash chain names the first row that was
// changed, removed or slipped in outside Klientdesk, both in the app and from the exported CSV alone.
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { appendAudit } from '../../../electron/features/audit/log';
import { exportAuditCsv } from '../../../electron/features/audit/query';
import { verifyAuditChain } from '../../../electron/features/audit/verify';
import { openDatabase } from '../../../electron/platform/store/database';
import { m001Base } from '../../../electron/platform/store/migrations/001-base';
import { m002Clients } from '../../../electron/platform/store/migrations/002-clients';
import { m003Batches } from '../../../electron/platform/store/migrations/003-batches';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function logWith(rows: number) {
  const { db } = openDatabase({ file: ':memory:' });
  for (let i = 1; i <= rows; i++) {
    appendAudit(
      db,
      {
        actor: 'Morten Lie',
        environment: 'demo',
        action: 'client.add',
        outcome: 'done',
        clientOrgNumber: `31000${String(i).padStart(4, '0')}`,
      },
      new Date(Date.UTC(2026, 11, 1, 9, 0, i)),
    );
  }
  return db;
}

/** What someone with the database file and an SQLite shell can do: switch the guards off and edit. */
function tamper(db: BetterSqlite3.Database, sql: string): void {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
  db.exec(sql);
}

describe('the audit log refuses replacing inserts', () => {
  it('refuses REPLACE INTO and INSERT OR REPLACE on an existing id, and keeps the row', () => {
    const db = logWith(3);
    const before = db.prepare('SELECT * FROM audit_log WHERE id = 2').get();
    const cols = "(id, at, actor, environment, action, outcome, prev_hash, hash) VALUES (2, 'x', 'x', 'demo', 'x', 'done', 'x', 'x')";
    expect(() => db.prepare(`REPLACE INTO audit_log ${cols}`).run()).toThrow(/cannot be replaced/);
    expect(() => db.prepare(`INSERT OR REPLACE INTO audit_log ${cols}`).run()).toThrow(/cannot be replaced/);
    expect(db.prepare('SELECT * FROM audit_log WHERE id = 2').get()).toEqual(before);
    expect(verifyAuditChain(db)).toMatchObject({ intact: true, rowsChecked: 3 });
  });

  it('refuses a new row without its chain link', () => {
    const db = logWith(1);
    expect(() =>
      db.prepare("INSERT INTO audit_log (at, actor, environment, action, outcome) VALUES ('x', 'x', 'demo', 'x', 'done')").run(),
    ).toThrow(/hash chain/);
  });
});

describe('audit.verify', () => {
  it('says the chain is intact for rows written by the app', () => {
    expect(verifyAuditChain(logWith(50))).toEqual({ intact: true, rowsChecked: 50, brokenAtId: null, reason: null });
  });

  it('names a row changed outside the app', () => {
    const db = logWith(10);
    tamper(db, "UPDATE audit_log SET outcome = 'failed' WHERE id = 7");
    expect(verifyAuditChain(db)).toMatchObject({ intact: false, brokenAtId: 7, rowsChecked: 6 });
  });

  it('names the row after one removed outside the app', () => {
    const db = logWith(10);
    tamper(db, 'DELETE FROM audit_log WHERE id = 4');
    expect(verifyAuditChain(db)).toMatchObject({ intact: false, brokenAtId: 5 });
  });

  it('names a row rewritten with a fresh hash that does not follow its predecessor', () => {
    const db = logWith(5);
    const row = db.prepare('SELECT * FROM audit_log WHERE id = 3').get() as Record<string, unknown>;
    const forged = createHash('sha256').update('forged').digest('hex');
    tamper(db, `UPDATE audit_log SET prev_hash = '${forged}', hash = '${String(row.hash)}' WHERE id = 3`);
    expect(verifyAuditChain(db)).toMatchObject({ intact: false, brokenAtId: 3 });
  });

  it('chains rows written before the chain existed when the schema is upgraded', () => {
    const dir = temp.make('audit');
    dirs.push(dir);
    const file = join(dir, 'klientdesk.db');
    const old = openDatabase({ file, migrations: [m001Base, m002Clients, m003Batches] }).db;
    old
      .prepare(
        "INSERT INTO audit_log (at, actor, environment, action, outcome) VALUES ('2026-11-01T00:00:00.000Z', 'A', 'demo', 'sign_in', 'done')",
      )
      .run();
    old.close();
    const { db } = openDatabase({ file });
    appendAudit(db, { actor: 'B', environment: 'demo', action: 'sign_in', outcome: 'done' });
    expect(verifyAuditChain(db)).toMatchObject({ intact: true, rowsChecked: 2 });
    db.close();
  });
});

describe('the CSV export', () => {
  it('carries ids and hashes from which an auditor can recompute the chain outside the app', () => {
    const db = logWith(4);
    const { csv } = exportAuditCsv(db, {}, 'en', new Date());
    const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, '').trim(), { delimiter: ';' }).data;
    const [header, ...rows] = parsed;
    // Human columns follow; the auditor's columns keep their places.
    expect(header!.slice(0, 15)).toEqual([
      'id',
      'at_utc',
      'actor',
      'environment_code',
      'action_code',
      'system_access_id',
      'client_org_no',
      'batch_id',
      'outcome_code',
      'code',
      'correlation_id',
      'detail',
      'prev_hash',
      'hash',
      'Description',
    ]);
    // The export lists newest first; the chain runs oldest first. Empty cells are nulls; the id is a number.
    let prev = '0'.repeat(64);
    for (const r of rows.reverse()) {
      const fields = [Number(r[0]), ...r.slice(1, 12).map((v) => (v === '' ? null : v))];
      const hash = createHash('sha256')
        .update(`${prev}\n${JSON.stringify(fields)}`)
        .digest('hex');
      expect(r[12]).toBe(prev);
      expect(r[13]).toBe(hash);
      prev = hash;
    }
  });
});
