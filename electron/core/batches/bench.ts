// How close the runner comes to the best possible time: items × latency / concurrency, against an Altinn
// that answers every call after a fixed delay. The gap is the cost of the per-item transactions.
import { orgNumberCheckDigit, orgPartyUuid } from '../../../shared/domain/orgnr';
import type { EndUserAltinn } from '../app/ports';
import { openDatabase } from '../store/database';
import { createBatchService } from './batch-service';

export interface BatchBenchmarkOptions {
  items: number;
  latencyMs: number;
  concurrency: number;
}

/** Valid org numbers, generated the way the demo world does: a prefix and its mod-11 check digit. */
export function* syntheticOrgNumbers(start = 32_000_000): Generator<string> {
  for (let prefix = start; ; prefix++) {
    const check = orgNumberCheckDigit(String(prefix));
    if (check !== null) yield `${prefix}${check}`;
  }
}

function slowAltinn(latencyMs: number): EndUserAltinn {
  const answer = () =>
    new Promise<{ correlationId: string | null }>((resolve) => setTimeout(() => resolve({ correlationId: null }), latencyMs));
  return {
    firm: { orgNumber: '310000027', partyUuid: orgPartyUuid('310000027'), name: 'REGNSKAPSFIRMA AS' },
    listAgentSystemUsers: async () => [],
    listFirmClients: async () => [],
    listDelegatedClients: async () => [],
    addClient: answer,
    removeClient: answer,
  };
}

export async function runBatchBenchmark(options: BatchBenchmarkOptions): Promise<{ wallMs: number; idealMs: number }> {
  const { db } = openDatabase({ file: ':memory:' });
  const altinn = slowAltinn(options.latencyMs);
  const service = createBatchService({
    db,
    now: () => new Date(),
    actor: () => 'Benchmark',
    environment: () => 'demo',
    language: () => 'en',
    concurrency: () => options.concurrency,
    altinn: () => altinn,
    isOnline: () => true,
    isSignedIn: () => true,
    runner: { pollMs: 5 },
  });
  const orgs = syntheticOrgNumbers();
  const items = Array.from({ length: options.items }, () => ({ orgNumber: orgs.next().value!, operation: 'add' as const }));
  const batch = service.create({ name: 'benchmark', systemUserId: '0c1d2e3f-1111-4222-8333-444455556666', items, submit: false });

  service.runner.start();
  const started = performance.now();
  service.submit(batch.id);
  await service.runner.whenIdle();
  const wallMs = performance.now() - started;
  await service.runner.stop();
  db.close();
  return { wallMs: Math.round(wallMs), idealMs: Math.ceil(options.items / options.concurrency) * options.latencyMs };
}
