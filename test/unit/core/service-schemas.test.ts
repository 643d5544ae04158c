// The services' answers are read by zod schemas: lenient where the service is (unknown fields, key casing,
// nulls, renamed fields), and a 200 whose body does not fit is a BAD_RESPONSE that keeps the call's ids.
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../electron/platform/http/http-client';
import { lenientObject, numeric, optional, text } from '../../../electron/platform/http/lenient-json';
import { AccessManagementApi } from '../../../electron/services/altinn/access-management';
import { ClientDelegationApi } from '../../../electron/services/altinn/client-delegation';
import { VendorApi } from '../../../electron/services/altinn/vendor';
import { MaskinportenTokenClient } from '../../../electron/services/maskinporten/token-client';
import { KravOgBetalingerClient } from '../../../electron/services/skatteetaten/krav-og-betalinger-client';
import { FakeClock, json, scriptedFetch } from './helpers';

const http = (fetch: typeof globalThis.fetch) => createHttpClient({ fetch, clock: new FakeClock() });
const PLATFORM = 'https://platform.test';

/** Our X-Correlation-ID of the request the fetch saw. */
const sentCorrelationId = (fetch: ReturnType<typeof scriptedFetch>): string | undefined => fetch.seen[0]?.headers['x-correlation-id'];

describe('lenient building blocks', () => {
  const schema = lenientObject({ id: text, legacyUrn: optional(text), count: optional(numeric) }, { legacyUrn: ['legacyurn'] });

  it('finds keys regardless of case and stray spaces, under aliases, and lets unknown keys pass', () => {
    expect(schema.parse({ ID: 7, 'legacyurn ': 'urn:x', Count: '3', extra: true })).toMatchObject({
      id: '7',
      legacyUrn: 'urn:x',
      count: 3,
      extra: true,
    });
  });

  it('reads null as absent, and refuses a missing required field or a number that is not one', () => {
    expect(schema.parse({ id: 'a', legacyUrn: null }).legacyUrn).toBeUndefined();
    expect(schema.safeParse({ legacyUrn: 'x' }).success).toBe(false);
    expect(schema.safeParse({ id: 'a', count: 'many' }).success).toBe(false);
  });
});

describe('a 200 that does not fit its schema', () => {
  it('is a BAD_RESPONSE from Altinn with our correlation id and the failing path, never the values', async () => {
    const fetch = scriptedFetch(() =>
      json(200, { links: {}, data: [{ clientOrganizationNumber: '313367002', clientOrganizationName: 'SECRET NAME' }] }),
    );
    const api = new ClientDelegationApi(http(fetch), PLATFORM, () => 't');
    const error = await api.delegatedClients('su-1').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', service: 'altinn', status: 200, correlationId: sentCorrelationId(fetch) });
    expect(sentCorrelationId(fetch)).toBeTruthy();
    const remote = (error as { remoteMessage?: string }).remoteMessage ?? '';
    expect(remote).toContain('clientId');
    expect(remote).not.toContain('SECRET');
  });

  it('is a BAD_RESPONSE from Maskinporten when the token or its lifetime is missing', async () => {
    const fetch = scriptedFetch(() => json(200, { access_token: 'eyJ…', token_type: 'Bearer' }));
    const client = new MaskinportenTokenClient({
      http: http(fetch),
      clock: new FakeClock(),
      endpoint: { issuer: 'https://mp.test/', tokenEndpoint: 'https://mp.test/token' },
      clientId: 'c',
      signingKey: async () => ({ kid: 'k', key: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey }),
    });
    const error = await client.requestToken({ scopes: ['s'] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', service: 'maskinporten', correlationId: sentCorrelationId(fetch) });
  });

  it('is a BAD_RESPONSE from Skatteetaten when a claim has no id', async () => {
    const fetch = scriptedFetch(() => json(200, { aapentKravMedGjenstaaendeBeloep: [{ kravtype: 'RESTSKATT', opprinneligBeloep: 1 }] }));
    const kb = new KravOgBetalingerClient({
      http: http(fetch),
      baseUrl: 'https://kb.test/v1',
      tokens: { getToken: async () => 'tok', invalidate: () => {} },
    });
    const error = await kb.openClaims('313367002').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', service: 'skatteetaten', correlationId: sentCorrelationId(fetch) });
    expect((error as { remoteMessage?: string }).remoteMessage).toContain('kravidentifikator');
  });
});

describe('lenient where the service is', () => {
  it('reads Access Management nulls, keyValues and the "legacyurn " key, and skips nothing it can read', async () => {
    const fetch = scriptedFetch(() =>
      json(200, {
        links: { next: null },
        data: [
          {
            client: { id: 'p1', name: 'A', organizationIdentifier: '313367002', parent: null, keyValues: { k: 'v' }, partyid: 1 },
            access: [{ role: { code: null, urn: null, 'legacyurn ': 'urn:altinn:rolecode:revi' }, packages: null }],
          },
        ],
      }),
    );
    const api = new AccessManagementApi(http(fetch), PLATFORM, () => 't');
    expect(await api.listClients('firm')).toEqual([
      {
        partyUuid: 'p1',
        orgNumber: '313367002',
        name: 'A',
        variant: undefined,
        parentOrgNumber: undefined,
        relationships: ['REVI'],
        roles: [],
        packages: [],
      },
    ]);
  });

  it('reads a system register answer that says isDeleted instead of softDeleted, with extra fields', async () => {
    const fetch = scriptedFetch(() =>
      json(200, { systemId: 'sys', vendor: { id: '0192:310000019' }, isDeleted: true, rights: [], name: { nb: 'x' } }),
    );
    const api = new VendorApi(http(fetch), PLATFORM, () => 't');
    expect(await api.getSystem('sys')).toMatchObject({ id: 'sys', vendorOrgNumber: '310000019', softDeleted: true, isVisible: false });
  });
});
