// Row 3: 50,000 clients from the demo world into SQLite through the app's own sync (the clients.sync channel:
// Altinn reads over HTTP, merge, diff against the previous copy, one transaction with the trigram index), against
// a raw bulk insert of the very same rows into the same schema in one transaction: the floor for the store alone.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../electron/core/store/database';
import { round, type BenchRow } from '../row';
import { MORTEN_PID, startBenchCore, timed } from '../support/core';

const CLIENTS = 50_000;

/** Copies every client row (and its packages) of the synced store into a fresh database, as fast as SQLite allows. */
function rawBulkInsert(rows: Record<string, unknown>[], packages: Record<string, unknown>[]): number {
  const dir = mkdtempSync(join(tmpdir(), 'kd-bench-raw-'));
  const { db } = openDatabase({ file: join(dir, 'raw.db') });
  try {
    const columns = Object.keys(rows[0]!);
    const insert = db.prepare(`INSERT INTO clients (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`);
    const insertPackage = db.prepare('INSERT INTO client_packages (client_id, package) VALUES (@client_id, @package)');
    const t0 = performance.now();
    db.transaction(() => {
      for (const r of rows) insert.run(r);
      for (const p of packages) insertPackage.run(p);
    })();
    return performance.now() - t0;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export const clientSync: BenchRow = {
  id: 'client-sync',
  title: 'Client sync (50,000 clients)',
  async run() {
    const t = await startBenchCore({ demoClients: CLIENTS });
    try {
      await t.call('session.signIn', { pid: MORTEN_PID });
      const first = await timed(() => t.call('clients.sync', {}));
      if (first.value.total < CLIENTS * 0.9) throw new Error(`only ${first.value.total} clients synced`);
      const again = await timed(() => t.call('clients.sync', {}));
      const read = await timed(() => t.core.runtime.altinn().listFirmClients());

      const rows = t.core.db.prepare('SELECT * FROM clients').all() as Record<string, unknown>[];
      const packages = t.core.db.prepare('SELECT * FROM client_packages').all() as Record<string, unknown>[];
      const rawMs = rawBulkInsert(rows, packages);
      return {
        id: this.id,
        title: this.title,
        subject: { label: 'clients.sync, first', value: round(first.ms, 0), unit: 'ms' },
        baseline: { label: `raw insert of the same ${rows.length} rows`, value: round(rawMs, 0), unit: 'ms' },
        ratio: round(first.ms / rawMs),
        note: 'the sync includes reading Altinn over HTTP; the baseline is the store alone, so the gap is the price of the reads and the diff',
        extra: [
          { label: 'the Altinn client-list read alone', value: round(read.ms, 0), unit: 'ms' },
          { label: 'unchanged re-sync', value: round(again.ms, 0), unit: 'ms' },
        ],
      };
    } finally {
      await t.close();
    }
  },
};
