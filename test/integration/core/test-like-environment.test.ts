// The services against a demo world in a separate process, reached only over HTTP. The app is configured
// the way a firm configures Test (its own org number, the vendor's client id and system id, the ID-porten
// client), with the Test endpoints pointed at the world, which answers in the real format (`partyUuId: ""`
// in agents). Sign-in goes through the system-browser login with a loopback redirect, driven here by a
// stand-in browser, exactly the code path of Test and Production.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../electron/app/create-core';
import { ALTINN_END_USER_SCOPES, demoEndpoints } from '../../../electron/platform/environments';
import { createDispatcher, type Dispatch } from '../../../electron/platform/ipc/dispatch';
import { passphraseProtector } from '../../../electron/platform/keys/protector';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../../shared/contract';
import { startTestCore } from '../../helpers/core';
import { startWorldProcess, type WorldProcess } from '../../helpers/world-process';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const MORTEN = '14857110014';

/**
 * What a person's browser does with the authorize URL the app opens: show the login page, choose the person,
 * follow the redirect back to the app's loopback listener. `dropScopes` plays an ID-porten that grants fewer
 * scopes than asked (the client is not registered for them, or consent was not given).
 */
function browserSigningIn(pid: string, options: { dropScopes?: readonly string[] } = {}) {
  return async (authorizeUrl: string): Promise<void> => {
    const url = new URL(authorizeUrl);
    const scopes = (url.searchParams.get('scope') ?? '').split(' ').filter((s) => !options.dropScopes?.includes(s));
    url.searchParams.set('scope', scopes.join(' '));
    const page = await fetch(url, { redirect: 'manual' });
    const html = await page.text();
    const cookie = page.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const action = /<form\b[^>]*action="([^"]+)"/i.exec(html)?.[1]?.replace(/&amp;/g, '&') ?? '/authorize/login';
    const fields = new URLSearchParams();
    for (const input of html.match(/<input\b[^>]*type="hidden"[^>]*>/gi) ?? []) {
      const name = /name="([^"]+)"/.exec(input)?.[1];
      const value = (/value="([^"]*)"/.exec(input)?.[1] ?? '').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
      if (name) fields.set(name, value);
    }
    fields.set('pid', pid);
    const submitted = await fetch(new URL(action, url), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
      body: fields.toString(),
    });
    const location = submitted.headers.get('location');
    if (!location) throw new Error(`the login page did not redirect (HTTP ${submitted.status})`);
    await fetch(location);
  };
}

interface Session {
  core: Core;
  call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>>;
  close(): Promise<void>;
}

/** A core whose Test environment is configured from what the world's vendor and firm would know. */
async function testLikeCore(world: WorldProcess, openExternal: (url: string) => Promise<void>): Promise<Session> {
  const dataDir = temp.make('testlike');
  const core = await createCore({
    dataDir,
    mode: 'browser',
    version: 'test',
    protector: passphraseProtector('test-passphrase-123', { N: 2 ** 10, r: 8, p: 1 }),
    openExternal,
    // No Demo world at all: this core only ever talks to "Test".
    endpointOverrides: { test: demoEndpoints(world.info.urls, world.info.maskinporten.issuer) },
  });
  const dispatch: Dispatch = createDispatcher(core.handlers);
  const call: Session['call'] = async (channel, input) => {
    const r = await dispatch(channel, input, { trusted: true }, { transport: 'ipc' });
    if (!r.ok) throw Object.assign(new Error(r.error.message), r.error);
    return r.value as never;
  };
  await call('settings.update', {
    environment: 'test',
    environmentConfig: {
      id: 'test',
      firmOrgNumber: world.info.firm.orgNo,
      maskinportenClientId: world.info.vendor.maskinportenClientId,
      systemId: world.info.vendor.systemId,
      idportenClientId: world.info.idporten.clientId,
    },
  });
  return {
    core,
    call,
    async close() {
      try {
        await core.close();
      } finally {
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}

describe('a Test-like environment against a world in its own process', () => {
  let world: WorldProcess;
  beforeAll(async () => {
    world = await startWorldProcess({ clients: 60 });
  }, 60_000);
  afterAll(async () => {
    await world?.close();
  });

  it('signs in, finds the firm through authorizedparties (agents carry partyUuId ""), and completes a sync', async () => {
    const app = await testLikeCore(world, browserSigningIn(MORTEN));
    try {
      expect(app.core.runtime.environment).toBe('test');
      const session = await app.call('session.signIn', {});
      expect(session).toMatchObject({ environment: 'test', isClientAdmin: true, firm: { orgNumber: world.info.firm.orgNo } });

      const sync = await app.call('clients.sync', {});
      expect(sync).toBeDefined();
      const info = await app.call('clients.syncInfo', {});
      expect(info.total).toBeGreaterThan(10);

      const traffic = (await (await world.admin('/traffic')).json()) as { path: string; status: number | null; responseBody?: unknown }[];
      const agents = traffic.find((e) => e.path.startsWith('/authentication/api/v1/enduser/systemuser/agents'));
      expect(JSON.stringify(agents?.responseBody)).toContain('"partyUuId":""');
      const lookups = traffic.filter((e) => e.path.startsWith('/accessmanagement/api/v1/enduser/authorizedparties'));
      expect(lookups.map((e) => e.status)).toContain(200);
      // The client list was asked for with the party UUID Altinn gave, not one made up from the org number.
      const clientList = traffic.find((e) => e.path.startsWith('/accessmanagement/api/v1/enduser/clientdelegations/clients?'));
      expect(clientList?.path).not.toContain(`000${world.info.firm.orgNo}`);
      expect(clientList?.status).toBe(200);
    } finally {
      await app.close();
    }
  }, 90_000);

  it('a guessed party UUID (made up from an org number) is refused by Altinn with AUTH-00079', async () => {
    const app = await testLikeCore(world, browserSigningIn(MORTEN));
    try {
      await app.call('session.signIn', {});
      const services = app.core.runtime.services();
      await expect(
        services.clientDelegation.addClient(world.info.systemUsers.suA.id, `00000000-0000-4000-8000-000${world.info.firm.orgNo}`),
      ).rejects.toMatchObject({ code: 'AUTH-00079', status: 400 });
    } finally {
      await app.close();
    }
  }, 90_000);

  it('without the authorizedparties scope the sign-in names the missing scope, not the role', async () => {
    const app = await testLikeCore(world, browserSigningIn(MORTEN, { dropScopes: [ALTINN_END_USER_SCOPES.authorizedParties] }));
    try {
      const refusal = (await app.call('session.signIn', {}).catch((e: unknown) => e)) as { code?: string; message?: string };
      expect(refusal.code).toBe('MISSING_SCOPE');
      expect(refusal.message).toContain('altinn:accessmanagement/authorizedparties');
      expect(refusal.message).not.toMatch(/Client administrator/i);
      expect(app.core.runtime.session).toBeNull();
    } finally {
      await app.close();
    }
  }, 90_000);

  it('Demo pointed at the world by its address in Settings: the embedded one stops, sign-in and sync go to the other process', async () => {
    const t = await startTestCore({ demoClients: 20 });
    try {
      expect(t.world).not.toBeNull();
      // An address that does not answer as a world is refused before anything is kept.
      await expect(t.call('settings.update', { demoWorld: { address: 'http://127.0.0.1:9', secret: 'x' } })).rejects.toMatchObject({
        code: 'WORLD_UNREACHABLE',
      });
      await expect(
        t.call('settings.update', { demoWorld: { address: world.info.urls.admin, secret: 'not-the-secret' } }),
      ).rejects.toMatchObject({ code: 'WORLD_SECRET_REFUSED' });
      expect((await t.call('settings.get', {})).demoWorld).toEqual({ address: '', secretSet: false });

      const saved = await t.call('settings.update', { demoWorld: { address: world.info.urls.admin, secret: world.adminSecret } });
      expect(saved.demoWorld).toEqual({ address: new URL(world.info.urls.admin).origin, secretSet: true });
      expect(saved.environments.demo.urls?.demoAdmin).toBe(new URL(world.info.urls.admin).origin);
      expect(t.world).toBeNull();

      const persons = await t.call('session.demoPersons', {});
      const morten = persons.find((p) => p.pid === MORTEN)!;
      expect(morten.role).toBe('client_admin');
      await t.call('session.signIn', { pid: MORTEN });
      await t.call('clients.sync', {});
      // The other process holds 60 clients, the embedded world had 20: the copy came from the other one.
      expect((await t.call('clients.syncInfo', {})).total).toBeGreaterThan(20);
    } finally {
      await t.close();
    }
  }, 90_000);
});
