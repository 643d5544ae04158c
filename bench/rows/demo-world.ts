// The demo world's own start-up cost at the default seed and at 50,000 clients (measureDemoWorld), so a slow
// benchmark row can be told apart from a slow simulator. The default world is the baseline.
import { measureDemoWorld, type DemoWorldMeasurement, type DemoWorldOptions } from '../../electron/demo';
import { round, type BenchRow } from '../row';

const RUNS = 3;

/** The run with the median start time: each start generates the simulators' RSA keys, whose cost varies a lot. */
async function medianOf(opts: DemoWorldOptions): Promise<DemoWorldMeasurement> {
  const runs: DemoWorldMeasurement[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await measureDemoWorld(opts));
  return runs.sort((a, b) => a.startMs - b.startMs)[Math.floor(RUNS / 2)]!;
}

export const demoWorld: BenchRow = {
  id: 'demo-world',
  title: 'Demo world start (50,000 vs default)',
  async run() {
    // Default first, before the other rows have grown the heap; a first start warms the modules up.
    await measureDemoWorld();
    const small = await medianOf({});
    const large = await medianOf({ clients: 50_000 });
    return {
      id: this.id,
      title: this.title,
      subject: { label: `${large.clients} clients`, value: large.startMs, unit: 'ms' },
      baseline: { label: `${small.clients} clients (default)`, value: small.startMs, unit: 'ms' },
      ratio: round(large.startMs / Math.max(1, small.startMs)),
      note: `median of ${RUNS} starts of the simulators alone; claims are drawn on demand, so only the client list grows with the seed`,
      extra: [
        { label: 'heap growth, default', value: small.heapUsedMB, unit: 'MB' },
        { label: 'heap growth, 50,000', value: large.heapUsedMB, unit: 'MB' },
        { label: 'RSS after 50,000', value: large.rssMB, unit: 'MB' },
      ],
    };
  },
};
