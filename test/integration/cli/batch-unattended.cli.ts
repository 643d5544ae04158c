// `npm run -s batch` with nobody signed in: a 500-item batch file against a standalone demo world, run by the
// firm's client-administration system user, SIGKILLed once mid-run and resumed with `run`. At the end the world
// holds exactly the plan, and the audit names the system user that acted and the person who queued the batch.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBatchFile } from '../../../electron/features/batches/batch-file';
import { createSettingsStore } from '../../../electron/platform/settings/settings-store';
import { lockDataFolder } from '../../../electron/platform/store/data-folder-lock';
import { DB_FILE_NAME, openDatabase } from '../../../electron/platform/store/database';
import { buildNodeEntry } from '../batches/build-node-entry';
import { offeredClients } from '../batches/world-clients';
import { signInToWorld } from '../../helpers/world-altinn';
import { startWorldProcess, type WorldProcess } from '../../helpers/world-process';
import { readAuditActor } from '../../../shared/domain/audit-actor';

const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
const SU_K = '2e3f4051-3333-4444-8555-666677778888';
const PLAN_SIZE = 500;
const PASSPHRASE = 'unattended batch passphrase 2026';
const NODE = Number(process.versions.node.split('.')[0]) >= 22 ? process.execPath : 'node_modules/.bin/node';

let world: WorldProcess;
let script: string;
const dirs: string[] = [];
const tempDir = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'kd-batch-cli-'));
  dirs.push(d);
  return d;
};

const worldArgs = () => ['--world', world.info.urls.admin, '--world-secret', world.adminSecret];
const cliEnv = (dataDir: string) => ({ ...process.env, KLIENTDESK_DATA_DIR: dataDir, KLIENTDESK_KEY_PASSPHRASE: PASSPHRASE });

function runCli(dataDir: string, args: string[]): { status: number | null; json: Record<string, unknown>; stderr: string } {
  const r = spawnSync(NODE, [script, ...args], { env: cliEnv(dataDir), encoding: 'utf8', timeout: 60_000 });
  const lines = r.stdout.trim().split('\n');
  expect(lines, `stdout must be exactly one JSON object: ${r.stdout}`).toHaveLength(1);
  return { status: r.status, json: JSON.parse(lines[0]!) as Record<string, unknown>, stderr: r.stderr };
}

function turnOnUnattended(dataDir: string): void {
  const { db } = openDatabase({ file: join(dataDir, DB_FILE_NAME) });
  createSettingsStore(db).update({ environmentConfig: { id: 'demo', unattended: { enabled: true, externalRef: '' } } });
  db.close();
}

async function delegatedInWorld(systemUser: string): Promise<string[]> {
  const res = await world.admin(`/delegations?systemUser=${systemUser}`);
  return ((await res.json()) as { clients: string[] }).clients;
}

describe('npm run -s batch, unattended', () => {
  beforeAll(async () => {
    [script, world] = await Promise.all([
      buildNodeEntry('electron/cli/batch/main.ts', 'batch-cli'),
      // A little latency per call, so the kill lands in the middle of the run rather than after it.
      startWorldProcess({ clients: 800, args: ['--latency', '15'] }),
    ]);
  }, 120_000);
  afterAll(async () => {
    await world?.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('runs a 500-item plan as the system user, survives a SIGKILL, and ends with the world equal to the plan', async () => {
    const urls = world.info.urls;
    const before = new Set(await delegatedInWorld(SU_A));
    const offered = await offeredClients(urls, await signInToWorld(urls), SU_A);
    const plan = offered.filter((c) => !before.has(c.orgNumber)).slice(0, PLAN_SIZE);
    expect(plan).toHaveLength(PLAN_SIZE);

    const dataDir = tempDir();
    turnOnUnattended(dataDir);
    const file = join(tempDir(), 'plan.json');
    // No party UUIDs in the file: the system user must read them from Altinn's client list itself.
    const items = plan.map((c) => ({ orgNumber: c.orgNumber, operation: 'add' as const, partyUuid: '', name: null }));
    const exported = writeBatchFile(
      { name: 'Nye klienter', environment: 'demo', systemUserId: SU_A, systemUserTitle: 'SmartRegnskap – klienter' },
      items,
      { by: 'Morten Lie', at: new Date('2026-11-24T08:00:00Z') },
    );
    writeFileSync(file, exported.content);

    // First life: killed once some items are done and others are still to go.
    const first = spawn(NODE, [script, 'submit', file, ...worldArgs()], { env: cliEnv(dataDir), stdio: ['ignore', 'pipe', 'pipe'] });
    const killedAt = await new Promise<number>((resolve, reject) => {
      const rl = createInterface({ input: first.stderr! });
      rl.on('line', (line) => {
        const done = Number(/: (\d+) done/.exec(line)?.[1] ?? 0);
        if (done >= 50) {
          first.kill('SIGKILL');
          rl.close();
          resolve(done);
        }
      });
      first.once('exit', (code) => reject(new Error(`the first run ended by itself (${code}) before it could be killed`)));
    });
    await new Promise((r) => (first.exitCode !== null || first.signalCode !== null ? r(null) : first.once('exit', r)));
    expect(first.signalCode).toBe('SIGKILL');
    expect(killedAt).toBeLessThan(PLAN_SIZE);

    const listed = runCli(dataDir, ['list']);
    const batchId = ((listed.json.batches as Array<{ id: string }>)[0] ?? { id: '' }).id;
    const interrupted = runCli(dataDir, ['status', batchId]);
    expect(interrupted.status).toBe(4);

    // Second life: picks up what the killed one left, settling its in-flight items from Altinn's own list.
    const resumed = runCli(dataDir, ['run', ...worldArgs()]);
    expect(resumed.status, resumed.stderr).toBe(0);
    expect(resumed.json).toMatchObject({ ok: true, exitCode: 0, end: 'finished', systemUserId: SU_K });
    const [batch] = resumed.json.batches as Array<{ id: string; state: string; counts: Record<string, number> }>;
    expect(batch).toMatchObject({
      id: batchId,
      createdBy: 'Morten Lie',
      state: 'completed',
      counts: { done: PLAN_SIZE, failed: 0, unknown: 0, pending: 0 },
    });

    const after = new Set(await delegatedInWorld(SU_A));
    expect([...after].sort()).toEqual([...new Set([...before, ...plan.map((c) => c.orgNumber)])].sort());

    const db = new BetterSqlite3(join(dataDir, DB_FILE_NAME), { readonly: true });
    const rows = db
      .prepare(
        "SELECT actor, client_org_number AS org FROM audit_log WHERE batch_id = ? AND outcome = 'done' AND client_org_number IS NOT NULL",
      )
      .all(batchId) as Array<{ actor: string; org: string }>;
    db.close();
    expect(new Set(rows.map((r) => r.org)).size).toBe(PLAN_SIZE);
    expect(rows).toHaveLength(PLAN_SIZE);
    for (const r of rows) expect(readAuditActor(r.actor)).toEqual({ kind: 'systemUser', systemUserId: SU_K, queuedBy: 'Morten Lie' });

    expect(runCli(dataDir, ['status', batchId]).status).toBe(0);
  }, 60_000);

  it('needs the setting turned on: exit 3, nothing sent', () => {
    const r = runCli(tempDir(), ['run', ...worldArgs()]);
    expect(r.status).toBe(3);
    expect(r.json).toMatchObject({ ok: false, exitCode: 3, error: { code: 'UNATTENDED_OFF' } });
  });

  it('refuses a data folder another process owns: exit 5', () => {
    const dataDir = tempDir();
    const lock = lockDataFolder(dataDir, 'the test');
    try {
      const r = runCli(dataDir, ['list']);
      expect(r.status).toBe(5);
      expect(r.json).toMatchObject({ ok: false, error: { code: 'DATA_FOLDER_IN_USE' } });
    } finally {
      lock.release();
    }
  });

  it('a wrong command line is exit 2 with one JSON object', () => {
    const r = runCli(tempDir(), ['status']);
    expect(r.status).toBe(2);
    expect(r.json).toMatchObject({ ok: false, exitCode: 2, error: { code: 'USAGE' } });
  });
});
