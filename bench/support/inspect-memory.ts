// Reads another Node process's memory from outside, through the inspector it was started with
// (`--inspect=127.0.0.1:0`), so the product needs no diagnostics endpoint: a full garbage collection first
// (what is left is what the process holds, not garbage waiting for the collector), then process.memoryUsage().
import type { Launched } from './processes';

export interface MemoryReading {
  rssMb: number;
  heapUsedMb: number;
  /** Memory outside the JS heap: SQLite's page cache, Buffers, the code. */
  externalMb: number;
}

const INSPECTOR = /Debugger listening on (ws:\/\/\S+)/;

/** The inspector's address, from what the process wrote on stderr when it started. */
export function inspectorUrl(proc: Launched): string {
  const m = INSPECTOR.exec(proc.stderr());
  if (!m) throw new Error(`no inspector address in: ${proc.stderr()}`);
  return m[1]!;
}

export async function readMemory(wsUrl: string): Promise<MemoryReading> {
  const ws = new WebSocket(wsUrl);
  await new Promise<void>((resolve, reject) => {
    ws.onopen = () => resolve();
    ws.onerror = () => reject(new Error(`cannot reach the inspector at ${wsUrl}`));
  });
  let id = 0;
  const pending = new Map<number, (result: unknown) => void>();
  ws.onmessage = (event) => {
    const message = JSON.parse(String(event.data)) as { id?: number; result?: unknown };
    if (message.id !== undefined) pending.get(message.id)?.(message.result);
  };
  const send = (method: string, params: object = {}): Promise<unknown> =>
    new Promise((resolve) => {
      pending.set(++id, resolve);
      ws.send(JSON.stringify({ id, method, params }));
    });
  try {
    await send('HeapProfiler.collectGarbage');
    const result = (await send('Runtime.evaluate', { expression: 'JSON.stringify(process.memoryUsage())', returnByValue: true })) as {
      result: { value: string };
    };
    const usage = JSON.parse(result.result.value) as NodeJS.MemoryUsage;
    const mb = (n: number) => Math.round((n / 2 ** 20) * 10) / 10;
    return { rssMb: mb(usage.rss), heapUsedMb: mb(usage.heapUsed), externalMb: mb(usage.external + usage.arrayBuffers) };
  } finally {
    ws.close();
  }
}
