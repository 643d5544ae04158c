// How core reaches a demo world: a loopback admin address and its secret, from the command line or Settings,
// and the admin API called with the bearer secret and JSON bodies (the world ↔ app contract, points 1, 3, 4).
import { describe, expect, it } from 'vitest';
import { parseWorldAddress, standaloneWorld, worldConnectionFromArgs } from '../../../electron/services/world/connection';
import { WorldAdminClient } from '../../../electron/services/world/world-admin';
import { environmentFromWorld, testPersons } from '../../../electron/services/world/world-environment';
import { json, scriptedFetch, text } from './helpers';

const INFO = {
  urls: {
    maskinporten: 'http://127.0.0.1:7400',
    idporten: 'http://127.0.0.1:7401',
    altinn: 'http://127.0.0.1:7402',
    skatteetaten: 'http://127.0.0.1:7403',
    admin: 'http://127.0.0.1:7404',
  },
  preset: 'ready',
  demoDate: '2026-11-24',
  maskinporten: { issuer: 'http://127.0.0.1:7400/', tokenEndpoint: 'http://127.0.0.1:7400/token' },
  skatteetaten: {
    orgNo: '974761076',
    resourceId: 'ske-krav-og-betalinger',
    scope: 'skatteetaten:kravogbetalinger',
    maskinportenClientId: 'skd',
    apimSubscriptionKey: 'k',
  },
  vendor: { orgNo: '310000019', systemId: '310000019_smartregnskap', maskinportenClientId: 'vendor-client', scopes: [] },
  firm: { orgNo: '310000027', name: 'REGNSKAPSFIRMA AS', partyUuid: '7f3a0000-0000-4000-8000-00000000dead' },
  systemUsers: { suA: { id: 'su-a', externalRef: '310000027', packages: [] }, suB: { id: 'su-b', externalRef: 'x', packages: [] } },
  persons: [
    { key: 'morten', pid: '14857110014', name: 'Morten Lie', rights: ['klientadministrator', 'tilgangsstyrer'] },
    { key: 'kari', pid: '02908820080', name: 'Kari Nordby', rights: [] },
  ],
  idporten: { clientId: 'idp-client', scopes: ['openid'] },
  clients: { named: { c1: '313367002' }, delegated: {}, notDelegated: [] },
};

describe('the world connection', () => {
  it('accepts only an http address on this machine and keeps just its origin', () => {
    expect(parseWorldAddress('http://127.0.0.1:7404/')).toBe('http://127.0.0.1:7404');
    expect(parseWorldAddress(' http://localhost:7404/info ')).toBe('http://localhost:7404');
    for (const bad of ['https://127.0.0.1:7404', 'http://example.com:7404', 'http://u:p@127.0.0.1:1', 'not an address']) {
      expect(() => parseWorldAddress(bad)).toThrow(expect.objectContaining({ code: 'BAD_WORLD_ADDRESS' }));
    }
  });

  it('reads --world with --world-secret, or the secret from KLIENTDESK_WORLD_SECRET, and refuses a world without one', () => {
    expect(worldConnectionFromArgs(['--port', '1'], {})).toBeUndefined();
    expect(worldConnectionFromArgs(['--world', 'http://127.0.0.1:7404', '--world-secret', 's1'], {})).toEqual({
      adminUrl: 'http://127.0.0.1:7404',
      adminSecret: 's1',
    });
    expect(worldConnectionFromArgs(['--world=http://[::1]:7404'], { KLIENTDESK_WORLD_SECRET: 's2' })).toEqual({
      adminUrl: 'http://[::1]:7404',
      adminSecret: 's2',
    });
    expect(() => worldConnectionFromArgs(['--world', 'http://127.0.0.1:7404'], {})).toThrow(
      expect.objectContaining({ code: 'WORLD_SECRET_MISSING' }),
    );
  });

  it('a standalone world is never stopped by the app', async () => {
    const lease = await standaloneWorld({ adminUrl: 'http://127.0.0.1:7404', adminSecret: 's' }).acquire();
    await lease.release();
    expect(lease.connection).toEqual({ adminUrl: 'http://127.0.0.1:7404', adminSecret: 's' });
  });
});

describe('the admin API client', () => {
  it('sends the bearer secret on every call and JSON bodies with their content type', async () => {
    const fetch = scriptedFetch((req) => (req.url.endsWith('/info') ? json(200, INFO) : json(200, { registered: 'k1' })));
    const client = new WorldAdminClient({ adminUrl: 'http://127.0.0.1:7404/', adminSecret: 'secret-1' }, fetch);
    const info = await client.info();
    await client.registerJwk('vendor-client', { kty: 'RSA', n: 'n'.repeat(20), e: 'AQAB', kid: 'k1', alg: 'RS256', use: 'sig' });
    expect(info.firm.orgNo).toBe('310000027');
    expect(fetch.seen.map((r) => [r.method, r.url, r.headers['authorization'], r.headers['content-type']])).toEqual([
      ['GET', 'http://127.0.0.1:7404/info', 'Bearer secret-1', undefined],
      ['POST', 'http://127.0.0.1:7404/jwks', 'Bearer secret-1', 'application/json'],
    ]);
    expect(JSON.parse(fetch.seen[1]!.body)).toMatchObject({ clientId: 'vendor-client', jwk: { kid: 'k1' } });
  });

  it('says plainly when the secret is refused, the world is down, or /info is not a world', async () => {
    const refused = new WorldAdminClient(
      { adminUrl: 'http://127.0.0.1:7404', adminSecret: 'wrong' },
      scriptedFetch(() => json(401, { error: 'no' })),
    );
    await expect(refused.info()).rejects.toMatchObject({ code: 'WORLD_SECRET_REFUSED' });
    const down = new WorldAdminClient(
      { adminUrl: 'http://127.0.0.1:7404', adminSecret: 's' },
      scriptedFetch(() => Promise.reject(new TypeError('fetch failed'))),
    );
    await expect(down.info()).rejects.toMatchObject({ code: 'WORLD_UNREACHABLE' });
    const other = new WorldAdminClient(
      { adminUrl: 'http://127.0.0.1:7404', adminSecret: 's' },
      scriptedFetch(() => text(200, '{"hello":1}')),
    );
    await expect(other.info()).rejects.toMatchObject({ code: 'WORLD_INFO_INVALID' });
  });

  it('turns /info into a Demo environment of endpoints and ids, never a party UUID', () => {
    const config = environmentFromWorld('demo', INFO as never);
    expect(config.endpoints.maskinporten).toEqual({ issuer: 'http://127.0.0.1:7400/', tokenEndpoint: 'http://127.0.0.1:7400/token' });
    expect(config.endpoints.kravOgBetalinger).toBe('http://127.0.0.1:7403/v1');
    expect(config.settings).toMatchObject({
      firmOrgNumber: '310000027',
      firmName: 'REGNSKAPSFIRMA AS',
      maskinportenClientId: 'vendor-client',
      systemId: '310000019_smartregnskap',
      idportenClientId: 'idp-client',
      referenceDate: '2026-11-24',
    });
    expect(config.settings.idportenScopes).toContain('altinn:accessmanagement/authorizedparties');
    expect(JSON.stringify(config)).not.toContain(INFO.firm.partyUuid);
    expect(testPersons(INFO as never)).toEqual([
      { pid: '14857110014', name: 'Morten Lie', role: 'client_admin' },
      { pid: '02908820080', name: 'Kari Nordby', role: 'employee' },
    ]);
  });
});
