// Row 4: a batch of 2,000 delegations through the app's batch runner against an Altinn that answers every call
// after 40 ms, against the latency-bound ideal at the same concurrency (items / concurrency × latency).
// The batches module owns the harness (bench/support/batch-benchmark.ts); this row only reports it.
import { runBatchBenchmark } from '../support/batch-benchmark';
import { defaultSettings } from '../../electron/platform/settings/settings-store';
import { round, type BenchRow } from '../row';

const ITEMS = 2000;
const LATENCY_MS = 40;

export const batchRun: BenchRow = {
  id: 'batch',
  title: 'Batch (2,000 delegations, 40 ms latency)',
  async run() {
    const concurrency = defaultSettings().runner.concurrency;
    const { wallMs, idealMs } = await runBatchBenchmark({ items: ITEMS, latencyMs: LATENCY_MS, concurrency });
    return {
      id: this.id,
      title: this.title,
      subject: { label: 'batch runner', value: wallMs, unit: 'ms' },
      baseline: { label: `ideal ${ITEMS} / ${concurrency} × ${LATENCY_MS} ms`, value: idealMs, unit: 'ms' },
      ratio: round(wallMs / idealMs),
      note: `near 1 means the per-item transactions and scheduling cost little beside the network; concurrency ${concurrency} (the default setting)`,
      extra: [{ label: 'throughput', value: round((ITEMS * 60_000) / wallMs, 0), unit: 'items/min' }],
    };
  },
};
