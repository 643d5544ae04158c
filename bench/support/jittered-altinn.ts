// An Altinn whose answers take a jittered time: log-normal, median 40 ms, 99th percentile 400 ms, drawn from a
// fixed seed and tied to the client, so every way of sending the same batch meets exactly the same latencies.
import type { EndUserAltinn } from '../../electron/app/ports';
import { createRng } from '../../electron/demo/random';

export const MEDIAN_MS = 40;
export const P99_MS = 400;
/** z of the 99th percentile of the standard normal distribution. */
const Z99 = 2.3263;
const SIGMA = Math.log(P99_MS / MEDIAN_MS) / Z99;

/** One log-normal latency per key, the same for the same seed and keys. */
export function jitteredLatencies(keys: readonly string[], seed = 16): Map<string, number> {
  // The demo world's seeded generator: the same seed gives the same draws here as there.
  const random = createRng(seed);
  const normal = (): number => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return new Map(keys.map((k) => [k, MEDIAN_MS * Math.exp(SIGMA * normal())]));
}

/** Answers each add after the latency of the client it names, and counts what it was sent. */
export function jitteredAltinn(latencyOf: (clientPartyUuid: string) => number): EndUserAltinn & { calls: () => number } {
  let calls = 0;
  const answer = (clientPartyUuid: string) => {
    calls++;
    return new Promise<{ correlationId: string | null }>((resolve) =>
      setTimeout(() => resolve({ correlationId: null }), latencyOf(clientPartyUuid)),
    );
  };
  return {
    firm: { orgNumber: '310000027', partyUuid: '00000000-0000-4000-8000-000310000027', name: 'REGNSKAPSFIRMA AS' },
    listAgentSystemUsers: async () => [],
    listFirmClients: async () => [],
    readFirmClients: async () => ({ mark: null, clients: [] }),
    listDelegatedClients: async () => [],
    addClient: (_systemUserId, clientPartyUuid) => answer(clientPartyUuid),
    removeClient: (_systemUserId, clientPartyUuid) => answer(clientPartyUuid),
    calls: () => calls,
  };
}
