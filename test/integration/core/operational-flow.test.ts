import { importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEnvironment, type EnvironmentServices } from '../../../electron/services/environment-services';
import { createHttpClient, type Exchange } from '../../../electron/platform/http/http-client';
import type { KeyVault } from '../../../electron/platform/keys/key-vault';
import { demoFlowOptions } from '../../../electron/cli/flow/demo-flow-options';
import { runOperationalFlow } from '../../../electron/cli/flow/operational-flow';
import { ConnectedWorld } from '../../../electron/services/world/connected-world';
import { startWorldProcess, type WorldProcess } from '../../helpers/world-process';
import { virtualClock } from '../../helpers/virtual-clock';
import { tempVault } from './demo-world';

const KARI = '02908820080';
const MORTEN = '14857110014';

// The world runs in a process of its own; the services reach it only over HTTP, as they would reach Test.
describe('core services against a demo world in its own process', () => {
  let worldProcess: WorldProcess;
  /** The world as the app sees it: its description and admin API, over HTTP. */
  let world: ConnectedWorld;
  let vault: KeyVault;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    worldProcess = await startWorldProcess({ clients: 40 });
    world = await ConnectedWorld.connect({ adminUrl: worldProcess.info.urls.admin, adminSecret: worldProcess.adminSecret });
    ({ vault, cleanup } = await tempVault());
  }, 60_000);
  afterAll(async () => {
    await worldProcess?.close();
    await cleanup?.();
  });

  it('runs the operational flow: one token, claims for delegated clients, 403 and NotApplicable for an undelegated one', async () => {
    const options = demoFlowOptions(world);
    const report = await runOperationalFlow({ ...options, vault });
    expect(report.grantVerified).toBe(true);
    const { payload } = await jwtVerify(report.grant, await importJWK(report.publicJwk, 'RS256'));
    expect(payload.aud).toBe(world.info.maskinporten.issuer);
    expect(report.tokenRequests).toBe(1);
    expect(report.systemUserId).toBe(world.info.systemUsers.suA.id);
    expect(report.clients.length).toBeGreaterThan(0);
    expect(report.clients.every((c) => c.ok)).toBe(true);
    const c1 = report.clients.find((c) => c.orgNumber === '313367002');
    expect(c1?.openClaims?.balance).toBe(24200);
    expect(report.authorization?.kravOgBetalinger).toMatchObject({ status: 403, code: 'DAS-008' });
    expect(report.authorization?.kravOgBetalinger.korrelasjonsid).toBeTruthy();
    expect(report.authorization?.pdp).toEqual({ decision: 'NotApplicable' });
    expect(JSON.stringify(report)).not.toContain('access_token');
  });

  describe('as the client administrator', () => {
    let env: EnvironmentServices;
    beforeAll(() => {
      env = openEnvironment(demoFlowOptions(world).config, { vault });
    });
    afterAll(() => env.dispose());

    it('Kari, without Klientadministrator, gets the no-client-admin error', async () => {
      await env.loginDemo(KARI);
      expect(env.session.user?.pid).toBe(KARI);
      await expect(env.clientDelegation.listAgentSystemUsers(world.info.firm.orgNo)).rejects.toMatchObject({
        code: 'NO_CLIENT_ADMIN',
        status: 403,
        message: expect.stringMatching(/Client administrator right/),
      });
    });

    it('Morten sees the agent system users, their clients, and gets a typed AND-rule failure', async () => {
      await env.loginDemo(MORTEN);
      const systemUsers = await env.clientDelegation.listAgentSystemUsers(world.info.firm.orgNo);
      const suB = systemUsers.find((s) => s.id === world.info.systemUsers.suB.id)!;
      expect(suB.packages.sort()).toEqual(['regnskapsforer-med-signeringsrettighet', 'skattegrunnlag']);

      const available = await env.clientDelegation.availableClients(suB.id);
      const c2 = available.find((c) => c.orgNumber === '311851381');
      expect(c2).toBeDefined();
      await expect(env.clientDelegation.addClient(suB.id, c2!.partyUuid)).rejects.toMatchObject({ code: 'AUTH-00080', status: 400 });
      // A party UUID made up from an org number (the withdrawn test-data convention) is not one Altinn knows.
      await expect(env.clientDelegation.addClient(suB.id, '00000000-0000-4000-8000-000310000086')).rejects.toMatchObject({
        code: 'AUTH-00079',
      });

      // The firm's own party UUID comes from Altinn: the parties Morten may act for.
      const firmParty = await env.accessManagement.partyUuidOf(world.info.firm.orgNo);
      expect(firmParty).toMatch(/^[0-9a-f-]{36}$/);
      const clients = await env.accessManagement.listClients(firmParty!);
      const c1 = clients.find((c) => c.orgNumber === '313367002')!;
      expect(c1.relationships).toEqual(['REGN']);
      expect(c1.packages).toEqual(expect.arrayContaining(['regnskapsforer-med-signeringsrettighet', 'skattegrunnlag']));
    });
  });

  it('completes under faults (latency, 503s, 429 with Retry-After, dropped connections) and waits out Retry-After', async () => {
    const setFaults = (faults: unknown[]) =>
      worldProcess.admin('/faults', { method: 'PUT', body: JSON.stringify(faults), headers: { 'Content-Type': 'application/json' } });
    expect(
      (
        await setFaults([
          { service: 'skatteetaten', latencyMs: 20, errorRate: 0.25, errorStatuses: [503] },
          { service: 'skatteetaten', rateLimitRate: 0.25, retryAfterSeconds: 1 },
          { service: 'skatteetaten', dropRate: 0.2 },
          { service: 'maskinporten', errorRate: 0.3, errorStatuses: [503], dropRate: 0.2 },
        ])
      ).status,
    ).toBe(200);
    try {
      const exchanges: Exchange[] = [];
      // The layer's waits run on a virtual clock: Retry-After takes no real time, and "not before it ended" is exact.
      const clock = virtualClock(Date.now());
      const http = createHttpClient({
        clock,
        onExchange: (e) => exchanges.push(e),
        defaultMaxAttempts: 8,
        backoff: { baseMs: 20, maxMs: 200 },
      });
      const env = openEnvironment(demoFlowOptions(world).config, { vault, http });
      try {
        const delegated = world.info.clients.delegated[world.info.systemUsers.suA.id]!;
        // One after the other: the world's fault stream is seeded, so a fixed order fails the same way every run.
        for (const org of delegated) expect((await env.kravOgBetalinger.openClaims(org)).partyId).toBe(org);
      } finally {
        env.dispose();
      }
      const retried = exchanges.filter((e) => e.willRetry);
      expect(retried.length).toBeGreaterThan(0);
      const rateLimited = exchanges.filter((e) => e.status === 429 && e.willRetry);
      expect(rateLimited.length).toBeGreaterThan(0);
      for (const e of rateLimited) {
        expect(e.retryDelayMs).toBe(1000);
        const next = exchanges.find((x) => x.correlationId === e.correlationId && x.attempt === e.attempt + 1)!;
        expect(next.startedAt - (e.startedAt + e.durationMs)).toBeGreaterThanOrEqual(1000);
      }
      expect(exchanges.some((e) => e.error !== undefined)).toBe(true);
    } finally {
      await worldProcess.admin('/faults', { method: 'DELETE' });
    }
  });
});
