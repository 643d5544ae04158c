// A batch service on an in-memory database and a FakeAltinn, with knobs for the network and the sign-in.
import { createBatchService, type BatchServiceOptions } from '../../../electron/features/batches/batch-service';
import { createClientsQueryPort } from '../../../electron/features/clients/query-port';
import { openDatabase } from '../../../electron/platform/store/database';
import { syntheticOrgNumbers } from '../../../shared/domain/orgnr';
import type { BatchProgress } from '../../../shared/contract/batches';
import type { BatchState } from '../../../shared/domain/batch';
import { FakeAltinn } from './fake-altinn';

export const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';

export function harness(overrides: Partial<BatchServiceOptions> = {}) {
  const { db } = openDatabase({ file: ':memory:' });
  const altinn = new FakeAltinn(SU_A);
  const knobs = { online: true, signedIn: true, concurrency: 5 };
  const progress: BatchProgress[] = [];
  const service = createBatchService({
    db,
    clients: createClientsQueryPort(db),
    now: () => new Date(),
    actor: () => 'Morten Lie',
    environment: () => 'demo',
    language: () => 'en',
    concurrency: () => knobs.concurrency,
    altinn: () => altinn,
    isOnline: () => knobs.online,
    isSignedIn: () => knobs.signedIn,
    onProgress: (p) => progress.push(p),
    runner: { pollMs: 10, backoff: { baseMs: 20, maxMs: 100 }, maxAttemptsPerItem: 4, progressIntervalMs: 0 },
    ...overrides,
  });
  // Every org number a test plans is one of the firm's clients in Altinn unless the test says otherwise
  // (altinn.strangers), so the runner can resolve its partyUuid the way it does for real.
  const create = service.create;
  service.create = (input) => {
    altinn.firmClientOrgNumbers.push(...input.items.map((i) => i.orgNumber));
    return create(input);
  };
  return { db, altinn, knobs, service, progress };
}

export function orgNumbers(n: number, start?: number): string[] {
  const gen = syntheticOrgNumbers(start);
  return Array.from({ length: n }, () => gen.next().value!);
}

export async function until(check: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const stateIs =
  (service: ReturnType<typeof harness>['service'], id: string, ...states: BatchState[]) =>
  () =>
    states.includes(service.store.stateOf(id));
