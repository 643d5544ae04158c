// The store's refusals, seen the way the app meets them: through createCore on a data folder, as the Electron
// main process and the browser host start. A newer database is refused untouched; a damaged one is refused with
// the backups to restore, and after restoring one the app starts again.
import { existsSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { createCore, type CoreOptions } from '../../../electron/app/create-core';
import { passphraseProtector } from '../../../electron/platform/keys/protector';
import { DB_FILE_NAME, listBackups, openDatabase, restoreBackup } from '../../../electron/platform/store/database';
import { migrations } from '../../../electron/platform/store/migrations';
import { embeddedWorld } from '../../../electron/services/world/embedded';
import { startDemoWorld } from '../../../electron/demo';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const options = (dataDir: string): CoreOptions => ({
  dataDir,
  mode: 'browser',
  version: 'test',
  protector: passphraseProtector('test-passphrase-123', { N: 2 ** 10, r: 8, p: 1 }),
  demoWorld: { embedded: embeddedWorld(() => startDemoWorld({ port: 0, clients: 40, quiet: true })) },
});

async function rejection(promise: Promise<unknown>): Promise<{ code?: string; message?: string; details?: Record<string, unknown> }> {
  try {
    const core = (await promise) as { close(): Promise<void> };
    await core.close();
  } catch (error) {
    return error as { code?: string };
  }
  throw new Error('createCore opened a database it should have refused');
}

describe('createCore on a database it must not open', () => {
  it('refuses a database from a newer Klientdesk and leaves every byte of it as it was', async () => {
    const dataDir = temp.make('newer');
    const file = join(dataDir, DB_FILE_NAME);
    const raw = new BetterSqlite3(file);
    raw.exec("CREATE TABLE from_the_future (x TEXT); INSERT INTO from_the_future VALUES ('kept'); PRAGMA user_version = 9999;");
    raw.close();
    const before = readFileSync(file);
    const mtime = statSync(file).mtimeMs;

    const error = await rejection(createCore(options(dataDir)));
    expect(error.code).toBe('DB_TOO_NEW');
    expect(error.message).toMatch(/newer Klientdesk.*Nothing was changed/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(statSync(file).mtimeMs).toBe(mtime);
    // No WAL, no backup, no migration: the folder holds only what was there.
    expect(readdirSync(dataDir).filter((f) => f.startsWith(DB_FILE_NAME))).toEqual([DB_FILE_NAME]);
  });

  it('refuses a truncated database with a clear message and its backups, and starts again after a restore', async () => {
    const dataDir = temp.make('damaged');
    const file = join(dataDir, DB_FILE_NAME);
    // A database at schema 1, so the app backs it up before migrating it forward: the backup a user would have.
    openDatabase({ file, migrations: migrations.filter((m) => m.version === 1) }).db.close();
    const first = await createCore(options(dataDir));
    await first.close();
    const backups = listBackups(file);
    expect(backups).toHaveLength(1);

    // Cut the file mid-page, as a full disk or a crash during a copy would.
    truncateSync(file, Math.floor(statSync(file).size / 2) + 100);
    const damaged = readFileSync(file);
    const error = await rejection(createCore(options(dataDir)));
    expect(error.code).toBe('DB_CORRUPT');
    expect(error.message).toMatch(/damaged.*restore a backup/);
    expect(error.details?.backups).toEqual(backups);
    expect(readFileSync(file).equals(damaged)).toBe(true);

    restoreBackup(file, backups[0]!);
    const restored = await createCore(options(dataDir));
    expect(restored.db.pragma('quick_check', { simple: true })).toBe('ok');
    await restored.close();
    // The damaged file is kept beside it for support.
    expect(readdirSync(dataDir).some((f) => f.startsWith(`${DB_FILE_NAME}.damaged-`))).toBe(true);
  });

  it('refuses a database whose schema page was overwritten', async () => {
    const dataDir = temp.make('garbage');
    const file = join(dataDir, DB_FILE_NAME);
    await (await createCore(options(dataDir))).close();
    expect(existsSync(file)).toBe(true);
    const bytes = readFileSync(file);
    // Keep the 100-byte file header, scribble over the rest of page 1 (the schema).
    bytes.fill(0x41, 100, 4096);
    writeFileSync(file, bytes);
    const error = await rejection(createCore(options(dataDir)));
    expect(error.code).toBe('DB_CORRUPT');
  });
});
