// Row 5: open claims for 500 delegated clients through claims.fetchOpen, which may keep at most 5 calls in flight
// (Skatteetaten's limit per organisation and API), against the ideal: 500 / 5 × the latency of one call, measured
// in the same run. Skatteetaten's answers get 40 ms of latency, standing in for the network, so the row shows
// whether the pool keeps five calls busy rather than how fast this machine verifies tokens.
import type { BenchCore } from '../support/core';
import { MORTEN_PID, startBenchCore, timed } from '../support/core';
import { round, type BenchRow } from '../row';

const CLIENTS = 500;
const LIMIT = 5;
const LATENCY_MS = 40;
const SAMPLES = 20;

/** Delegates clients that give every package of the system user until `count` are delegated; returns them. */
async function delegateClients(t: BenchCore, systemUserId: string, count: number): Promise<string[]> {
  const { rows } = await t.call('clients.query', { query: { systemUserId, delegated: 'no', subUnits: 'exclude' }, offset: 0, limit: 1000 });
  const candidates = rows.filter((r) => r.suggestedSystemUserId === systemUserId);
  const altinn = t.core.runtime.altinn();
  const done = [...(await altinn.listDelegatedClients(systemUserId)).map((c) => c.orgNumber)];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (done.length < count && next < candidates.length) {
      const c = candidates[next++]!;
      try {
        await altinn.addClient(systemUserId, c.partyUuid);
        done.push(c.orgNumber);
      } catch {
        // A client Altinn refuses is skipped; there are enough others.
      }
    }
  };
  await Promise.all(Array.from({ length: LIMIT }, worker));
  if (done.length < count) throw new Error(`only ${done.length} clients could be delegated`);
  return done.slice(0, count);
}

export const claimsFetch: BenchRow = {
  id: 'claims',
  title: 'Claims (500 clients, limit 5)',
  async run() {
    const t = await startBenchCore({ demoClients: 2000 });
    try {
      await t.call('session.signIn', { pid: MORTEN_PID });
      await t.call('clients.sync', {});
      const world = t.world!;
      const orgNumbers = await delegateClients(t, world.info.systemUsers.suA.id, CLIENTS);
      world.admin.setFaults([{ service: 'skatteetaten', pathPrefix: '/v1/', latencyMs: LATENCY_MS }]);

      // One call at a time, after a warm-up that fetches the token: the latency a single call has here.
      const krav = t.core.runtime.krav();
      await krav.openClaims(orgNumbers[0]!);
      const single: number[] = [];
      for (let i = 0; i < SAMPLES; i++) single.push((await timed(() => krav.openClaims(orgNumbers[i]!))).ms);
      const perCallMs = single.reduce((a, b) => a + b, 0) / single.length;

      const since = world.traffic.list().at(-1)?.id ?? 0;
      const run = await timed(() => t.call('claims.fetchOpen', { orgNumbers }));
      const tooMany = world.traffic.list(since).filter((e) => e.service === 'skatteetaten' && e.status === 429).length;
      const ok = run.value.clients.filter((c) => c.outcome === 'ok' || c.outcome === 'none').length;
      const idealMs = (CLIENTS / LIMIT) * perCallMs;
      return {
        id: this.id,
        title: this.title,
        subject: { label: 'claims.fetchOpen', value: round(run.ms, 0), unit: 'ms' },
        baseline: { label: `ideal ${CLIENTS} / ${LIMIT} × ${round(perCallMs, 1)} ms`, value: round(idealMs, 0), unit: 'ms' },
        ratio: round(run.ms / idealMs),
        note: `near 1 means five calls are always in flight; ${LATENCY_MS} ms of added latency per answer`,
        extra: [
          { label: 'clients answered', value: ok, unit: `of ${CLIENTS}` },
          { label: '429s from Skatteetaten', value: tooMany, unit: 'answers' },
        ],
      };
    } finally {
      await t.close();
    }
  },
};
