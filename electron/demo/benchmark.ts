// Start-up time and memory of a world, for the benchmark script (tests never assert timings).
import type { DemoWorldOptions } from './types';
import { startDemoWorld } from './world';

export interface DemoWorldMeasurement {
  clients: number;
  startMs: number;
  heapUsedMB: number;
  rssMB: number;
}

export async function measureDemoWorld(opts: DemoWorldOptions = {}): Promise<DemoWorldMeasurement> {
  const before = process.memoryUsage();
  const t0 = performance.now();
  const world = await startDemoWorld({ port: 0, quiet: true, ...opts });
  const startMs = Math.round(performance.now() - t0);
  const after = process.memoryUsage();
  await world.close();
  const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  return {
    clients: world.info.clientCount,
    startMs,
    heapUsedMB: mb(after.heapUsed - before.heapUsed),
    rssMB: mb(after.rss),
  };
}
