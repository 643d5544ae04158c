// One process per data folder. Two processes on one database would both run batches, each believing it owns
// the items in flight. The lock is an SQLite file held in an exclusive write transaction for the process's
// life: the operating system drops it when the process ends in any way (quit, crash, SIGKILL), so there is
// never a stale lock to clean up, and it works the same on Windows, macOS and Linux.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

export const LOCK_FILE_NAME = 'klientdesk.lock';
/** Who holds the lock, for the refusal message only (the lock itself is the SQLite file). */
const OWNER_FILE_NAME = 'klientdesk.lock.json';

export const DATA_FOLDER_IN_USE = 'DATA_FOLDER_IN_USE';

/** Held connections, so a caller that drops the handle cannot lose the lock to the garbage collector. */
const held = new Set<Database>();

export interface DataFolderLock {
  readonly dataDir: string;
  release(): void;
}

interface Owner {
  pid: number;
  kind: string;
  since: string;
}

function readOwner(dataDir: string): Owner | null {
  try {
    const value = JSON.parse(readFileSync(join(dataDir, OWNER_FILE_NAME), 'utf8')) as Partial<Owner>;
    return typeof value.pid === 'number' && typeof value.kind === 'string' && typeof value.since === 'string' ? (value as Owner) : null;
  } catch {
    return null;
  }
}

/** Takes the folder for this process, or throws DATA_FOLDER_IN_USE with a sentence naming the other one. */
export function lockDataFolder(dataDir: string, kind: string, now: () => Date = () => new Date()): DataFolderLock {
  mkdirSync(dataDir, { recursive: true });
  let db: Database | null = null;
  try {
    db = new BetterSqlite3(join(dataDir, LOCK_FILE_NAME), { timeout: 0 });
    db.pragma('journal_mode = DELETE');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('CREATE TABLE IF NOT EXISTS held (at TEXT NOT NULL)');
    // The write in an open EXCLUSIVE transaction is what keeps the OS lock; it is never committed.
    db.exec('BEGIN EXCLUSIVE');
    db.prepare('INSERT INTO held (at) VALUES (?)').run(now().toISOString());
  } catch (error) {
    db?.close();
    const busy = (error as { code?: unknown }).code;
    if (busy === 'SQLITE_BUSY' || busy === 'SQLITE_LOCKED') {
      const owner = readOwner(dataDir);
      const who = owner ? `${owner.kind} (process ${owner.pid}, started ${owner.since})` : 'another Klientdesk';
      throw new AppError(
        DATA_FOLDER_IN_USE,
        `This data folder is already in use by ${who}. Close it first, or start this one with another data folder (--data-dir). Nothing was changed.`,
        { dataDir, ownerPid: owner?.pid ?? null },
      );
    }
    throw error;
  }
  writeFileSync(join(dataDir, OWNER_FILE_NAME), JSON.stringify({ pid: process.pid, kind, since: now().toISOString() }));
  const connection = db;
  held.add(connection);
  return {
    dataDir,
    release() {
      if (!held.delete(connection)) return;
      try {
        connection.exec('ROLLBACK');
      } finally {
        connection.close();
      }
    },
  };
}
