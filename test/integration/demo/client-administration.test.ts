// Access Management's client administration in the demo world: the firm's agents (employees), and client
// packages delegated to them, with Altinn's refusals (altinn.md §10).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, C, PID, startTestWorld, SU_A, type TestWorld } from './world-fixture';

const AM = '/accessmanagement/api/v1/enduser/clientdelegations';
const INGRID = { pid: '11889210054', lastName: 'Haugen' };
const RF_MED = 'urn:altinn:accesspackage:regnskapsforer-med-signeringsrettighet';

let t: TestWorld;
let morten: string;
let kari: string;

beforeAll(async () => {
  t = await startTestWorld({ preset: 'ready', clients: 40 });
  [morten, kari] = await Promise.all([t.personToken(PID.morten), t.personToken(PID.kari)]);
});
afterAll(() => t.close());

type Problem = { code: string; validationErrors?: Array<{ code: string; paths?: string[] }> };
type AgentDto = {
  agent: { id: string; name: string; type: string; personIdentifier: string | null };
  access: Array<{ role: { code: string }; packages: Array<{ urn: string }> }>;
};

const am = (method: string, path: string, token: string, body?: unknown) =>
  fetch(`${t.world.urls.altinn}${AM}${path}`, {
    method,
    headers: { ...bearer(token).headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const party = () => `party=${t.firmUuid}`;
const agents = async (): Promise<AgentDto[]> =>
  ((await (await am('GET', `/agents?${party()}`, morten)).json()) as { data: AgentDto[] }).data;
const agentUuid = async (name: string) => (await agents()).find((a) => a.agent.name === name)?.agent.id;
const whoHas = async (orgNo: string): Promise<AgentDto[]> =>
  ((await (await am('GET', `/clients/accesspackages?${party()}&from=${await t.clientUuid(orgNo)}`, morten)).json()) as { data: AgentDto[] })
    .data;
const delegate = async (method: 'POST' | 'DELETE', to: string, orgNo: string, role: string, packages: string[]) =>
  am(method, `/agents/accesspackages?${party()}&from=${await t.clientUuid(orgNo)}&to=${to}`, morten, { values: [{ role, packages }] });
const codes = async (res: Response) => ((await res.json()) as Problem).validationErrors?.map((e) => e.code);

describe('the firm’s agents', () => {
  it('lists the seeded employees with the agent role and no packages, under random party UUIDs', async () => {
    const list = await agents();
    const people = list.filter((a) => a.agent.type === 'Person');
    expect(people.map((a) => a.agent.name).sort()).toEqual(['Kari Nordby', 'Sofie Bakke']);
    for (const a of people) {
      expect(a.access).toEqual([expect.objectContaining({ role: expect.objectContaining({ code: 'agent' }), packages: [] })]);
      expect(a.agent.id.replace(/-/g, '')).not.toContain(a.agent.personIdentifier!.slice(0, 6));
    }
  });

  it('refuses an employee without Client administrator with an empty 403', async () => {
    const res = await am('POST', `/agents?${party()}`, kari, { personIdentifier: INGRID.pid, lastName: INGRID.lastName });
    expect(res.status).toBe(403);
    expect(await res.text()).toBe('');
  });

  it('adds an agent by national id and last name; adding again gives the same assignment', async () => {
    const first = await am('POST', `/agents?${party()}`, morten, { personIdentifier: INGRID.pid, lastName: 'haugen ' });
    expect(first.status).toBe(200);
    const assignment = (await first.json()) as { id: string; roleId: string; fromId: string; toId: string };
    expect(assignment).toMatchObject({ roleId: 'ff4c33f5-03f7-4445-85ed-1e60b8aafb30', fromId: t.firmUuid });
    expect(await agentUuid('Ingrid Haugen')).toBe(assignment.toId);
    const again = await am('POST', `/agents?${party()}`, morten, { personIdentifier: INGRID.pid, lastName: INGRID.lastName });
    expect(((await again.json()) as { id: string }).id).toBe(assignment.id);
  });

  it('adds an agent by username and last name', async () => {
    const res = await am('POST', `/agents?${party()}`, morten, { personIdentifier: 'OlaNilsen', lastName: 'Nilsen' });
    expect(res.status).toBe(200);
    expect(await agentUuid('Ola Nilsen')).toBeDefined();
  });

  it('a national id with a bad checksum or a wrong last name finds nobody: AM.VLD-00034, nothing added', async () => {
    const before = (await agents()).length;
    for (const body of [
      { personIdentifier: '11889210055', lastName: 'Haugen' },
      { personIdentifier: '23839430000', lastName: 'Nordby' },
    ]) {
      const res = await am('POST', `/agents?${party()}`, morten, body);
      expect(res.status).toBe(400);
      expect(await codes(res)).toEqual(['AM.VLD-00034']);
    }
    expect((await agents()).length).toBe(before);
  });

  it('names each missing field', async () => {
    const res = await am('POST', `/agents?${party()}`, morten, { personIdentifier: ' ' });
    expect(((await res.json()) as Problem).validationErrors).toEqual([
      expect.objectContaining({ code: 'STD.VLD-00000', paths: ['/personIdentifier'] }),
      expect.objectContaining({ code: 'STD.VLD-00000', paths: ['/lastName'] }),
    ]);
  });
});

describe('client packages to an agent', () => {
  it('refuses a person who is not the firm’s agent: AM.VLD-00032', async () => {
    const jonasUuid = t.world.info.persons.find((p) => p.pid === PID.jonas)!.partyUuid;
    const res = await delegate('POST', jonasUuid, C.c2, 'regnskapsforer', [RF_MED]);
    expect(res.status).toBe(400);
    expect(await codes(res)).toEqual(['AM.VLD-00032']);
  });

  it('refuses a package the firm does not hold from that client (AM.VLD-00026), or a role it lacks (AM.VLD-00032), saving nothing', async () => {
    const ingrid = (await agentUuid('Ingrid Haugen'))!;
    const notHeld = await delegate('POST', ingrid, C.c2, 'regnskapsforer', [RF_MED, 'urn:altinn:accesspackage:skattegrunnlag']);
    expect(notHeld.status).toBe(400);
    expect(((await notHeld.json()) as Problem).validationErrors).toEqual([
      expect.objectContaining({ code: 'AM.VLD-00026', paths: ['/values[0]/packages[1]'] }),
    ]);
    const auditorClient = await delegate('POST', ingrid, C.c8, 'regnskapsforer', [RF_MED]);
    expect(await codes(auditorClient)).toEqual(['AM.VLD-00032']);
    expect((await whoHas(C.c2)).map((a) => a.agent.name)).not.toContain('Ingrid Haugen');
  });

  it('delegates a package (changed once), and the client then shows the agent beside Kari and the system user', async () => {
    const ingrid = (await agentUuid('Ingrid Haugen'))!;
    const first = await delegate('POST', ingrid, C.c2, 'regnskapsforer', ['regnskapsforer-med-signeringsrettighet']);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual([
      expect.objectContaining({ fromId: await t.clientUuid(C.c2), toId: ingrid, viaId: t.firmUuid, changed: true }),
    ]);
    const again = await delegate('POST', ingrid, C.c2, 'regnskapsforer', [RF_MED]);
    expect(((await again.json()) as Array<{ changed: boolean }>)[0]!.changed).toBe(false);
    const who = await whoHas(C.c2);
    expect(who.map((a) => a.agent.id)).toEqual(expect.arrayContaining([ingrid, SU_A]));
    expect(who.find((a) => a.agent.id === ingrid)!.access).toEqual([
      expect.objectContaining({
        role: expect.objectContaining({ code: 'regnskapsforer' }),
        packages: [expect.objectContaining({ urn: RF_MED })],
      }),
    ]);
    const hers = (await (await am('GET', `/agents/accesspackages?${party()}&to=${ingrid}`, morten)).json()) as {
      data: Array<{ client: { organizationIdentifier: string } }>;
    };
    expect(hers.data.map((d) => d.client.organizationIdentifier)).toEqual([C.c2]);
  });

  it('removes a package; removing it again changes nothing', async () => {
    const ingrid = (await agentUuid('Ingrid Haugen'))!;
    await delegate('POST', ingrid, C.c3, 'regnskapsforer', [RF_MED]);
    const removed = await delegate('DELETE', ingrid, C.c3, 'regnskapsforer', [RF_MED]);
    expect(((await removed.json()) as Array<{ changed: boolean }>)[0]!.changed).toBe(true);
    const again = await delegate('DELETE', ingrid, C.c3, 'regnskapsforer', [RF_MED]);
    expect(((await again.json()) as Array<{ changed: boolean }>)[0]!.changed).toBe(false);
    expect((await whoHas(C.c3)).map((a) => a.agent.name)).not.toContain('Ingrid Haugen');
  });

  it('removing an agent who holds client packages needs cascade (AM.VLD-00031); with it, the client rights go too', async () => {
    const ingrid = (await agentUuid('Ingrid Haugen'))!;
    const refused = await am('DELETE', `/agents?${party()}&to=${ingrid}`, morten);
    expect(await codes(refused)).toEqual(['AM.VLD-00031']);
    expect((await whoHas(C.c2)).map((a) => a.agent.id)).toContain(ingrid);
    const removed = await am('DELETE', `/agents?${party()}&to=${ingrid}&cascade=true`, morten);
    expect(removed.status).toBe(204);
    expect(await agentUuid('Ingrid Haugen')).toBeUndefined();
    expect((await whoHas(C.c2)).map((a) => a.agent.id)).not.toContain(ingrid);
    expect(await codes(await delegate('POST', ingrid, C.c2, 'regnskapsforer', [RF_MED]))).toEqual(['AM.VLD-00032']);
  });

  it('an agent without client packages goes without cascade; an unknown one is a 204 too', async () => {
    const ola = (await agentUuid('Ola Nilsen'))!;
    expect((await am('DELETE', `/agents?${party()}&to=${ola}`, morten)).status).toBe(204);
    expect((await am('DELETE', `/agents?${party()}&to=${ola}`, morten)).status).toBe(204);
  });
});

describe('guessing national ids', () => {
  it('is throttled after five misses with 429 AM-00026, even for a right guess', async () => {
    // A world of its own: the misses above count against the same caller.
    const fresh = await startTestWorld({ preset: 'ready', clients: 20 });
    try {
      const token = await fresh.personToken(PID.morten);
      const add = (lastName: string) =>
        fetch(`${fresh.world.urls.altinn}${AM}/agents?party=${fresh.firmUuid}`, {
          method: 'POST',
          headers: { ...bearer(token).headers, 'content-type': 'application/json' },
          body: JSON.stringify({ personIdentifier: INGRID.pid, lastName }),
        });
      for (let i = 0; i < 5; i++) expect((await add(`Feil${i}`)).status).toBe(400);
      const res = await add(INGRID.lastName);
      expect(res.status).toBe(429);
      expect(((await res.json()) as Problem).code).toBe('AM-00026');
    } finally {
      await fresh.close();
    }
  });
});
