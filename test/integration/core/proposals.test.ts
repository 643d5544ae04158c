// Proposals after each sync: the world adds a client (UKJENT HANDEL AS registers the firm as its accountant) and
// one leaves (c2, delegated to SU-A); the next sync drafts the batches the firm's routing rules call for.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchProgress } from '../../../shared/contract/batches';
import { startTestCore, worldAdmin, type TestCore } from '../../helpers/core';

const SU_A = '0c1d2e3f-1111-4222-8333-444455556666';
const SU_B = '1d2e3f40-2222-4333-8444-555566667777';
const MORTEN = '14857110014';
const NEW_CLIENT = '310000086';
const LEAVING = '311851381'; // c2, delegated to SU-A in the ready preset

let t: TestCore;
let departedBatch = '';
const admin = (path: string, body: unknown) => worldAdmin(t, path, body);

beforeAll(async () => {
  t = await startTestCore();
  await t.call('session.signIn', { pid: MORTEN });
  await t.call('settings.update', {
    proposals: {
      rules: [
        { relationship: 'REGN', systemUserIds: [SU_A], groups: ['Team X'], employeePackages: ['regnskapsforer-lonn'], unattended: false },
        { relationship: 'REVI', systemUserIds: [SU_B], unattended: false },
      ],
      groups: [{ name: 'Team X', members: [] }],
    },
  });
});
afterAll(() => t?.close());

describe('proposals after a sync', () => {
  it('the first sync sets the baseline and proposes nothing', async () => {
    const first = await t.call('clients.sync', {});
    expect(first.firstSync).toBe(true);
    expect(await t.call('proposals.list', {})).toEqual([]);
  });

  it('drafts the new client for the system user and each employee of the group its relationship routes to, and the removal of one that left', async () => {
    // The group is filled with the firm's first agent as Altinn lists them (Kari in the ready preset).
    const agent = (await t.call('employees.list', {}))[0]!;
    const { proposals: configured } = await t.call('settings.get', {});
    await t.call('settings.update', {
      proposals: { rules: configured.rules, groups: [{ name: 'Team X', members: [{ partyUuid: agent.partyUuid, name: agent.name }] }] },
    });
    await admin('/clients/join', { orgNo: NEW_CLIENT, roles: ['REGN'] });
    await admin('/clients/leave', { orgNo: LEAVING });
    const second = await t.call('clients.sync', {});
    expect(second.added.map((c) => c.orgNumber)).toEqual([NEW_CLIENT]);
    expect(second.removed.map((c) => c.orgNumber)).toEqual([LEAVING]);

    const proposals = await t.call('proposals.list', {});
    // One draft per target: SU-A and the group's employee each get the new client.
    const forEmployee = proposals.find((p) => p.kind === 'new_clients' && p.batch.systemUserId !== SU_A)!;
    expect(forEmployee).toMatchObject({ relationship: 'REGN', submittedUnattended: false, batch: { state: 'draft' } });
    expect(forEmployee.batch.systemUserTitle).toBe(`${agent.name} (regnskapsforer-lonn)`);
    const employeeItems = await t.call('batches.get', { id: forEmployee.batch.id, offset: 0, limit: 10 });
    expect(employeeItems.items.map((i) => [i.orgNumber, i.operation])).toEqual([[NEW_CLIENT, 'add']]);
    const byKind = Object.fromEntries(proposals.filter((p) => p !== forEmployee).map((p) => [p.kind, p]));
    expect(Object.keys(byKind).sort()).toEqual(['departed_clients', 'new_clients']);
    expect(proposals).toHaveLength(3);
    // REGN goes to SU-A only; nothing is routed to SU-B (REVI), and nothing is sent without a person.
    expect(byKind.new_clients).toMatchObject({
      relationship: 'REGN',
      submittedUnattended: false,
      batch: { systemUserId: SU_A, state: 'draft' },
    });
    expect(byKind.departed_clients).toMatchObject({ relationship: null, batch: { systemUserId: SU_A, state: 'draft' } });

    const added = await t.call('batches.get', { id: byKind.new_clients!.batch.id, offset: 0, limit: 10 });
    expect(added.items.map((i) => [i.orgNumber, i.operation])).toEqual([[NEW_CLIENT, 'add']]);
    expect(added.items[0]!.partyUuid).not.toBe('');
    const removed = await t.call('batches.get', { id: byKind.departed_clients!.batch.id, offset: 0, limit: 10 });
    expect(removed.items.map((i) => [i.orgNumber, i.operation])).toEqual([[LEAVING, 'remove']]);
    departedBatch = byKind.departed_clients!.batch.id;
  });

  it('a removal for a client that has left settles as already done: its delegation went with the client', async () => {
    const settled = new Promise<void>((resolve) => {
      const off = t.core.bus.subscribe((name, payload) => {
        const p = payload as BatchProgress;
        if (name !== 'batches.progress' || p.batchId !== departedBatch || !['completed', 'completed_with_failures'].includes(p.state))
          return;
        off();
        resolve();
      });
    });
    await t.call('batches.submit', { id: departedBatch });
    await settled;
    const { batch, items } = await t.call('batches.get', { id: departedBatch, offset: 0, limit: 10 });
    expect(items.map((i) => [i.orgNumber, i.state, i.skipReason])).toEqual([[LEAVING, 'skipped', 'ALREADY_DONE']]);
    expect(batch.state).toBe('completed');
    const audit = await t.call('audit.query', { filter: { action: 'client.remove' }, offset: 0, limit: 10 });
    expect(audit.rows.find((r) => r.batchId === departedBatch)).toMatchObject({ outcome: 'skipped', code: 'ALREADY_DONE' });
  });

  it('a rule with unattended submission leaves a draft while the firm does not run unattended', async () => {
    await t.call('settings.update', { proposals: { rules: [{ relationship: 'REGN', systemUserIds: [SU_B], unattended: true }] } });
    await admin('/clients/leave', { orgNo: NEW_CLIENT });
    await t.call('clients.sync', {});
    await admin('/clients/join', { orgNo: NEW_CLIENT });
    await t.call('clients.sync', {});
    const latest = (await t.call('proposals.list', {}))[0]!;
    expect(latest).toMatchObject({ kind: 'new_clients', submittedUnattended: false, batch: { systemUserId: SU_B, state: 'draft' } });
  });

  it('with the unattended setting on, the rule submits its proposal at once, and the audit says so', async () => {
    await t.call('settings.update', { environmentConfig: { id: 'demo', unattended: { enabled: true, externalRef: '' } } });
    await admin('/clients/leave', { orgNo: NEW_CLIENT });
    await t.call('clients.sync', {});
    await admin('/clients/join', { orgNo: NEW_CLIENT });
    await t.call('clients.sync', {});
    const latest = (await t.call('proposals.list', {}))[0]!;
    expect(latest).toMatchObject({ kind: 'new_clients', submittedUnattended: true, batch: { systemUserId: SU_B } });
    expect(latest.batch.state).not.toBe('draft');
    const audit = await t.call('audit.query', { filter: { action: 'batch.submitted_unattended' }, offset: 0, limit: 10 });
    expect(audit.rows.map((r) => r.batchId)).toEqual([latest.batch.id]);
  });
});
