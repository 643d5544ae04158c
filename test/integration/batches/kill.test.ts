// A batch of 500 clients, run by a process that is SIGKILLed at 20 random moments and restarted each time,
// while the network loses some answers (the call reaches Altinn and is applied, the answer never comes
// back). At the end Altinn (the demo world, which outlives every kill) must hold exactly the plan, every item
// must have exactly one final state and one final audit entry, no send may have gone out while an earlier
// one for the same client was unsettled, and a second process on the same folder is refused.
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld } from '../../../electron/demo/index';
import { DB_FILE_NAME } from '../../../electron/platform/store/database';
import { signInToWorld } from '../../helpers/world-altinn';
import { buildNodeEntry } from './build-node-entry';
import type { KillWorkerConfig } from './kill-worker';
import { startLostAnswerProxy, type LostAnswerProxy } from './lost-answer-proxy';
import { delegatedClients, offeredClients } from './world-clients';
import { REFUSED_EXIT_CODE, startWorker } from './worker-process';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
const KILLS = 20;
const WORLD_LATENCY_MS = 20;
const PLAN_SIZE = 500;
const LOSE_RATE = 0.05;

let world: DemoWorld;
let proxy: LostAnswerProxy;
let script: string;
const dirs: string[] = [];
beforeAll(async () => {
  [script, world] = await Promise.all([
    buildNodeEntry('test/integration/batches/kill-worker.ts', 'kill-worker'),
    startDemoWorld({ port: 0, quiet: true, clients: 1200, preset: 'ready', latencyMs: WORLD_LATENCY_MS }),
  ]);
  proxy = await startLostAnswerProxy(world.urls.altinn, 20261201);
}, 120_000);
afterAll(async () => {
  await proxy?.close();
  await world?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** Seeded, so a failing run can be repeated: how many delegation calls a life makes before it is killed. */
function killPoints(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    return 1 + (s % 40);
  };
}

describe('a batch run that is killed again and again while answers are lost', () => {
  it('ends with Altinn holding exactly the plan, each item settled once, and nothing sent out of turn', async () => {
    const urls = { idporten: world.urls.idporten, altinn: proxy.url };
    const token = await signInToWorld(urls);
    const delegatedAtStart = await delegatedClients(urls, token, SU_A);
    const delegatedOrgs = new Set(delegatedAtStart.map((c) => c.orgNumber));
    const offered = await offeredClients(urls, token, SU_A);
    const toRemove = delegatedAtStart.slice(0, 3);
    const toAdd = offered.filter((o) => !delegatedOrgs.has(o.orgNumber)).slice(0, PLAN_SIZE - toRemove.length);
    expect(toAdd.length + toRemove.length).toBe(PLAN_SIZE);

    const dir = temp.make('kill');
    dirs.push(dir);
    const config: KillWorkerConfig = {
      dataDir: dir,
      urls,
      systemUserId: SU_A,
      concurrency: 5,
      plan: [...toAdd.map((c) => ({ ...c, operation: 'add' as const })), ...toRemove.map((c) => ({ ...c, operation: 'remove' as const }))],
    };
    const configFile = join(dir, 'config.json');
    writeFileSync(configFile, JSON.stringify(config));
    const trafficFrom = world.traffic.list().at(-1)?.id ?? 0;
    proxy.loseRate = LOSE_RATE;

    const nextKill = killPoints(7);
    const moments: number[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const life = startWorker(script, configFile);
      const ready = await life.printed('ready');
      expect(ready, `worker life ${kill} died before it was ready: ${life.stderr()}`).toBe(true);
      const moment = nextKill();
      moments.push(moment);
      // Killed after a number of its calls have left, whatever the machine's speed.
      await Promise.race([proxy.afterRequests(moment), life.exited]);
      expect(life.child.exitCode, `the batch finished before kill ${kill + 1}; the plan is too small`).toBeNull();
      life.child.kill('SIGKILL');
      expect((await life.exited).signal).toBe('SIGKILL');
      // The dead process's last calls still land at Altinn; the next life starts once they have.
      await proxy.quiet();
    }

    const last = startWorker(script, configFile);
    expect(await last.printed('ready'), last.stderr()).toBe(true);
    // A second process on the same data folder is turned away with a sentence and sends nothing.
    const second = startWorker(script, configFile);
    const refused = await second.exited;
    expect(refused.code, second.stderr()).toBe(REFUSED_EXIT_CODE);
    expect(second.stderr()).toMatch(/data folder is already in use by the kill-test worker \(process \d+/);
    expect(await last.printed('finished'), `the last life did not finish: ${last.stderr()}`).toBe(true);
    expect((await last.exited).code).toBe(0);
    expect(proxy.lost, 'the network lost no answers; the fault proves nothing').toBeGreaterThan(5);

    const expected = new Set([...delegatedOrgs, ...toAdd.map((c) => c.orgNumber)].filter((o) => !toRemove.some((r) => r.orgNumber === o)));
    expect(new Set(world.admin.delegatedClients(SU_A))).toEqual(expected);

    const db = new BetterSqlite3(join(dir, DB_FILE_NAME), { readonly: true });
    try {
      const states = db.prepare('SELECT state, COUNT(*) AS n FROM batch_items GROUP BY state').all() as { state: string; n: number }[];
      expect(states, `kill points (calls per life): ${moments.join(', ')}`).toEqual([{ state: 'done', n: PLAN_SIZE }]);
      const sentAfterDone = db
        .prepare(
          "SELECT COUNT(*) AS n FROM batch_sends s JOIN batch_items i ON i.id = s.item_id WHERE i.state = 'done' AND (i.done_by_send_id IS NULL OR s.id > i.done_by_send_id)",
        )
        .get() as { n: number };
      expect(sentAfterDone.n).toBe(0);
      // Every send but an item's last was settled (answered, or read from Altinn's list) before the next one
      // left: none is still open or unknown.
      const openBeforeNext = db
        .prepare(
          `SELECT COUNT(*) AS n FROM batch_sends s WHERE s.id < (SELECT MAX(id) FROM batch_sends t WHERE t.item_id = s.item_id)
             AND (s.outcome IS NULL OR s.outcome LIKE 'unknown:%')`,
        )
        .get() as { n: number };
      expect(openBeforeNext.n).toBe(0);
      // The kills and the lost answers did hit calls, and those were settled from Altinn's list.
      const reconciled = db.prepare("SELECT COUNT(*) AS n FROM batch_sends WHERE outcome LIKE 'reconciled:%'").get() as { n: number };
      expect(reconciled.n).toBeGreaterThan(0);
      const finalAudit = db
        .prepare(
          `SELECT client_org_number AS org, COUNT(*) AS n FROM audit_log
           WHERE action LIKE 'client.%' AND outcome IN ('done', 'failed', 'skipped') GROUP BY client_org_number`,
        )
        .all() as { org: string; n: number }[];
      expect(finalAudit).toHaveLength(PLAN_SIZE);
      expect(finalAudit.filter((r) => r.n !== 1)).toEqual([]);
    } finally {
      db.close();
    }

    // Altinn applied exactly one call per client: nothing lost, nothing duplicated, lost answers included.
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
    expect([...perClient.entries()].filter(([, n]) => n !== 1)).toEqual([]);
  }, 300_000);
});
