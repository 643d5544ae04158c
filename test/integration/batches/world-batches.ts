// A batch service wired to a demo world the way the app wires it: an EndUserAltinn that signs in when it
// first needs to (and again after the world comes back), and an online flag from a periodic probe.
import { randomUUID } from 'node:crypto';
import type { CallReceipt, DelegatedClient, EndUserAltinn, FirmClient } from '../../../electron/app/ports';
import { ClientDelegationApi } from '../../../electron/services/altinn/client-delegation';
import { createHttpClient, type HttpClientOptions } from '../../../electron/platform/http/http-client';
import type { Clock } from '../../../electron/platform/http/clock';
import { createBatchService } from '../../../electron/features/batches/batch-service';
import { createClientsQueryPort } from '../../../electron/features/clients/query-port';
import { AppError } from '../../../shared/errors';
import { openDatabase } from '../../../electron/platform/store/database';
import { signInToWorld, worldAltinn, type WorldUrls } from '../../helpers/world-altinn';

const PROBE_MS = 100;

/** Signs in lazily; a failed call drops the cached sign-in so the next one starts fresh. */
function lazyWorldAltinn(urls: WorldUrls, http: HttpClientOptions): EndUserAltinn {
  let current: Promise<EndUserAltinn> | null = null;
  const session = (): Promise<EndUserAltinn> =>
    (current ??= signInToWorld(urls).then((token) => {
      const altinn = worldAltinn(urls, token, http);
      const api = new ClientDelegationApi(createHttpClient(http), urls.altinn, () => token);
      // The firm's clients as Altinn lists them (every client offered to one of its system users), so an
      // org number typed without a partyUuid is resolved from Altinn's answer, never guessed.
      const listFirmClients = async (): Promise<FirmClient[]> => {
        const seen = new Map<string, FirmClient>();
        for (const su of await altinn.listAgentSystemUsers()) {
          for (const c of await api.availableClients(su.id)) {
            seen.set(c.orgNumber, {
              partyUuid: c.partyUuid,
              orgNumber: c.orgNumber,
              name: c.name,
              variant: '',
              parentOrgNumber: null,
              relationships: [],
              packages: [],
            });
          }
        }
        return [...seen.values()];
      };
      return { ...altinn, listFirmClients, readFirmClients: async () => ({ mark: null, clients: await listFirmClients() }) };
    }));
  const call = async <T>(use: (a: EndUserAltinn) => Promise<T>): Promise<T> => {
    try {
      return await use(await session());
    } catch (error) {
      // A failed login, a world that is gone (refused) or an expired token: sign in again next time. A lost
      // answer keeps the session, and with it the HTTP layer's hold on the service (one per client, as in the app).
      const code = error instanceof AppError ? error.code : null;
      if (code === null || code === 'CONNECTION_REFUSED' || code === 'ALTINN_UNAUTHENTICATED') current = null;
      throw error;
    }
  };
  return {
    firm: { orgNumber: '310000027', partyUuid: randomUUID(), name: 'REGNSKAPSFIRMA AS' },
    listAgentSystemUsers: () => call((a) => a.listAgentSystemUsers()),
    listFirmClients: () => call((a) => a.listFirmClients()),
    readFirmClients: (since, onClients) => call((a) => a.readFirmClients(since, onClients)),
    listDelegatedClients: (su): Promise<DelegatedClient[]> => call((a) => a.listDelegatedClients(su)),
    addClient: (su, client): Promise<CallReceipt> => call((a) => a.addClient(su, client)),
    removeClient: (su, client): Promise<CallReceipt> => call((a) => a.removeClient(su, client)),
  };
}

export interface WorldBatchesOptions {
  concurrency?: number;
  /** Time for the runner's and the HTTP layer's waits (a virtual clock makes Retry-After take no real time). */
  clock?: Clock;
  onExchange?: HttpClientOptions['onExchange'];
}

export function worldBatches(urls: WorldUrls, { concurrency = 5, clock, onExchange }: WorldBatchesOptions = {}) {
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
  const altinn = lazyWorldAltinn(urls, { clock, onExchange });
  const service = createBatchService({
    db,
    clients: createClientsQueryPort(db),
    now: () => new Date(),
    actor: () => 'Morten Lie',
    environment: () => 'demo',
    language: () => 'en',
    concurrency: () => concurrency,
    altinn: () => altinn,
    isOnline: () => online,
    isSignedIn: () => true,
    runner: { clock, pollMs: 50, backoff: { baseMs: 100, maxMs: 1_000 } },
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
