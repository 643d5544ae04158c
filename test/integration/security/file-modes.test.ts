// Other local users must not read the client list, the audit log or the keys: the data folder is 0700 and
// its files 0600, from creation, and a folder left open by an older version is put right at start.
import { chmodSync, mkdirSync, readdirSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DB_FILE_NAME, openDatabase } from '../../../electron/platform/store/database';
import { secureDataFolder } from '../../../electron/platform/store/file-modes';
import type { Migration } from '../../../electron/platform/store/migrations/types';
import { startTestCore } from '../../helpers/core';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const modeOf = (path: string): number => statSync(path).mode & 0o777;
const posix = process.platform !== 'win32';
let previousUmask = 0;
const made: string[] = [];

// The usual umask, so a file left to the defaults would come out 0644 and the test would see it.
beforeAll(() => {
  previousUmask = process.umask(0o022);
});
afterAll(() => {
  process.umask(previousUmask);
});
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const tempParent = (): string => {
  const dir = temp.make('modes');
  made.push(dir);
  return dir;
};

describe.runIf(posix)('data folder permissions', () => {
  it('a new data folder is 0700 and the database, its -wal and -shm and the key file are 0600', async () => {
    const core = await startTestCore();
    try {
      await core.call('keys.generate', {});
      core.core.db.prepare('SELECT 1').get();
      const dir = core.dataDir;
      expect(modeOf(dir)).toBe(0o700);
      const files = readdirSync(dir);
      for (const name of [DB_FILE_NAME, `${DB_FILE_NAME}-wal`, `${DB_FILE_NAME}-shm`, 'keys.json']) {
        expect(files).toContain(name);
        expect(modeOf(join(dir, name)), name).toBe(0o600);
      }
    } finally {
      await core.close();
      rmSync(core.dataDir, { recursive: true, force: true });
    }
  });

  it('a folder and files left readable by others are put right at start', () => {
    const dir = join(tempParent(), 'data');
    mkdirSync(dir);
    const { db } = openDatabase({ file: join(dir, DB_FILE_NAME) });
    db.close();
    // As an older version, a copy or a restore would have left them.
    chmodSync(dir, 0o755);
    chmodSync(join(dir, DB_FILE_NAME), 0o644);
    writeFileSync(join(dir, 'settings.json'), '{}', { mode: 0o644 });
    writeFileSync(join(dir, 'keys.json'), '{}', { mode: 0o644 });
    expect(modeOf(join(dir, 'settings.json'))).toBe(0o644);

    const { db: again } = openDatabase({ file: join(dir, DB_FILE_NAME) });
    again.close();
    expect(modeOf(dir)).toBe(0o700);
    for (const name of readdirSync(dir)) expect(modeOf(join(dir, name)), name).toBe(0o600);
    expect(secureDataFolder(dir)).toEqual([]);
  });

  it('a backup made before migrating is 0600', () => {
    const dir = join(tempParent(), 'data');
    const one: Migration = { version: 1, name: 'one', up: (db) => db.exec('CREATE TABLE a (x)') };
    const two: Migration = { version: 2, name: 'two', up: (db) => db.exec('CREATE TABLE b (x)') };
    openDatabase({ file: join(dir, DB_FILE_NAME), migrations: [one] }).db.close();
    const opened = openDatabase({ file: join(dir, DB_FILE_NAME), migrations: [one, two] });
    opened.db.close();
    expect(opened.backupFile).not.toBeNull();
    expect(modeOf(opened.backupFile!)).toBe(0o600);
  });

  it('leaves a symbolic link in the folder alone, so nothing outside it is changed', () => {
    const parent = tempParent();
    const outside = join(parent, 'outside.txt');
    writeFileSync(outside, 'x', { mode: 0o644 });
    chmodSync(outside, 0o644);
    const dir = join(parent, 'data');
    mkdirSync(dir);
    symlinkSync(outside, join(dir, 'link'));
    secureDataFolder(dir);
    expect(modeOf(outside)).toBe(0o644);
  });
});
