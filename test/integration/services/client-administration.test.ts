// The app's client-administration client against the demo world: parsing of AM's answers, and Altinn's
// refusals arriving as the codes the app shows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ClientAdministrationApi } from '../../../electron/services/altinn/client-administration';
import { createHttpClient } from '../../../electron/platform/http/http-client';
import { AppError } from '../../../shared/errors';
import { C, PID, startTestWorld, type TestWorld } from '../demo/world-fixture';

const RF_MED = 'regnskapsforer-med-signeringsrettighet';

let t: TestWorld;
let api: ClientAdministrationApi;
let firm: string;

beforeAll(async () => {
  t = await startTestWorld({ preset: 'ready', clients: 30 });
  const token = await t.personToken(PID.morten);
  api = new ClientAdministrationApi(createHttpClient(), t.world.urls.altinn, () => token);
  firm = t.firmUuid;
});
afterAll(() => t.close());

async function refusal(p: Promise<unknown>): Promise<AppError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('ClientAdministrationApi', () => {
  it('lists the agents by kind, and what Kari holds per client', async () => {
    const agents = await api.listAgents(firm);
    const kari = agents.find((a) => a.name === 'Kari Nordby')!;
    expect(kari).toMatchObject({ kind: 'person' });
    expect(agents.some((a) => a.kind === 'systemUser')).toBe(true);
    const clients = await api.agentClients(firm, kari.partyUuid);
    expect(clients.map((c) => c.orgNumber).sort()).toEqual([C.c2, C.c3].sort());
    expect(clients[0]!.packages).toEqual([{ role: 'regnskapsforer', packageCode: RF_MED }]);
  });

  it('adds an agent, delegates and removes a package, and sees it under the client', async () => {
    const { agentPartyUuid } = await api.addAgent(firm, { personIdentifier: '11889210054', lastName: 'Haugen' });
    const c4 = await t.clientUuid(C.c4);
    const added = await api.delegatePackages(firm, c4, agentPartyUuid, [{ role: 'regnskapsforer', packages: [RF_MED] }]);
    expect(added.changes).toEqual([expect.objectContaining({ changed: true })]);
    const who = await api.clientAgents(firm, c4);
    expect(who.find((a) => a.partyUuid === agentPartyUuid)).toMatchObject({
      name: 'Ingrid Haugen',
      kind: 'person',
      packages: [{ role: 'regnskapsforer', packageCode: RF_MED }],
    });
    const removed = await api.removePackages(firm, c4, agentPartyUuid, [{ role: 'regnskapsforer', packages: [RF_MED] }]);
    expect(removed.changes[0]!.changed).toBe(true);
    expect((await api.clientAgents(firm, c4)).map((a) => a.partyUuid)).not.toContain(agentPartyUuid);
  });

  it('brings Altinn’s refusals as their codes: not an agent, package not held, wrong last name, cascade needed', async () => {
    const jonas = t.world.info.persons.find((p) => p.pid === PID.jonas)!.partyUuid;
    const c2 = await t.clientUuid(C.c2);
    expect((await refusal(api.delegatePackages(firm, c2, jonas, [{ role: 'regnskapsforer', packages: [RF_MED] }]))).code).toBe(
      'AM.VLD-00032',
    );
    const kari = (await api.listAgents(firm)).find((a) => a.name === 'Kari Nordby')!.partyUuid;
    const notHeld = await refusal(api.delegatePackages(firm, c2, kari, [{ role: 'regnskapsforer', packages: ['skattegrunnlag'] }]));
    expect(notHeld.code).toBe('AM.VLD-00026');
    expect(notHeld.details?.status).toBe(400);
    expect((await refusal(api.addAgent(firm, { personIdentifier: '11889210054', lastName: 'Hansen' }))).code).toBe('AM.VLD-00034');
    expect((await refusal(api.removeAgent(firm, kari, false))).code).toBe('AM.VLD-00031');
    await api.removeAgent(firm, kari, true);
    expect((await api.listAgents(firm)).map((a) => a.name)).not.toContain('Kari Nordby');
  });
});
