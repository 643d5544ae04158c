// Opens the app's SQLite file: refuses newer or corrupt files untouched, backs up before migrating.
import { closeSync, copyFileSync, existsSync, openSync, readdirSync, readSync, renameSync, statSync } from 'node:fs';
import { dirname, join, basename } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { migrations as allMigrations, latestVersion } from './migrations';
import type { Migration } from './migrations/types';
import { createPrivateFile, secureDataFolder, securePrivateFile } from './file-modes';

export const DB_FILE_NAME = 'klientdesk.db';

export interface OpenOptions {
  /** Full path of the database file, or ':memory:'. */
  file: string;
  migrations?: readonly Migration[];
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Database;
  /** The backup made before migrating, when there was one. */
  backupFile: string | null;
  migratedFrom: number;
}

function assertNapi(): void {
  // better-sqlite3 13 crashes the whole process on N-API < 10 (Node 20); refuse with a sentence instead.
  if (Number(process.versions.napi) < 10) {
    throw new AppError('RUNTIME_TOO_OLD', 'Klientdesk needs Node 22 or Electron 40 or newer to open its database.');
  }
}

/**
 * Whether the file looks as a cleanly closed database does: no write-ahead log left beside it (the last connection
 * checkpoints and deletes it) and exactly as many bytes as its header says it has pages. A crash, a full disk or a
 * cut copy breaks one of the two.
 */
function looksCleanlyClosed(file: string): boolean {
  const wal = `${file}-wal`;
  if (existsSync(wal) && statSync(wal).size > 0) return false;
  const header = Buffer.alloc(100);
  const fd = openSync(file, 'r');
  try {
    if (readSync(fd, header, 0, 100, 0) < 100) return false;
  } finally {
    closeSync(fd);
  }
  const rawPageSize = header.readUInt16BE(16);
  const pageSize = rawPageSize === 1 ? 65536 : rawPageSize;
  // The page count in the header holds only while "version-valid-for" matches the change counter.
  if (header.readUInt32BE(92) !== header.readUInt32BE(24)) return false;
  return header.readUInt32BE(28) * pageSize === statSync(file).size;
}

function readVersion(file: string, latest: number): number {
  let probe: Database | undefined;
  try {
    probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    // The full check reads every page (seconds at 200,000 clients), so it runs when there is a reason to doubt
    // the file or before a migration rewrites it. Otherwise parsing the schema catches a scribbled first page,
    // and damage deeper in a file that was closed cleanly surfaces as SQLITE_CORRUPT where it is read.
    const version = Number(probe.pragma('user_version', { simple: true }));
    if (!looksCleanlyClosed(file) || version < latest) {
      const check = probe.pragma('quick_check', { simple: true });
      if (check !== 'ok') throw new Error(String(check));
    } else {
      probe.prepare('SELECT COUNT(*) FROM sqlite_schema').pluck().get();
    }
    return version;
  } catch (error) {
    throw new AppError(
      'DB_CORRUPT',
      `The database file ${basename(file)} is damaged or is not a Klientdesk database. Nothing was changed; you can restore a backup.`,
      { file, backups: listBackups(file), reason: error instanceof Error ? error.message : String(error) },
      { file: basename(file) },
    );
  } finally {
    probe?.close();
  }
}

export function listBackups(file: string): string[] {
  const dir = dirname(file);
  if (!existsSync(dir)) return [];
  const prefix = `${basename(file)}.`;
  return readdirSync(dir)
    .filter((f) => f.startsWith(prefix) && f.endsWith('.bak'))
    .sort()
    .map((f) => join(dir, f));
}

function backupBeforeMigrating(file: string, fromVersion: number, now: Date): string {
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = `${file}.v${fromVersion}-${stamp}.bak`;
  const src = new BetterSqlite3(file, { fileMustExist: true });
  try {
    // VACUUM INTO writes a consistent single-file copy, WAL content included.
    src.prepare('VACUUM INTO ?').run(target);
  } finally {
    src.close();
  }
  securePrivateFile(target);
  return target;
}

export function openDatabase(options: OpenOptions): OpenedDatabase {
  assertNapi();
  const list = options.migrations ?? allMigrations;
  const latest = list === allMigrations ? latestVersion() : list.reduce((v, m) => Math.max(v, m.version), 0);
  const now = options.now ?? (() => new Date());
  const inMemory = options.file === ':memory:';
  let current = 0;
  let backupFile: string | null = null;

  if (!inMemory) {
    // The database's folder is the data folder: owner-only, checked and put right at every start.
    secureDataFolder(dirname(options.file));
    if (existsSync(options.file)) {
      current = readVersion(options.file, latest);
      if (current > latest) {
        throw new AppError(
          'DB_TOO_NEW',
          `This database was written by a newer Klientdesk (schema ${current}; this version knows ${latest}). Nothing was changed. Update Klientdesk to open it.`,
          { file: options.file, found: current, supported: latest },
          { found: current, supported: latest },
        );
      }
      if (current < latest && current > 0) backupFile = backupBeforeMigrating(options.file, current, now());
    }
  }

  // SQLite gives -wal and -shm the database file's permissions, so the file is made owner-only first.
  if (!inMemory) createPrivateFile(options.file);
  const db = new BetterSqlite3(options.file);
  db.pragma('journal_mode = WAL');
  if (!inMemory) for (const suffix of ['', '-wal', '-shm']) securePrivateFile(options.file + suffix);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');

  for (const m of [...list].sort((a, b) => a.version - b.version)) {
    if (m.version <= current) continue;
    db.transaction(() => {
      m.up(db);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
  return { db, backupFile, migratedFrom: current };
}

/** Replaces a damaged database with a chosen backup; the damaged file is kept beside it for support. */
export function restoreBackup(file: string, backup: string, now: Date = new Date()): void {
  if (!listBackups(file).includes(backup)) throw new AppError('NO_SUCH_BACKUP', 'That backup does not belong to this database.');
  if (existsSync(file)) copyFileSync(file, `${file}.damaged-${now.toISOString().replace(/[:.]/g, '-')}`);
  // A stale WAL beside the restored file would be replayed into it, so move it aside.
  for (const suffix of ['-wal', '-shm']) if (existsSync(file + suffix)) renameSync(file + suffix, `${file}${suffix}.old`);
  copyFileSync(backup, file);
  securePrivateFile(file);
}
