// The lost-answer fault: the world applies the request, then the answer never arrives (drop) or arrives
// after the client has given up (late), the way a real network loses an answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, C, PID, startTestWorld, SU_A, type TestWorld } from './world-fixture';

const CLIENTS = '/authentication/api/v1/enduser/systemuser/clients';

let t: TestWorld;
let morten: string;
beforeAll(async () => {
  t = await startTestWorld({ clients: 30 });
  morten = await t.personToken(PID.morten);
});
afterAll(() => t.close());

const add = async (orgNo: string, signal?: AbortSignal) =>
  fetch(`${t.world.urls.altinn}${CLIENTS}?agent=${SU_A}&client=${await t.clientUuid(orgNo)}`, {
    method: 'POST',
    ...bearer(morten),
    ...(signal ? { signal } : {}),
  });

const setFaults = async (specs: unknown[]) => {
  const res = await t.admin('/faults', { method: 'PUT', body: JSON.stringify(specs) });
  expect(res.status).toBe(200);
};

describe('lose-answer fault', () => {
  it('drop: the client is delegated, but the caller sees the connection close without an answer', async () => {
    await setFaults([{ service: 'altinn', method: 'POST', pathPrefix: CLIENTS, kind: 'lose-answer', mode: 'drop', times: 1 }]);
    try {
      expect(t.world.admin.delegatedClients(SU_A)).not.toContain(C.c6);
      await expect(add(C.c6)).rejects.toThrow();
      expect(t.world.admin.delegatedClients(SU_A)).toContain(C.c6);
      const lost = t.world.traffic.list().filter((e) => e.fault === 'lostAnswer');
      expect(lost).toHaveLength(1);
      expect(lost[0]).toMatchObject({ method: 'POST', status: null, service: 'altinn' });
      // `times: 1`: the retry is answered, and Altinn's idempotent POST says the client is there.
      const retry = await add(C.c6);
      expect(retry.status).toBe(200);
    } finally {
      await t.admin('/faults', { method: 'DELETE' });
    }
  });

  it('late: the client times out first, yet the change is made; a later answer still comes to a patient caller', async () => {
    await setFaults([{ service: 'altinn', method: 'POST', pathPrefix: CLIENTS, kind: 'lose-answer', mode: 'late', delayMs: 60_000 }]);
    try {
      expect(t.world.admin.delegatedClients(SU_A)).not.toContain(C.c7);
      await expect(add(C.c7, AbortSignal.timeout(300))).rejects.toThrow();
      expect(t.world.admin.delegatedClients(SU_A)).toContain(C.c7);
      await setFaults([{ service: 'altinn', method: 'POST', pathPrefix: CLIENTS, kind: 'lose-answer', mode: 'late', delayMs: 20 }]);
      const late = await add(C.c7);
      expect(late.status).toBe(200);
      expect(
        t.world.traffic
          .list()
          .filter((e) => e.fault === 'lateAnswer')
          .map((e) => e.status),
      ).toEqual(expect.arrayContaining([200]));
    } finally {
      await t.admin('/faults', { method: 'DELETE' });
    }
  });

  it('matches by method: a GET on the same path is answered', async () => {
    await setFaults([{ service: 'altinn', method: 'post', pathPrefix: CLIENTS, kind: 'lose-answer', mode: 'drop' }]);
    try {
      const list = await fetch(`${t.world.urls.altinn}${CLIENTS}?agent=${SU_A}`, bearer(morten));
      expect(list.status).toBe(200);
      expect(await (await t.admin('/faults')).json()).toEqual([
        { service: 'altinn', method: 'POST', pathPrefix: CLIENTS, kind: 'lose-answer', mode: 'drop' },
      ]);
    } finally {
      await t.admin('/faults', { method: 'DELETE' });
    }
  });

  it('refuses an unknown mode', async () => {
    const res = await t.admin('/faults', {
      method: 'PUT',
      body: JSON.stringify([{ service: 'altinn', kind: 'lose-answer', mode: 'maybe' }]),
    });
    expect(res.status).toBe(400);
  });
});
