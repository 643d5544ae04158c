import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listBackups, openDatabase, restoreBackup } from '../../../electron/platform/store/database';
import { migrations } from '../../../electron/platform/store/migrations';
import type { Migration } from '../../../electron/platform/store/migrations/types';
import { appendAudit } from '../../../electron/features/audit/log';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const tempFile = (): string => join(temp.make('store'), 'klientdesk.db');

describe('the local store', () => {
  it('opens with WAL and foreign keys on and the latest schema', () => {
    const { db } = openDatabase({ file: tempFile() });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(Math.max(...migrations.map((m) => m.version)));
    db.close();
  });

  it('migrates an old database forward and keeps a backup of it first', () => {
    const file = tempFile();
    const v1 = migrations.filter((m) => m.version === 1);
    const first = openDatabase({ file, migrations: v1 });
    first.db.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'kept')").run();
    first.db.close();

    const extra: Migration = { version: 99, name: 'test table', up: (db) => db.exec('CREATE TABLE later (x INTEGER)') };
    const second = openDatabase({ file, migrations: [...v1, extra] });
    expect(second.migratedFrom).toBe(1);
    expect(second.backupFile).not.toBeNull();
    expect(second.db.pragma('user_version', { simple: true })).toBe(99);
    expect(second.db.prepare("SELECT value FROM settings WHERE key = 'marker'").pluck().get()).toBe('kept');
    second.db.close();

    const backup = new BetterSqlite3(second.backupFile!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare("SELECT value FROM settings WHERE key = 'marker'").pluck().get()).toBe('kept');
    backup.close();
  });

  it('refuses a database from a newer version without touching it', () => {
    const file = tempFile();
    const raw = new BetterSqlite3(file);
    raw.exec('CREATE TABLE future (x INTEGER); PRAGMA user_version = 9999;');
    raw.close();
    const before = readFileSync(file);
    expect(() => openDatabase({ file })).toThrowError(expect.objectContaining({ code: 'DB_TOO_NEW' }));
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(listBackups(file)).toEqual([]);
  });

  it('refuses a damaged file with a clear message and offers the backups', () => {
    const file = tempFile();
    const { db } = openDatabase({ file, migrations: migrations.filter((m) => m.version === 1) });
    db.close();
    openDatabase({ file, migrations: [...migrations, { version: 98, name: 'x', up: () => undefined }] }).db.close();
    const backups = listBackups(file);
    expect(backups.length).toBe(1);
    writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(200, 7)]));
    let error: unknown;
    try {
      openDatabase({ file });
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ code: 'DB_CORRUPT', details: { backups } });
    restoreBackup(file, backups[0]!);
    const restored = openDatabase({ file });
    expect(restored.db.pragma('quick_check', { simple: true })).toBe('ok');
    restored.db.close();
    expect(existsSync(file)).toBe(true);
  });

  it('keeps the audit log append-only at the database level', () => {
    const { db } = openDatabase({ file: ':memory:' });
    const id = appendAudit(db, {
      actor: 'Morten Lie',
      environment: 'demo',
      action: 'delegate',
      outcome: 'done',
      clientOrgNumber: '313367002',
    });
    expect(() => db.prepare("UPDATE audit_log SET outcome = 'failed' WHERE id = ?").run(id)).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = ?').run(id)).toThrow(/append-only/);
    expect(db.prepare('SELECT outcome FROM audit_log WHERE id = ?').pluck().get(id)).toBe('done');
    db.close();
  });
});
