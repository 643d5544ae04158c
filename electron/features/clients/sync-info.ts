// When the local copy was last refreshed and what that sync found; also what the status bar shows.
import type { Database } from 'better-sqlite3';
import type { SyncResult } from '../../../shared/contract/clients';
import type { EnvironmentId } from '../../../shared/contract/define';

interface LastRun {
  finished_at: string;
  result: string;
}

const lastRun = (db: Database, environment: EnvironmentId): LastRun | undefined =>
  db.prepare('SELECT finished_at, result FROM client_sync_runs WHERE environment = ? ORDER BY id DESC LIMIT 1').get(environment) as
    LastRun | undefined;

export const lastSyncAt = (db: Database, environment: EnvironmentId): string | null => lastRun(db, environment)?.finished_at ?? null;

export function readSyncInfo(
  db: Database,
  environment: EnvironmentId,
): { lastSyncAt: string | null; total: number; lastResult: SyncResult | null } {
  const last = lastRun(db, environment);
  const total = db.prepare('SELECT COUNT(*) FROM clients WHERE environment = ? AND gone_at IS NULL').pluck().get(environment) as number;
  return { lastSyncAt: last?.finished_at ?? null, total, lastResult: last ? (JSON.parse(last.result) as SyncResult) : null };
}
