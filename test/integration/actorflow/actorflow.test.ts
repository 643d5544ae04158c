// The actor flow's engine driven against a real demo world on loopback: the whole story from the `start`
// preset to the claims, each failure case, and the shared HAR file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld, type DemoWorld } from '../../../electron/demo';
import { createActorFlow, type ActorFlow } from '../../../electron/features/actorflow/engine';
import { STEP_IDS, type StepResult } from '../../../shared/contract/actorflow';
import { tempVault } from '../core/demo-world';

const FIRM = '310000027';
const CLIENT = '313367002';
const COMPACT_JWT = /eyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/;

let world: DemoWorld;
let flow: ActorFlow;
let vault: Awaited<ReturnType<typeof tempVault>>;

beforeAll(async () => {
  world = await startDemoWorld({ port: 0, preset: 'start', clients: 40, quiet: true });
  // The flow signs with the vault's key in Demo as everywhere: there is no throwaway key of its own.
  vault = await tempVault();
  await vault.vault.generate({ environment: 'demo' });
  flow = createActorFlow({ environment: () => 'demo', world: () => world, keyVault: async () => vault.vault, appVersion: 'test' });
});

afterAll(async () => {
  await world?.close();
  await vault?.cleanup();
});

const fact = (r: StepResult, key: string): string | undefined => r.facts.find((f) => f.key === key)?.value;
const decodedToken = (r: StepResult) => r.exchanges.flatMap((e) => e.decoded).find((d) => d.label === 'response.access_token');

describe('the example, played from the start preset to the claims', () => {
  const results = new Map<string, StepResult>();

  beforeAll(async () => {
    await flow.reset('start');
    for (const id of STEP_IDS) results.set(id, await flow.run(id, CLIENT));
  });

  it('runs every step without stopping', () => {
    const failed = [...results.values()].filter((r) => !r.ok).map((r) => `${r.id}: ${r.error?.code} ${r.error?.message}`);
    expect(failed).toEqual([]);
  });

  it('shows that SmartRegnskap is already registered with the 409 Altinn answers', () => {
    const r = results.get('vendor.register')!;
    expect(fact(r, 'note')).toBe('systemAlreadyRegistered');
    expect(r.exchanges.some((e) => e.to === 'altinn' && e.method === 'POST' && e.status === 409)).toBe(true);
  });

  it('hands the firm a confirmUrl for the existing request, which Morten then approves', () => {
    const request = results.get('vendor.request')!;
    expect(fact(request, 'partyOrgNo')).toBe(FIRM);
    expect(fact(request, 'confirmUrl')).toMatch(/agentrequest\?id=/);
    expect(fact(results.get('enduser.approve')!, 'requestStatus')).toBe('Accepted');
  });

  it('signs Morten in with ID-porten and PKCE, then exchanges the token at Altinn', () => {
    const r = results.get('enduser.login')!;
    const urls = r.exchanges.map((e) => `${e.to} ${e.method} ${new URL(e.url).pathname}`);
    expect(urls).toEqual(expect.arrayContaining(['idporten POST /token', 'altinn GET /authentication/api/v1/exchange/id-porten']));
    expect(r.exchanges.every((e) => e.from === 'enduser')).toBe(true);
  });

  it('delegates the chosen client to the approved agent system user', () => {
    expect(world.admin.delegatedClients(world.info.systemUsers.suA.id)).toContain(CLIENT);
  });

  it('issues a token for the firm, not the client, after Maskinporten asked Altinn about the system user', () => {
    const r = results.get('operational.token')!;
    const claims = decodedToken(r)!.claims as { authorization_details: Array<{ systemuser_org: { ID: string }; systemuser_id: string[] }> };
    expect(claims.authorization_details[0]!.systemuser_org.ID).toBe(`0192:${FIRM}`);
    expect(claims.authorization_details[0]!.systemuser_id).toEqual([world.info.systemUsers.suA.id]);
    expect(r.exchanges.some((e) => e.kind === 'internal' && e.from === 'maskinporten' && e.to === 'altinn')).toBe(true);
    const grant = r.exchanges.flatMap((e) => e.decoded).find((d) => d.label === 'request.assertion')!;
    expect(JSON.stringify(grant.claims)).not.toContain(CLIENT);
  });

  it('returns the claims of the chosen client after Altinn’s PDP permitted it', () => {
    const r = results.get('operational.claims')!;
    expect(fact(r, 'claimsFor')).toBe(CLIENT);
    expect(fact(r, 'balance')).toBe('24200.00');
    expect(fact(r, 'pdpDecision')).toBe('Permit');
    const kb = r.exchanges.find((e) => e.to === 'skatteetaten' && e.kind === 'app')!;
    expect(kb.url).toContain(`/${CLIENT}/aapnekrav`);
    // The service's hops are ordered after the call that caused them.
    const pdp = r.exchanges.findIndex((e) => e.kind === 'internal' && e.url.includes('/authorization/api/v1/authorize'));
    expect(pdp).toBeGreaterThan(r.exchanges.indexOf(kb));
  });
});

describe('failure cases stop at the right actor with the right code', () => {
  beforeAll(async () => {
    // SU-B and the undelegated c6 exist in the `ready` preset.
    await flow.reset('ready');
  });

  it.each([
    ['notDelegated', 'skatteetaten', 'DAS-008'],
    ['noClientAdmin', 'altinn', 'NO_CLIENT_ADMIN'],
    ['expiredGrant', 'maskinporten', 'MP-130'],
    ['replayedGrant', 'maskinporten', 'MP-012'],
    ['missingPackage', 'altinn', 'AUTH-00080'],
  ] as const)('%s stops at %s with %s', async (caseId, actor, code) => {
    const r = await flow.failure(caseId);
    expect(r.ok).toBe(false);
    expect(r.stoppedAt).toBe(actor);
    expect(r.error?.code).toBe(code);
    expect(r.asExpected).toBe(true);
  });

  it('explains the DAS-008 with the PDP decision behind it', async () => {
    const r = await flow.failure('notDelegated');
    expect(r.facts).toContainEqual({ key: 'pdpDecision', value: 'NotApplicable' });
  });

  it('shows the replayed grant succeeding once and being refused the second time', async () => {
    const r = await flow.failure('replayedGrant');
    const tokenCalls = r.exchanges.filter((e) => e.kind === 'app' && e.to === 'maskinporten');
    expect(tokenCalls.map((e) => e.status)).toEqual([200, 400]);
    const jtis = tokenCalls.map((e) => e.decoded.find((d) => d.label === 'request.assertion')?.claims.jti);
    expect(jtis[0]).toBeDefined();
    expect(jtis[0]).toBe(jtis[1]);
  });
});

describe('the exported traffic', () => {
  it('is HAR 1.2 with the run’s exchanges and nothing secret', async () => {
    await flow.reset('ready');
    await flow.run('enduser.login');
    await flow.run('operational.token');
    await flow.run('operational.claims', CLIENT);
    await flow.failure('expiredGrant');
    const { filename, content } = flow.exportTraffic();
    expect(filename).toMatch(/\.har$/);
    const har = JSON.parse(content) as { log: { version: string; entries: Array<{ request: { url: string }; _decodedJwt: unknown[] }> } };
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries.some((e) => e.request.url.includes(`/${CLIENT}/aapnekrav`))).toBe(true);
    expect(har.log.entries.some((e) => e._decodedJwt.length > 0)).toBe(true);
    expect(content).not.toMatch(COMPACT_JWT);
    expect(content).not.toContain('"d":');
    expect(content).not.toContain('PRIVATE KEY');
    expect(content).not.toMatch(/"access_token"\s*:\s*"(?!\[)/);
    expect(content).not.toMatch(/code_verifier=(?!\[)/);
  });

  it('starts afresh after a reset', async () => {
    await flow.reset('start');
    expect((JSON.parse(flow.exportTraffic().content) as { log: { entries: unknown[] } }).log.entries).toEqual([]);
  });
});
