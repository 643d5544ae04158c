import { generateKeyPairSync } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import type { EnvironmentId } from '../../../shared/contract/define';
import { createKeyringHandlers } from '../../../electron/features/keys/feature';
import { KeyVault } from '../../../electron/platform/keys/key-vault';
import { passphraseProtector } from '../../../electron/platform/keys/protector';
import { TEST_SCRYPT } from '../core/helpers';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const PRIVATE_MATERIAL = /"(d|p|q|dp|dq|qi)"\s*:|PRIVATE KEY/;
const call = { transport: 'ipc' as const };

let dir: string;
let environment: EnvironmentId;
let changes: number;
let handlers: ReturnType<typeof createKeyringHandlers>;
let vault: KeyVault;

beforeEach(async () => {
  dir = temp.make('keyring');
  vault = await KeyVault.open({ file: join(dir, 'keys.json'), protector: passphraseProtector('correct horse battery', TEST_SCRYPT) });
  environment = 'test';
  changes = 0;
  handlers = createKeyringHandlers({ vault: async () => vault, environment: () => environment, keysChanged: async () => void changes++ });
});
afterEach(() => rm(dir, { recursive: true, force: true }));

/** Every answer as it would cross IPC: checked against the contract's output schema, then serialised. */
async function overIpc<C extends keyof typeof handlers>(channel: C, input: Parameters<(typeof handlers)[C]>[0]): Promise<string> {
  const value = await (handlers[channel] as (i: unknown, c: typeof call) => unknown)(input, call);
  contract[channel].output.parse(value);
  return JSON.stringify(value);
}

describe('keyring handlers', () => {
  it('never return private key material, whatever the operation', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const jwk = JSON.stringify({
      ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }),
      kid: 'from-jwk',
    });
    const outputs = [
      await overIpc('keys.generate', { kid: 'k1' }),
      await overIpc('keys.import', { kid: 'from-pem', material: pem }),
      await overIpc('keys.import', { material: jwk }),
      await overIpc('keys.setActive', { kid: 'from-pem', active: true }),
      await overIpc('keys.list', {}),
      await overIpc('keys.remove', { kid: 'from-jwk' }),
    ];
    for (const out of outputs) expect(out).not.toMatch(PRIVATE_MATERIAL);
    expect(JSON.parse(outputs[4]!).map((k: { kid: string }) => k.kid)).toEqual(['k1', 'from-pem', 'from-jwk']);
    expect(changes).toBe(5);
  });

  it('lets the first key sign at once and makes a rotation key wait until it is activated', async () => {
    const first = await handlers['keys.generate']({ kid: 'old' }, call);
    expect(first).toMatchObject({ status: 'active', signing: true, environment: 'test' });
    const second = await handlers['keys.generate']({ kid: 'new' }, call);
    expect(second).toMatchObject({ status: 'pending', signing: false });
    // Both are listed, the old one still signs until the new one is uploaded and activated.
    expect((await handlers['keys.list']({}, call)).map((k) => [k.kid, k.status, k.signing])).toEqual([
      ['old', 'active', true],
      ['new', 'pending', false],
    ]);
    await handlers['keys.setActive']({ kid: 'new', active: true }, call);
    await handlers['keys.setActive']({ kid: 'old', active: false }, call);
    expect((await handlers['keys.list']({}, call)).map((k) => [k.kid, k.status, k.signing])).toEqual([
      ['old', 'retired', false],
      ['new', 'active', true],
    ]);
  });

  it('shows and touches only the keys of the connected environment', async () => {
    await handlers['keys.generate']({ kid: 'test-key' }, call);
    environment = 'production';
    expect(await handlers['keys.list']({}, call)).toEqual([]);
    await expect(handlers['keys.remove']({ kid: 'test-key' }, call)).rejects.toMatchObject({ code: 'KEY_NOT_FOUND' });
    await expect(handlers['keys.setActive']({ kid: 'test-key', active: false }, call)).rejects.toMatchObject({ code: 'KEY_NOT_FOUND' });
  });

  it('refuses public keys and password-protected keys in plain words, without echoing the text', async () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const publicPem = rsa.publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const publicJwk = JSON.stringify(rsa.publicKey.export({ format: 'jwk' }));
    const encrypted = rsa.privateKey.export({ format: 'pem', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'secret-pass' }).toString();
    for (const material of [publicPem, publicJwk]) {
      await expect(handlers['keys.import']({ material }, call)).rejects.toMatchObject({
        code: 'KEY_IMPORT_FAILED',
        message: expect.stringContaining('public key'),
      });
    }
    await expect(handlers['keys.import']({ material: encrypted }, call)).rejects.toMatchObject({
      message: expect.stringContaining('password'),
    });
    const garbage = handlers['keys.import']({ material: 'not a key: hunter2' }, call);
    await expect(garbage).rejects.toMatchObject({ code: 'KEY_IMPORT_FAILED' });
    await expect(garbage).rejects.not.toMatchObject({ message: expect.stringContaining('hunter2') });
  });

  it('accepts a JWKS holding exactly one private key', async () => {
    const jwk = { ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), kid: 'in-a-set' };
    const imported = await handlers['keys.import']({ material: JSON.stringify({ keys: [jwk] }) }, call);
    expect(imported.kid).toBe('in-a-set');
    expect(Object.keys(imported.publicJwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });
});

describe('the key contract', () => {
  it('rejects a JWK with a private member instead of passing it on', () => {
    const leaked = {
      kid: 'k',
      environment: 'test',
      createdAt: '',
      expiresAt: '',
      status: 'active',
      signing: true,
      publicJwk: { kty: 'RSA', n: 'n', e: 'AQAB', kid: 'k', alg: 'RS256', use: 'sig', d: 'secret' },
    };
    expect(contract['keys.generate'].output.safeParse(leaked).success).toBe(false);
  });
});
