// Each batch's system access as it was named when the batch was made, for readers of older records (the audit
// export) when the local copy of the system accesses no longer knows it.
import type { Database } from 'better-sqlite3';

export function batchTargetTitles(db: Database, environment: string): { id: string; title: string }[] {
  return db
    .prepare(
      "SELECT system_user_id AS id, system_user_title AS title FROM batches WHERE environment = ? AND system_user_title <> '' GROUP BY system_user_id",
    )
    .all(environment) as { id: string; title: string }[];
}
