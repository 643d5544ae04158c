import { generateKeyPairSync } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KeyVault } from '../../../electron/platform/keys/key-vault';
import { osProtector, passphraseProtector, type Protector } from '../../../electron/platform/keys/protector';
import { FakeClock, TEST_SCRYPT } from './helpers';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

let dir: string;
let file: string;
beforeEach(async () => {
  dir = temp.make('vault');
  file = join(dir, 'keys.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const pass = (p = 'correct horse battery'): ReturnType<typeof passphraseProtector> => passphraseProtector(p, TEST_SCRYPT);

describe('key vault', () => {
  it('stores no plaintext key material on disk', async () => {
    const vault = await KeyVault.open({ file, protector: pass() });
    const info = await vault.generate({ environment: 'test', kid: 'k1' });
    const stored = await readFile(file, 'utf8');
    expect(stored).not.toMatch(/PRIVATE KEY|"d"\s*:|"p"\s*:|"qi"\s*:/);
    expect(stored).toContain(info.publicJwk.n);
    expect(info.publicJwk).toMatchObject({ kty: 'RSA', e: 'AQAB', kid: 'k1', alg: 'RS256', use: 'sig' });
    expect(Object.keys(info.publicJwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
    expect(JSON.stringify(vault)).not.toMatch(/PRIVATE|"d"/);
  });

  it('gives keys a one-year lifetime', async () => {
    const clock = new FakeClock(Date.parse('2026-01-01T00:00:00Z'));
    const vault = await KeyVault.open({ file, protector: pass(), clock });
    const k = await vault.generate({ environment: 'test' });
    expect(k.createdAt).toBe('2026-01-01T00:00:00.000Z');
    expect(k.expiresAt).toBe('2027-01-01T00:00:00.000Z');
    expect(k.kid).toMatch(/^klientdesk-test-20260101-[0-9a-f]{8}$/);
    clock.ms = Date.parse('2027-01-02T00:00:00Z');
    expect(() => vault.signingKey('test')).toThrow(/no active, unexpired signing key/);
  });

  it('reopens with the right passphrase and fails cleanly with a wrong one', async () => {
    const vault = await KeyVault.open({ file, protector: pass() });
    await vault.generate({ environment: 'test', kid: 'k1' });
    const again = await KeyVault.open({ file, protector: pass() });
    expect(again.signingKey('test').kid).toBe('k1');
    await expect(KeyVault.open({ file, protector: pass('wrong passphrase!') })).rejects.toMatchObject({
      code: 'KEY_VAULT_WRONG_PASSPHRASE',
    });
  });

  it('refuses to store keys without protection, or through a protector that does not encrypt', async () => {
    const unavailable: Protector = { isAvailable: () => false, encrypt: (b) => b, decrypt: (b) => b };
    await expect(KeyVault.open({ file, protector: osProtector(unavailable) })).rejects.toMatchObject({ code: 'KEY_VAULT_NO_PROTECTION' });
    const identity: Protector = { isAvailable: () => true, encrypt: (b) => Buffer.from(b), decrypt: (b) => b };
    const vault = await KeyVault.open({ file, protector: osProtector(identity) });
    await expect(vault.generate({ environment: 'test' })).rejects.toMatchObject({ code: 'KEY_VAULT_NO_PROTECTION' });
  });

  it('uses an injected OS protector and refuses to open its file with a passphrase', async () => {
    const xor: Protector = {
      isAvailable: () => true,
      encrypt: (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
      decrypt: (b) => Buffer.from(b.map((x) => x ^ 0x5a)),
    };
    const vault = await KeyVault.open({ file, protector: osProtector(xor) });
    await vault.generate({ environment: 'demo', kid: 'os-1' });
    expect((await KeyVault.open({ file, protector: osProtector(xor) })).signingKey('demo').kid).toBe('os-1');
    await expect(KeyVault.open({ file, protector: pass() })).rejects.toMatchObject({ code: 'KEY_VAULT_WRONG_PROTECTION' });
  });

  it('rotates with two active keys: the newest signs, the old one stays published until removed', async () => {
    const clock = new FakeClock();
    const vault = await KeyVault.open({ file, protector: pass(), clock });
    await vault.generate({ environment: 'test', kid: 'old' });
    clock.advance(60);
    await vault.generate({ environment: 'test', kid: 'new', status: 'pending' });
    expect(vault.signingKey('test').kid).toBe('old');
    expect(vault.publicJwks('test').keys.map((k) => k.kid)).toEqual(['old', 'new']);
    await vault.setStatus('new', 'active');
    expect(vault.signingKey('test').kid).toBe('new');
    expect(vault.list('test').filter((k) => k.status === 'active')).toHaveLength(2);
    await vault.remove('old');
    expect(vault.publicJwks('test').keys.map((k) => k.kid)).toEqual(['new']);
    expect((await KeyVault.open({ file, protector: pass(), clock })).signingKey('test').kid).toBe('new');
    expect(() => vault.signingKey('production')).toThrow();
  });

  it('imports a PKCS#8 PEM and a private JWK', async () => {
    const vault = await KeyVault.open({ file, protector: pass() });
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const fromPem = await vault.importPem(pem, { environment: 'test', kid: 'pem-1' });
    expect(fromPem.publicJwk.n).toBe(publicKey.export({ format: 'jwk' }).n);

    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    const fromJwk = await vault.importJwk({ ...other, kid: 'jwk-1' }, { environment: 'test' });
    expect(fromJwk.kid).toBe('jwk-1');
    expect(fromJwk.publicJwk.n).toBe(other.n);

    await expect(vault.importPem('not a key', { environment: 'test' })).rejects.toMatchObject({ code: 'KEY_IMPORT_FAILED' });
    await expect(vault.importJwk({ kty: 'RSA', n: other.n, e: other.e }, { environment: 'test' })).rejects.toMatchObject({
      code: 'KEY_IMPORT_FAILED',
    });
    const small = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    await expect(vault.importPem(small, { environment: 'test' })).rejects.toMatchObject({ code: 'KEY_IMPORT_FAILED' });
    expect(await readFile(file, 'utf8')).not.toMatch(/PRIVATE KEY|"d"\s*:/);
  });
});
