// Issue 18, point 2 in the app itself: with "Run as the firm's client-administration system user" on, a batch
// queued by a person runs after they sign out, as the system user, and the audit names both; with the setting
// off the same batch waits for a person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchProgress } from '../../../shared/contract/batches';
import { startTestCore, type TestCore } from '../../helpers/core';
import { readAuditActor, wordAuditActor } from '../../../shared/domain/audit-actor';

const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
const SU_K = '2e3f4051-3333-4444-8555-666677778888';
const MORTEN = '14857110014';
const C6 = '310478717'; // a client of the firm's that SU-A does not have in the ready preset
const C4 = '314055403';
const RF_UTEN = 'regnskapsforer-uten-signeringsrettighet';

let t: TestCore;
let kariParty = '';
let kariBatch = '';
beforeAll(async () => {
  t = await startTestCore({ demoClients: 40 });
  await t.call('session.signIn', { pid: MORTEN });
  await t.call('clients.sync', {});
  // Kari is given a client package by a batch a person plans and queues, to run once nobody is signed in.
  const kari = (await t.call('employees.list', {})).find((e) => e.name.startsWith('Kari'))!;
  kariParty = kari.partyUuid;
  const target = await t.call('employees.target', { partyUuid: kari.partyUuid, name: kari.name, packages: [RF_UTEN] });
  kariBatch = (
    await t.call('batches.create', {
      name: 'Kari C4',
      systemUserId: target.id,
      items: [{ orgNumber: C4, operation: 'add' }],
      submit: false,
    })
  ).id;
}, 60_000);
afterAll(() => t?.close());

/** The runner's own progress events for one batch, until one matches. */
function reaches(batchId: string, matches: (p: BatchProgress) => boolean): Promise<BatchProgress> {
  return new Promise((resolve) => {
    const off = t.core.bus.subscribe((name, payload) => {
      const p = payload as BatchProgress;
      if (name === 'batches.progress' && p.batchId === batchId && matches(p)) {
        off();
        resolve(p);
      }
    });
  });
}

describe('a batch with nobody signed in', () => {
  let batchId = '';

  it('waits for a person while the setting is off', async () => {
    const batch = await t.call('batches.create', {
      name: 'Etter arbeidstid',
      systemUserId: SU_A,
      items: [{ orgNumber: C6, operation: 'add' }],
      submit: false,
    });
    batchId = batch.id;
    await t.call('session.signOut', {});
    const waiting = reaches(batchId, (p) => p.pauseReason === 'signed_out');
    await t.call('batches.submit', { id: batchId });
    const paused = await waiting;
    expect(paused.counts.done).toBe(0);
  });

  it('runs as the client-administration system user once the firm turns it on, and the audit names both', async () => {
    const done = reaches(batchId, (p) => ['completed', 'completed_with_failures'].includes(p.state));
    await t.call('settings.update', { environmentConfig: { id: 'demo', unattended: { enabled: true, externalRef: '' } } });
    expect((await done).state).toBe('completed');
    expect(await t.call('session.current', {})).toBeNull();

    const world = t.world!;
    expect(world.admin.delegatedClients(SU_A)).toContain(C6);
    const audit = await t.call('audit.query', { filter: {}, offset: 0, limit: 200 });
    const row = audit.rows.find((r) => r.action === 'client.add' && r.clientOrgNumber === C6);
    expect(row?.outcome).toBe('done');
    // Stored as the facts, worded by the reader's language.
    expect(readAuditActor(row!.actor)).toEqual({ kind: 'systemUser', systemUserId: SU_K, queuedBy: 'Morten Lie' });
    expect(wordAuditActor(row!.actor, 'nb')).toBe(`Systemtilgang ${SU_K} på vegne av Morten Lie`);
  });

  it('gives an employee a client package the same way: Access Management with the system user’s own token', async () => {
    const done = reaches(kariBatch, (p) => ['completed', 'completed_with_failures'].includes(p.state));
    await t.call('batches.submit', { id: kariBatch });
    expect((await done).state).toBe('completed');
    const audit = await t.call('audit.query', { filter: { action: 'client.add' }, offset: 0, limit: 50 });
    const row = audit.rows.find((r) => r.batchId === kariBatch && r.clientOrgNumber === C4);
    expect(row?.outcome).toBe('done');
    expect(readAuditActor(row!.actor)).toEqual({ kind: 'systemUser', systemUserId: SU_K, queuedBy: 'Morten Lie' });
    // Altinn's answer, read by a person afterwards.
    await t.call('session.signIn', { pid: MORTEN });
    const access = await t.call('employees.clientAccess', { orgNumber: C4 });
    expect(access.find((a) => a.partyUuid === kariParty)?.packages).toContainEqual({ role: 'regnskapsforer', packageCode: RF_UTEN });
  });
});
