// Which draft batches are proposals after a sync, kept beside the settings (one small JSON list per
// environment), so the batch tables need no new column and a proposal is an ordinary batch once made.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';

const entrySchema = z.object({
  batchId: z.string(),
  kind: z.enum(['new_clients', 'departed_clients']),
  systemUserId: z.string(),
  relationship: z.enum(['REGN', 'REVI', 'FFØR']).nullable(),
  syncedAt: z.string(),
  submittedUnattended: z.boolean(),
});
export type ProposalEntry = z.infer<typeof entrySchema>;

const MAX_KEPT = 200;
const key = (environment: string) => `proposals:${environment}`;

export function readProposals(db: Database, environment: string): ProposalEntry[] {
  const row = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?').get(key(environment));
  if (!row) return [];
  const parsed = z.array(entrySchema).safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : [];
}

export function addProposals(db: Database, environment: string, entries: readonly ProposalEntry[]): void {
  const next = [...entries, ...readProposals(db, environment)].slice(0, MAX_KEPT);
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key(environment),
    JSON.stringify(next),
  );
}
