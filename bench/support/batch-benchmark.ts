// How close the runner comes to the best possible time: items × latency / concurrency, against an Altinn
// that answers every call after a fixed delay. The gap is the cost of the per-item transactions.
import { randomUUID } from 'node:crypto';
import type { EndUserAltinn, FirmClient } from '../../electron/app/ports';
import { openDatabase } from '../../electron/platform/store/database';
import { createBatchService } from '../../electron/features/batches/batch-service';
import { createClientsQueryPort } from '../../electron/features/clients/query-port';
import { syntheticOrgNumbers } from '../../shared/domain/orgnr';

export interface BatchBenchmarkOptions {
  items: number;
  latencyMs: number;
  concurrency: number;
}

/** The firm's clients as Altinn lists them, each with a random party UUID as Altinn gives. */
function firmClients(orgNumbers: readonly string[]): FirmClient[] {
  return orgNumbers.map((orgNumber) => ({
    partyUuid: randomUUID(),
    orgNumber,
    name: `Client ${orgNumber}`,
    variant: 'AS',
    parentOrgNumber: null,
    relationships: ['REGN'],
    packages: [],
  }));
}

function slowAltinn(latencyMs: number, clients: FirmClient[]): EndUserAltinn {
  const answer = () =>
    new Promise<{ correlationId: string | null }>((resolve) => setTimeout(() => resolve({ correlationId: null }), latencyMs));
  return {
    firm: { orgNumber: '310000027', partyUuid: randomUUID(), name: 'REGNSKAPSFIRMA AS' },
    listAgentSystemUsers: async () => [],
    listFirmClients: async () => clients,
    readFirmClients: async () => ({ mark: null, clients }),
    listDelegatedClients: async () => [],
    addClient: answer,
    removeClient: answer,
  };
}

export async function runBatchBenchmark(options: BatchBenchmarkOptions): Promise<{ wallMs: number; idealMs: number }> {
  const { db } = openDatabase({ file: ':memory:' });
  const orgs = syntheticOrgNumbers();
  const orgNumbers = Array.from({ length: options.items }, () => orgs.next().value!);
  const altinn = slowAltinn(options.latencyMs, firmClients(orgNumbers));
  const service = createBatchService({
    db,
    clients: createClientsQueryPort(db),
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
  const items = orgNumbers.map((orgNumber) => ({ orgNumber, operation: 'add' as const }));
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
