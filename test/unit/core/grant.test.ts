import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { decodeProtectedHeader, importJWK, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KeyVault } from '../../../electron/platform/keys/key-vault';
import { passphraseProtector } from '../../../electron/platform/keys/protector';
import { buildGrant, MAX_GRANT_LIFETIME_SECONDS } from '../../../electron/services/maskinporten/grant';
import { TEST_SCRYPT } from './helpers';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const CLIENT_ID = 'b7e2c0de-5a4f-4c1b-9e3d-7f6a5b4c3d21';
const AUD = 'https://test.maskinporten.no/';
let dir: string;
let vault: KeyVault;

beforeAll(async () => {
  dir = temp.make('grant');
  vault = await KeyVault.open({ file: join(dir, 'k.json'), protector: passphraseProtector('grant test pass', TEST_SCRYPT) });
  await vault.generate({ environment: 'test', kid: 'smartcloud-demo-2026-1' });
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('JWT grant', () => {
  it('verifies with the exported public JWK and carries every required claim', async () => {
    const iat = Math.floor(Date.now() / 1000);
    const grant = await buildGrant(
      {
        clientId: CLIENT_ID,
        audience: AUD,
        scopes: ['skatteetaten:kravogbetalinger'],
        systemUser: { orgNumber: '310 000 027', externalRef: 'regnskapsfirma-skatt' },
      },
      vault.signingKey('test'),
      iat,
    );
    const publicKey = await importJWK(vault.publicJwk('smartcloud-demo-2026-1'), 'RS256');
    const { payload, protectedHeader } = await jwtVerify(grant, publicKey, { issuer: CLIENT_ID, audience: AUD, algorithms: ['RS256'] });
    expect(protectedHeader).toEqual({ alg: 'RS256', kid: 'smartcloud-demo-2026-1' });
    expect(payload.scope).toBe('skatteetaten:kravogbetalinger');
    expect(payload.iat).toBe(iat);
    expect(payload.exp! - payload.iat!).toBeLessThanOrEqual(MAX_GRANT_LIFETIME_SECONDS);
    expect(payload.exp! - payload.iat!).toBeGreaterThan(0);
    expect(payload.jti).toMatch(/^[0-9a-f-]{36}$/);
    expect(payload.authorization_details).toEqual([
      {
        type: 'urn:altinn:systemuser',
        systemuser_org: { authority: 'iso6523-actorid-upis', ID: '0192:310000027' },
        externalRef: 'regnskapsfirma-skatt',
      },
    ]);
    expect(Object.keys(payload).sort()).toEqual(['aud', 'authorization_details', 'exp', 'iat', 'iss', 'jti', 'scope']);
  });

  it('omits externalRef when none is given, and authorization_details for vendor grants', async () => {
    const key = vault.signingKey('test');
    const now = Math.floor(Date.now() / 1000);
    const su = await buildGrant({ clientId: CLIENT_ID, audience: AUD, scopes: ['s'], systemUser: { orgNumber: '310000027' } }, key, now);
    const publicKey = await importJWK(vault.publicJwk(key.kid), 'RS256');
    const { payload } = await jwtVerify(su, publicKey);
    expect(payload.authorization_details).toEqual([
      { type: 'urn:altinn:systemuser', systemuser_org: { authority: 'iso6523-actorid-upis', ID: '0192:310000027' } },
    ]);
    const vendor = await buildGrant({ clientId: CLIENT_ID, audience: AUD, scopes: ['a', 'b'] }, key, now);
    const v = (await jwtVerify(vendor, publicKey)).payload;
    expect(v.authorization_details).toBeUndefined();
    expect(v.scope).toBe('a b');
    expect(decodeProtectedHeader(vendor).kid).toBe(key.kid);
  });

  it('uses a fresh jti every time and enforces the 120 s rule and a valid org number', async () => {
    const key = vault.signingKey('test');
    const spec = { clientId: CLIENT_ID, audience: AUD, scopes: ['s'] };
    const [a, b] = await Promise.all([buildGrant(spec, key, 1000), buildGrant(spec, key, 1000)]);
    const jti = (g: string): unknown => JSON.parse(Buffer.from(g.split('.')[1]!, 'base64url').toString()).jti;
    expect(jti(a!)).not.toBe(jti(b!));
    await expect(buildGrant({ ...spec, lifetimeSeconds: 121 }, key, 1000)).rejects.toMatchObject({ code: 'INVALID_GRANT_LIFETIME' });
    await expect(buildGrant({ ...spec, systemUser: { orgNumber: '310000028' } }, key, 1000)).rejects.toMatchObject({
      code: 'INVALID_ORG_NUMBER',
    });
  });
});
