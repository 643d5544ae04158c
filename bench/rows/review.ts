// The wizard's review step for a pasted list of 50,000 org numbers (every one a client of the firm), through
// the same dispatcher the IPC and the browser host use: input and output parsed, the local copy read, each
// number judged. The baseline is reading the same clients' rows from the store in one query, the floor of
// any review that looks each number up. Run on the core the sync row has just synced, to spare a sync.
import { atMost, percentile, round, thousands, type RowResult } from '../row';
import { timed, type BenchCore } from '../support/core';

const REVIEWED = 50_000;
const REVIEW_LIMIT_MS = 500;
const RUNS = 3;

export async function review(t: BenchCore, clients: number): Promise<RowResult> {
  const db = t.core.db;
  const orgNumbers = db.prepare('SELECT org_number FROM clients ORDER BY id DESC LIMIT ?').pluck().all(REVIEWED) as string[];
  const systemUserId = (await t.call('systemUsers.list', {}))[0]!.id;
  const reviews: number[] = [];
  const reads: number[] = [];
  const lookUp = db.prepare(
    'SELECT org_number, name, packages, gone_at FROM clients WHERE environment = ? AND org_number IN (SELECT value FROM json_each(?))',
  );
  for (let i = 0; i < RUNS; i++) {
    const r = await timed(() => t.call('batches.review', { systemUserId, operation: 'add', orgNumbers }));
    if (r.value.length !== orgNumbers.length) throw new Error('the review lost numbers');
    reviews.push(r.ms);
    reads.push((await timed(async () => lookUp.all('demo', JSON.stringify(orgNumbers)))).ms);
  }
  const ms = percentile(reviews, 50);
  const floor = percentile(reads, 50);
  return {
    id: `review-${clients / 1000}k`,
    title: `Review of ${thousands(REVIEWED)} clients (store of ${thousands(clients)})`,
    subject: { label: 'batches.review', value: round(ms, 0), unit: 'ms' },
    baseline: { label: 'reading the same clients in one query', value: round(floor, 0), unit: 'ms' },
    ratio: round(ms / floor),
    target: atMost(ms, REVIEW_LIMIT_MS, 'review', ' ms'),
    note: `median of ${RUNS}; ${thousands(orgNumbers.length)} numbers pasted, each judged ready, already done, AND rule or unknown`,
  };
}
