// The employees feature through the whole core against the embedded demo world: list, add and remove agents,
// and client packages given to an employee by a batch (review, exactly-once runner, audit) like a system user's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BatchProgress } from '../../../shared/contract/batches';
import { startTestCore, type TestCore } from '../../helpers/core';

const MORTEN = '14857110014';
const C2 = '311851381';
const C4 = '314055403';
const C8 = '310000035';
const C5 = '212201782';
const RF_UTEN = 'regnskapsforer-uten-signeringsrettighet';

let t: TestCore;

beforeAll(async () => {
  t = await startTestCore({ demoClients: 40 });
  await t.call('session.signIn', { pid: MORTEN });
  await t.call('clients.sync', {});
}, 60_000);
afterAll(() => t?.close());

/** Resolves when the runner reports the batch in a final state (the runner's own progress events, no polling). */
function finished(batchId: string): Promise<BatchProgress> {
  return new Promise((resolve) => {
    const off = t.core.bus.subscribe((name, payload) => {
      const p = payload as BatchProgress;
      if (name === 'batches.progress' && p.batchId === batchId && ['completed', 'completed_with_failures'].includes(p.state)) {
        off();
        resolve(p);
      }
    });
  });
}

const kari = async () => (await t.call('employees.list', {})).find((e) => e.name === 'Kari Nordby')!;

describe('employees', () => {
  it('lists the employees who are agents, with their client count and packages', async () => {
    const list = await t.call('employees.list', {});
    expect(list.map((e) => e.name).sort()).toEqual(['Kari Nordby', 'Sofie Bakke']);
    expect(await kari()).toMatchObject({ clientCount: 2, packages: ['regnskapsforer-med-signeringsrettighet'] });
  });

  it('refuses a national id with a bad checksum before asking Altinn, and says what Altinn said for a wrong last name', async () => {
    await expect(t.call('employees.add', { personIdentifier: '11889210055', lastName: 'Haugen' })).rejects.toMatchObject({
      code: 'INVALID_AGENT_IDENTIFIER',
      params: { problem: 'bad-check-digits' },
    });
    await expect(t.call('employees.add', { personIdentifier: '118892 10054', lastName: 'Hansen' })).rejects.toMatchObject({
      code: 'AM.VLD-00034',
    });
  });

  it('adds an employee by national id and last name', async () => {
    const added = await t.call('employees.add', { personIdentifier: '118892 10054', lastName: 'Haugen' });
    expect(added.name).toBe('Ingrid Haugen');
    expect((await t.call('employees.list', {})).map((e) => e.partyUuid)).toContain(added.partyUuid);
  });

  it('gives Kari a client package through a batch, reviewed against what the firm holds, and shows her under the client', async () => {
    const k = await kari();
    const target = await t.call('employees.target', { partyUuid: k.partyUuid, name: k.name, packages: [RF_UTEN] });
    const review = await t.call('batches.review', { systemUserId: target.id, operation: 'add', orgNumbers: [C4, C8] });
    expect(review.map((r) => [r.orgNumber, r.verdict])).toEqual([
      [C4, 'ready'],
      [C8, 'fails_and_rule'],
    ]);
    const batch = await t.call('batches.create', {
      name: 'Kari C4',
      systemUserId: target.id,
      items: [{ orgNumber: C4, operation: 'add' }],
      submit: false,
    });
    expect(batch.systemUserTitle).toContain('Kari Nordby');
    const done = finished(batch.id);
    await t.call('batches.submit', { id: batch.id });
    expect((await done).state).toBe('completed');
    const access = await t.call('employees.clientAccess', { orgNumber: C4 });
    expect(access.find((a) => a.partyUuid === k.partyUuid)).toMatchObject({
      kind: 'person',
      packages: [{ role: 'regnskapsforer', packageCode: RF_UTEN }],
    });
    expect(access.some((a) => a.kind === 'systemUser')).toBe(true);
    const again = await t.call('batches.review', { systemUserId: target.id, operation: 'add', orgNumbers: [C4] });
    expect(again[0]!.verdict).toBe('already_done');
  });

  it('takes the package back by a removal batch, and audits each step', async () => {
    const k = await kari();
    const target = await t.call('employees.target', { partyUuid: k.partyUuid, name: k.name, packages: [RF_UTEN] });
    const batch = await t.call('batches.create', {
      name: 'Kari C4 off',
      systemUserId: target.id,
      items: [{ orgNumber: C4, operation: 'remove' }],
      submit: false,
    });
    const done = finished(batch.id);
    await t.call('batches.submit', { id: batch.id });
    expect((await done).state).toBe('completed');
    expect((await t.call('employees.clientAccess', { orgNumber: C4 })).map((a) => a.partyUuid)).not.toContain(k.partyUuid);
    const audit = await t.call('audit.query', { filter: {}, offset: 0, limit: 200 });
    const actions = audit.rows.map((r) => `${r.action}:${r.outcome}`);
    expect(actions).toEqual(expect.arrayContaining(['employee.add:done', 'employee.add:failed', 'client.add:done', 'client.remove:done']));
    expect(audit.rows.filter((r) => r.action === 'client.add' && r.systemUserId === target.id).map((r) => r.clientOrgNumber)).toEqual([C4]);
  });

  it('a delegation whose answer was lost is settled from Altinn’s list, not sent again', async () => {
    const k = await kari();
    const target = await t.call('employees.target', { partyUuid: k.partyUuid, name: k.name, packages: [RF_UTEN] });
    const path = '/accessmanagement/api/v1/enduser/clientdelegations/agents/accesspackages';
    t.world!.admin.setFaults([{ service: 'altinn', method: 'POST', pathPrefix: path, kind: 'lose-answer', mode: 'drop', times: 1 }]);
    const since = t.world!.traffic.list().at(-1)?.id ?? 0;
    try {
      const batch = await t.call('batches.create', {
        name: 'Kari C5',
        systemUserId: target.id,
        items: [{ orgNumber: C5, operation: 'add' }],
        submit: false,
      });
      const done = finished(batch.id);
      await t.call('batches.submit', { id: batch.id });
      expect((await done).state).toBe('completed');
      const posts = t.world!.traffic.list().filter((e) => e.id > since && e.method === 'POST' && e.path.startsWith(path));
      expect(posts.map((e) => e.fault ?? 'answered')).toEqual(['lostAnswer']);
      const access = await t.call('employees.clientAccess', { orgNumber: C5 });
      expect(access.find((a) => a.partyUuid === k.partyUuid)?.packages).toEqual([{ role: 'regnskapsforer', packageCode: RF_UTEN }]);
    } finally {
      t.world!.admin.clearFaults();
    }
  });

  it('removes an employee only with the client rights the administrator saw, and those go too', async () => {
    const k = await kari();
    const clients = await t.call('employees.clients', { partyUuid: k.partyUuid });
    expect(clients.map((c) => c.orgNumber).sort()).toEqual([C2, '314961900', C5].sort());
    await expect(t.call('employees.remove', { partyUuid: k.partyUuid, confirmedClientCount: 0 })).rejects.toMatchObject({
      code: 'EMPLOYEE_ACCESS_CHANGED',
    });
    expect(await t.call('employees.remove', { partyUuid: k.partyUuid, confirmedClientCount: 3 })).toEqual({ removedClientCount: 3 });
    expect((await t.call('employees.list', {})).map((e) => e.name)).not.toContain('Kari Nordby');
    expect((await t.call('employees.clientAccess', { orgNumber: C2 })).map((a) => a.partyUuid)).not.toContain(k.partyUuid);
  });
});

describe('employee writes whose answer is lost', () => {
  const AGENTS = '/accessmanagement/api/v1/enduser/clientdelegations/agents';
  const lastAudit = () => t.core.db.prepare('SELECT action, outcome FROM audit_log ORDER BY id DESC LIMIT 1').get();

  it('an add is audited as unknown, not failed, and the list then shows that it took effect', async () => {
    t.world!.admin.setFaults([{ service: 'altinn', method: 'POST', pathPrefix: AGENTS, kind: 'lose-answer', mode: 'drop', times: 1 }]);
    try {
      await expect(t.call('employees.add', { personIdentifier: 'olanilsen', lastName: 'Nilsen' })).rejects.toBeDefined();
    } finally {
      t.world!.admin.clearFaults();
    }
    expect(lastAudit()).toEqual({ action: 'employee.add', outcome: 'unknown' });
    expect((await t.call('employees.list', {})).map((e) => e.name)).toContain('Ola Nilsen');
  });

  it('a removal is settled from Altinn’s list of agents', async () => {
    const ola = (await t.call('employees.list', {})).find((e) => e.name === 'Ola Nilsen')!;
    t.world!.admin.setFaults([{ service: 'altinn', method: 'DELETE', pathPrefix: AGENTS, kind: 'lose-answer', mode: 'drop', times: 1 }]);
    try {
      expect(await t.call('employees.remove', { partyUuid: ola.partyUuid, confirmedClientCount: 0 })).toEqual({ removedClientCount: 0 });
    } finally {
      t.world!.admin.clearFaults();
    }
    expect(lastAudit()).toEqual({ action: 'employee.remove', outcome: 'done' });
    expect((await t.call('employees.list', {})).map((e) => e.name)).not.toContain('Ola Nilsen');
  });
});
