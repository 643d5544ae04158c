// The browser host's memory once a sync has finished, at each firm size: resident set (what the OS has given
// the process) and the JS heap in use, both after a full garbage collection, read through the inspector. The
// demo world runs inside the host here, so the host's reading before the sync (world started, signed in,
// nothing synced) is reported beside it, and the growth is what the synced list costs the app.
import { atMost, round, thousands, type BenchRow } from '../row';
import { syncedHost } from '../support/synced-host';

const RSS_LIMIT_MB = (clients: number): number => (clients <= 50_000 ? 250 : 400);

export const hostMemory = (clients: number): BenchRow => ({
  id: `memory-${clients / 1000}k`,
  title: `Host memory after sync (${thousands(clients)} clients)`,
  async run() {
    const { memoryBeforeSync: before, memoryAfterSync: after, syncMs } = await syncedHost(clients);
    return {
      id: this.id,
      title: this.title,
      subject: { label: 'host RSS after sync', value: after.rssMb, unit: 'MB' },
      baseline: { label: 'host RSS before sync (world started, signed in)', value: before.rssMb, unit: 'MB' },
      ratio: round(after.rssMb / before.rssMb),
      target: atMost(after.rssMb, RSS_LIMIT_MB(clients), 'RSS', ' MB'),
      note:
        `measured: the browser host process with the embedded demo world of ${thousands(clients)} clients in it, ` +
        'after a full GC, once the sync over HTTP and the first page of rows are done',
      extra: [
        { label: 'JS heap after sync', value: after.heapUsedMb, unit: 'MB' },
        { label: 'JS heap before sync', value: before.heapUsedMb, unit: 'MB' },
        { label: 'outside the heap after sync', value: after.externalMb, unit: 'MB' },
        { label: 'sync over HTTP', value: round(syncMs, 0), unit: 'ms' },
      ],
    };
  },
});
