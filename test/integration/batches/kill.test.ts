// A batch of hundreds of clients, run by a process that is SIGKILLed at 20 random moments and restarted
// each time. At the end Altinn (the demo world) must hold exactly the plan, every item must have exactly one
// final state, and no item may have been sent after it was done.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld } from '../../../electron/demo/index';
import { DB_FILE_NAME } from '../../../electron/core/store/database';
import { availableClients, signInToWorld } from '../../helpers/world-altinn';
import { buildNodeEntry } from './build-node-entry';
import type { KillWorkerConfig } from './kill-worker';
import { startWorker } from './worker-process';

const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
const KILLS = 20;
const WORLD_LATENCY_MS = 30;
const PLAN_SIZE = 520;

let world: DemoWorld;
let script: string;
beforeAll(async () => {
  [script, world] = await Promise.all([
    buildNodeEntry('test/integration/batches/kill-worker.ts', 'kill-worker'),
    startDemoWorld({ port: 0, quiet: true, clients: 1200, preset: 'ready', latencyMs: WORLD_LATENCY_MS }),
  ]);
}, 120_000);
afterAll(async () => {
  await world?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a batch run that is killed again and again', () => {
  it('ends with Altinn holding exactly the plan, each item settled once, and nothing sent after it was done', async () => {
    const urls = { idporten: world.urls.idporten, altinn: world.urls.altinn };
    const token = await signInToWorld(urls);
    const delegatedAtStart = new Set(world.admin.delegatedClients(SU_A));
    const offered = await availableClients(urls, token, SU_A);
    const toRemove = [...delegatedAtStart].slice(0, 3);
    const toAdd = offered.filter((o) => !delegatedAtStart.has(o)).slice(0, PLAN_SIZE - toRemove.length);
    expect(toAdd.length + toRemove.length).toBe(PLAN_SIZE);

    const dir = mkdtempSync(join(tmpdir(), 'kd-kill-'));
    const config: KillWorkerConfig = {
      dataDir: dir,
      urls,
      systemUserId: SU_A,
      concurrency: 5,
      plan: [
        ...toAdd.map((orgNumber) => ({ orgNumber, operation: 'add' as const })),
        ...toRemove.map((orgNumber) => ({ orgNumber, operation: 'remove' as const })),
      ],
    };
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify(config));
    const trafficFrom = world.traffic.list().at(-1)?.id ?? 0;

    const moments: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const life = startWorker(script, configFile);
      const ready = await life.printed('ready');
      expect(ready, `worker life ${kill} died before it was ready: ${life.stderr()}`).toBe(true);
      const moment = Math.round(Math.random() * 150);
      moments.push(moment);
      await sleep(moment);
      // The batch must still be running when it is killed, or the kill proves nothing.
      expect(life.child.exitCode, `the batch finished before kill ${kill + 1}; the plan is too small`).toBeNull();
      life.child.kill('SIGKILL');
      expect((await life.exited).signal).toBe('SIGKILL');
      // Let the world finish any call the dead process left behind, so reconciliation sees the final truth.
      await sleep(WORLD_LATENCY_MS + 70);
    }

    const last = startWorker(script, configFile);
    expect(await last.printed('finished'), `the last life did not finish: ${last.stderr()}`).toBe(true);
    expect((await last.exited).code).toBe(0);

    const expected = new Set([...delegatedAtStart, ...toAdd].filter((o) => !toRemove.includes(o)));
    expect(new Set(world.admin.delegatedClients(SU_A))).toEqual(expected);

    const db = new BetterSqlite3(join(dir, DB_FILE_NAME), { readonly: true });
    try {
      const states = db.prepare('SELECT state, COUNT(*) AS n FROM batch_items GROUP BY state').all() as { state: string; n: number }[];
      expect(states, `kill moments (ms after ready): ${moments.join(', ')}`).toEqual([{ state: 'done', n: PLAN_SIZE }]);
      const sentAfterDone = db
        .prepare(
          "SELECT COUNT(*) AS n FROM batch_sends s JOIN batch_items i ON i.id = s.item_id WHERE i.state = 'done' AND (i.done_by_send_id IS NULL OR s.id > i.done_by_send_id)",
        )
        .get() as { n: number };
      expect(sentAfterDone.n).toBe(0);
      // The kills did hit items in flight, and those were settled from Altinn's list rather than resent blindly.
      const reconciled = db.prepare("SELECT COUNT(*) AS n FROM batch_sends WHERE outcome LIKE 'reconciled:%'").get() as { n: number };
      expect(reconciled.n).toBeGreaterThan(0);
      const auditDone = db.prepare("SELECT COUNT(*) AS n FROM audit_log WHERE action LIKE 'client.%' AND outcome = 'done'").get() as {
        n: number;
      };
      expect(auditDone.n).toBe(PLAN_SIZE);
    } finally {
      db.close();
    }

    // Altinn saw exactly one successful call per client: nothing lost, nothing duplicated.
    const calls = world.traffic
      .list(trafficFrom)
      .filter(
        (e) =>
          e.service === 'altinn' &&
          (e.method === 'POST' || e.method === 'DELETE') &&
          e.path.includes('/enduser/systemuser/clients') &&
          e.status === 200,
      );
    const perClient = new Map<string, number>();
    for (const c of calls) {
      const client = new URL(c.path, 'http://x').searchParams.get('client')!;
      perClient.set(client, (perClient.get(client) ?? 0) + 1);
    }
    expect(perClient.size).toBe(PLAN_SIZE);
    expect([...perClient.values()].every((n) => n === 1)).toBe(true);
  }, 300_000);
});
