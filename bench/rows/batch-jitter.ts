// A batch of delegations against an Altinn with jittered latency (log-normal, median 40 ms, p99 400 ms), sent
// two ways at the same concurrency, five: Klientdesk's runner (a pool that starts the next item as soon as any
// slot is free, each item in its own store transaction) against the Altinn portal's pattern (one call, then
// groups of five that wait for the slowest of the five before the next group), the same clients and the same
// latency for each client on both sides. The portal side is only the calls, no store: a floor for that pattern.
import { randomUUID } from 'node:crypto';
import { openDatabase } from '../../electron/platform/store/database';
import { createBatchService } from '../../electron/features/batches/batch-service';
import { createClientsQueryPort } from '../../electron/features/clients/query-port';
import { saveSnapshot } from '../../electron/features/clients/client-store';
import { orgNumberCheckDigit } from '../../shared/domain/orgnr';
import { PACKAGES_BY_RELATIONSHIP } from '../../shared/domain/packages';
import { atLeast, round, type BenchRow } from '../row';
import { jitteredAltinn, jitteredLatencies, MEDIAN_MS, P99_MS } from '../support/jittered-altinn';

const ITEMS = 300;
const CONCURRENCY = 5;
const FASTER = 1.3;
const SYSTEM_USER = '0c1d2e3f-1111-4222-8333-444455556666';

function orgNumbers(count: number): string[] {
  const out: string[] = [];
  for (let prefix = 32_000_000; out.length < count; prefix++) {
    const check = orgNumberCheckDigit(String(prefix));
    if (check !== null) out.push(`${prefix}${check}`);
  }
  return out;
}

/** The firm's clients, each with a random party UUID, as a sync leaves them in the local copy. */
function clientsOf(orgs: readonly string[]) {
  return orgs.map((orgNumber, i) => ({
    partyUuid: randomUUID(),
    orgNumber,
    name: `KLIENT ${i} AS`,
    variant: 'AS',
    parentOrgNumber: null,
    relationships: ['REGN' as const],
    packages: [...PACKAGES_BY_RELATIONSHIP.REGN],
  }));
}

type Clients = ReturnType<typeof clientsOf>;

async function runner(clients: Clients, latency: Map<string, number>): Promise<{ ms: number; calls: number }> {
  const { db } = openDatabase({ file: ':memory:' });
  const at = new Date();
  saveSnapshot(
    db,
    'demo',
    {
      firmOrgNumber: '310000027',
      clients,
      systemUsers: [
        {
          id: SYSTEM_USER,
          title: 'Benchmark',
          systemId: 'bench',
          externalRef: 'bench',
          packages: [...PACKAGES_BY_RELATIONSHIP.REGN],
          created: at.toISOString(),
        },
      ],
      delegations: new Map(),
    },
    at,
    at,
  );
  const altinn = jitteredAltinn((party) => latency.get(party) ?? MEDIAN_MS);
  const service = createBatchService({
    db,
    clients: createClientsQueryPort(db),
    now: () => new Date(),
    actor: () => 'Benchmark',
    environment: () => 'demo',
    language: () => 'en',
    concurrency: () => CONCURRENCY,
    altinn: () => altinn,
    isOnline: () => true,
    isSignedIn: () => true,
    runner: { pollMs: 5 },
  });
  const batch = service.create({
    name: 'jitter',
    systemUserId: SYSTEM_USER,
    items: clients.map((c) => ({ orgNumber: c.orgNumber, operation: 'add' as const })),
    submit: false,
  });
  service.runner.start();
  const t0 = performance.now();
  service.submit(batch.id);
  await service.runner.whenIdle();
  const ms = performance.now() - t0;
  await service.runner.stop();
  db.close();
  return { ms, calls: altinn.calls() };
}

/** One call on its own, then groups of five, each group waiting for its slowest call. */
async function portal(clients: Clients, latency: Map<string, number>): Promise<{ ms: number; calls: number }> {
  const altinn = jitteredAltinn((party) => latency.get(party) ?? MEDIAN_MS);
  const send = (c: Clients[number]) => altinn.addClient(SYSTEM_USER, c.partyUuid);
  const t0 = performance.now();
  await send(clients[0]!);
  for (let i = 1; i < clients.length; i += CONCURRENCY) await Promise.all(clients.slice(i, i + CONCURRENCY).map(send));
  return { ms: performance.now() - t0, calls: altinn.calls() };
}

export const batchJitter: BenchRow = {
  id: 'batch-jitter',
  title: `Batch, jittered latency (${ITEMS} delegations, concurrency ${CONCURRENCY})`,
  async run() {
    const clients = clientsOf(orgNumbers(ITEMS));
    const latency = jitteredLatencies(clients.map((c) => c.partyUuid));
    const sum = [...latency.values()].reduce((a, b) => a + b, 0);
    const ours = await runner(clients, latency);
    const theirs = await portal(clients, latency);
    if (ours.calls !== ITEMS || theirs.calls !== ITEMS) throw new Error(`calls: runner ${ours.calls}, portal ${theirs.calls}`);
    const faster = theirs.ms / ours.ms;
    return {
      id: this.id,
      title: this.title,
      subject: { label: 'Klientdesk runner', value: round(ours.ms, 0), unit: 'ms' },
      baseline: { label: 'portal pattern (1, then groups of 5 with a barrier)', value: round(theirs.ms, 0), unit: 'ms' },
      ratio: round(faster),
      target: atLeast(faster, FASTER, 'portal ÷ runner', '×'),
      note:
        `latency log-normal, median ${MEDIAN_MS} ms, p99 ${P99_MS} ms, seeded and tied to each client, the same on both sides; ` +
        'the ratio is how many times faster the runner is',
      extra: [{ label: 'ideal for a pool, sum of latencies / 5', value: round(sum / CONCURRENCY, 0), unit: 'ms' }],
    };
  },
};
