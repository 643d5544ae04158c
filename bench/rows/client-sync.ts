// The firm's clients from the demo world into SQLite through the app's own sync (the clients.sync channel:
// Altinn read over HTTP, merge, diff against the previous copy, one transaction, the trigram index), against a
// raw bulk insert of the very same rows into the same schema in one transaction, with the same trigram index
// built the fastest way SQLite offers (one rebuild): the floor for the store alone. Then an unchanged re-sync
// against the same floor. The review row runs on the same synced core (review.ts).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/platform/store/database';
import { atMost, round, thousands, type BenchRow, type RowResult } from '../row';
import { MORTEN_PID, startBenchCore, timed } from '../support/core';
import { review } from './review';

const SYNC_RATIO = 1.25;
/** First syncs (each on a fresh store) and raw inserts per row: each side is its median. */
const ROUNDS = 3;

const median = <T extends { ms: number }>(runs: T[]): T => [...runs].sort((a, b) => a.ms - b.ms)[Math.floor(runs.length / 2)]!;

/** A first sync on a fresh store: the core is returned open for the rows that go on from it. */
async function firstSync(clients: number) {
  const t = await startBenchCore({ demoClients: clients });
  try {
    await t.call('session.signIn', { pid: MORTEN_PID });
    const first = await timed(() => t.call('clients.sync', {}));
    if (first.value.total < clients * 0.9) throw new Error(`only ${first.value.total} clients synced`);
    return { t, first };
  } catch (error) {
    await t.close();
    throw error;
  }
}
const RESYNC_RATIO = 0.5;

/** Copies every client row (and its packages) of the synced store into a fresh database, as fast as SQLite allows. */
function rawBulkInsert(rows: Record<string, unknown>[], packages: Record<string, unknown>[]): { ms: number; cpuMs: number } {
  const dir = mkdtempSync(join(tmpdir(), 'kd-bench-raw-'));
  const { db } = openDatabase({ file: join(dir, 'raw.db') });
  try {
    const columns = Object.keys(rows[0]!);
    // Positional parameters, prepared outside the timing: binding by name looks each one up.
    const insert = db.prepare(`INSERT INTO clients (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
    const insertPackage = db.prepare('INSERT INTO client_packages (client_id, package) VALUES (?, ?)');
    const rowValues = rows.map((r) => columns.map((c) => r[c]));
    const packageValues = packages.map((p) => [p.client_id, p.package]);
    const rebuildSearch = db.prepare("INSERT INTO clients_fts (clients_fts) VALUES ('rebuild')");
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    db.transaction(() => {
      for (const r of rowValues) insert.run(r);
      for (const p of packageValues) insertPackage.run(p);
      rebuildSearch.run();
    })();
    const ms = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    return { ms, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The same comparison in CPU time of this process, which the other processes on a shared machine do not inflate. */
const cpuReadings = (syncCpuMs: number, rawCpuMs: number) => [
  { label: 'CPU, sync', value: round(syncCpuMs, 0), unit: 'ms' },
  { label: 'CPU, raw insert', value: round(rawCpuMs, 0), unit: 'ms' },
  { label: 'CPU ratio', value: round(syncCpuMs / rawCpuMs), unit: '×' },
];

export const clientSync = (clients: number): BenchRow => ({
  id: `sync-${clients / 1000}k`,
  title: `Client sync (${thousands(clients)} clients)`,
  aliases: [`client-sync-${clients / 1000}k`, `resync-${clients / 1000}k`, `review-${clients / 1000}k`],
  async run(): Promise<RowResult[]> {
    // Each round a first sync on a fresh store, then the raw insert of the rows it wrote: the two sides take
    // turns, so a machine that speeds up or slows down during the row weighs on both alike.
    const firsts: { ms: number; cpuMs: number }[] = [];
    const raws: { ms: number; cpuMs: number }[] = [];
    let count = 0;
    let open: Awaited<ReturnType<typeof firstSync>>['t'] | null = null;
    try {
      for (let round = 0; round < ROUNDS; round++) {
        const { t: synced, first } = await firstSync(clients);
        open = synced;
        firsts.push(first);
        const rows = synced.core.db.prepare('SELECT * FROM clients').all() as Record<string, unknown>[];
        const packages = synced.core.db.prepare('SELECT * FROM client_packages').all() as Record<string, unknown>[];
        count = rows.length;
        raws.push(rawBulkInsert(rows, packages));
        if (round < ROUNDS - 1) {
          await synced.close();
          open = null;
        }
      }
    } catch (error) {
      await open?.close();
      throw error;
    }
    const t = open!;
    try {
      const first = median(firsts);
      const again = await timed(() => t.call('clients.sync', {}));
      const read = await timed(() => t.core.runtime.altinn().listFirmClients());
      const raw = median(raws);
      const rawMs = raw.ms;
      const reviewed = await review(t, clients);
      const baseline = {
        label: `raw insert of the same ${thousands(count)} rows, index built in one pass`,
        value: round(rawMs, 0),
        unit: 'ms',
      };
      return [
        {
          id: this.id,
          title: this.title,
          subject: { label: 'clients.sync, first', value: round(first.ms, 0), unit: 'ms' },
          baseline,
          ratio: round(first.ms / rawMs),
          target: atMost(first.ms / rawMs, SYNC_RATIO, 'ratio', '×'),
          note: `median of ${ROUNDS} first syncs, each on a fresh store, against the median of ${ROUNDS} raw inserts, the two taking turns; the sync includes reading Altinn over HTTP (the demo world answers in this process, the list is read on the client-list worker as it arrives); the baseline is the store alone`,
          extra: [
            { label: 'the Altinn client-list read alone', value: round(read.ms, 0), unit: 'ms' },
            ...cpuReadings(first.cpuMs, raw.cpuMs),
            { label: 'CPU of the read alone', value: round(read.cpuMs, 0), unit: 'ms' },
          ],
        },
        {
          id: `resync-${clients / 1000}k`,
          title: `Unchanged re-sync (${thousands(clients)} clients)`,
          subject: { label: 'clients.sync, nothing changed', value: round(again.ms, 0), unit: 'ms' },
          baseline,
          ratio: round(again.ms / rawMs),
          target: atMost(again.ms / rawMs, RESYNC_RATIO, 'ratio', '×'),
          note: "the whole list is read again over HTTP; its bytes match the latest sync's mark, so it is not parsed, and only the sync run and the system users are written",
          extra: cpuReadings(again.cpuMs, raw.cpuMs),
        },
        reviewed,
      ];
    } finally {
      await t.close();
    }
  },
});
