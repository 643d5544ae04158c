// A batch service wired to a demo world the way the app wires it: an EndUserAltinn that signs in when it
// first needs to (and again after the world comes back), and an online flag from a periodic probe.
import type { CallReceipt, DelegatedClient, EndUserAltinn } from '../../../electron/core/app/ports';
import { createBatchService } from '../../../electron/core/batches/batch-service';
import { AppError } from '../../../shared/errors';
import { openDatabase } from '../../../electron/core/store/database';
import { signInToWorld, worldAltinn, type WorldUrls } from '../../helpers/world-altinn';

const PROBE_MS = 100;

/** Signs in lazily; a failed call drops the cached sign-in so the next one starts fresh. */
function lazyWorldAltinn(urls: WorldUrls): EndUserAltinn {
  let current: Promise<EndUserAltinn> | null = null;
  const session = (): Promise<EndUserAltinn> => (current ??= signInToWorld(urls).then((token) => worldAltinn(urls, token)));
  const call = async <T>(use: (a: EndUserAltinn) => Promise<T>): Promise<T> => {
    try {
      return await use(await session());
    } catch (error) {
      // A failed login, a lost network or an expired token: sign in again next time. Verdicts keep the session.
      const code = error instanceof AppError ? error.code : null;
      if (code === null || code === 'NETWORK' || code === 'TIMEOUT' || code === 'ALTINN_UNAUTHENTICATED') current = null;
      throw error;
    }
  };
  return {
    firm: { orgNumber: '310000027', partyUuid: '00000000-0000-4000-8000-000310000027', name: 'REGNSKAPSFIRMA AS' },
    listAgentSystemUsers: () => call((a) => a.listAgentSystemUsers()),
    listFirmClients: () => call((a) => a.listFirmClients()),
    listDelegatedClients: (su): Promise<DelegatedClient[]> => call((a) => a.listDelegatedClients(su)),
    addClient: (su, client): Promise<CallReceipt> => call((a) => a.addClient(su, client)),
    removeClient: (su, client): Promise<CallReceipt> => call((a) => a.removeClient(su, client)),
  };
}

export function worldBatches(urls: WorldUrls, concurrency = 5) {
  const { db } = openDatabase({ file: ':memory:' });
  let online = false;
  const probe = async (): Promise<void> => {
    try {
      await fetch(`${urls.altinn}/`, { signal: AbortSignal.timeout(500) });
      online = true;
    } catch {
      online = false;
    }
  };
  void probe();
  const timer = setInterval(() => void probe(), PROBE_MS);
  const altinn = lazyWorldAltinn(urls);
  const service = createBatchService({
    db,
    now: () => new Date(),
    actor: () => 'Morten Lie',
    environment: () => 'demo',
    language: () => 'en',
    concurrency: () => concurrency,
    altinn: () => altinn,
    isOnline: () => online,
    isSignedIn: () => true,
    runner: { pollMs: 50, backoff: { baseMs: 100, maxMs: 1_000 } },
  });
  return {
    db,
    service,
    isOnline: () => online,
    async close() {
      clearInterval(timer);
      await service.runner.stop(2_000);
      db.close();
    },
  };
}

export async function waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
