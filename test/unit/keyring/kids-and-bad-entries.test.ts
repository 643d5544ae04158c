// Kids are checked at the contract; a refused registration saves nothing; a bad entry in the key file is
// reported and removable instead of failing every call.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/contract';
import { kidSchema } from '../../../shared/contract/keys';
import { createKeyringHandlers } from '../../../electron/features/keys/feature';
import { KeyVault, newKid } from '../../../electron/platform/keys/key-vault';
import { passphraseProtector } from '../../../electron/platform/keys/protector';
import { TEST_SCRYPT } from '../core/helpers';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const call = { transport: 'ipc' as const };
let dir: string;
let file: string;
beforeEach(async () => {
  dir = temp.make('kids');
  file = join(dir, 'keys.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));
const open = (): Promise<KeyVault> => KeyVault.open({ file, protector: passphraseProtector('correct horse battery', TEST_SCRYPT) });

describe('key ids', () => {
  it('are refused at the contract when empty, too long, or holding NUL, right-to-left marks or markup', () => {
    for (const bad of ['', '\u0000', 'a\u0000b', 'kid\u202Egpj', '\u200Fkid', '<img src=x>', 'a b', 'æøå', 'x'.repeat(65)]) {
      expect(contract['keys.generate'].input.safeParse({ kid: bad }).success, JSON.stringify(bad)).toBe(false);
      expect(contract['keys.import'].input.safeParse({ kid: bad, material: 'x' }).success).toBe(false);
      expect(contract['keys.remove'].input.safeParse({ kid: bad }).success).toBe(false);
    }
    for (const good of ['k', 'x'.repeat(64), 'klientdesk-test-20260101-0a1b2c3d', 'firm:key_1.2', newKid('production')]) {
      expect(kidSchema.safeParse(good).success, good).toBe(true);
    }
    // The schema is what refuses: a plain string would let the empty kid through.
    expect(contract['keys.generate'].input.safeParse({}).success).toBe(true);
  });

  it('are checked by the vault as well, for callers that skip the contract', async () => {
    const vault = await open();
    await expect(vault.generate({ environment: 'demo', kid: '' })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    expect(vault.list()).toEqual([]);
  });
});

describe('generating and registering a key', () => {
  it('saves nothing when the registration is refused', async () => {
    const vault = await open();
    await vault.generate({ environment: 'demo', kid: 'kd-first' });
    const before = await readFile(file, 'utf8');
    let offered: string | undefined;
    const handlers = createKeyringHandlers({
      vault: async () => vault,
      environment: () => 'demo',
      registerKey: (jwk) => {
        offered = jwk.kid;
        throw Object.assign(new Error('A client may have at most 5 keys'), { code: 'KEY_REGISTRATION_FAILED' });
      },
    });
    await expect(handlers['keys.generate']({ kid: 'kd-second' }, call)).rejects.toThrow(/at most 5 keys/);
    expect(offered).toBe('kd-second');
    expect(vault.list().map((k) => k.kid)).toEqual(['kd-first']);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect((await open()).list().map((k) => k.kid)).toEqual(['kd-first']);
  });

  it('keeps the key when the registration succeeds', async () => {
    const vault = await open();
    const registered: string[] = [];
    const handlers = createKeyringHandlers({
      vault: async () => vault,
      environment: () => 'demo',
      registerKey: (jwk) => void registered.push(jwk.kid),
    });
    await handlers['keys.generate']({ kid: 'kd-ok' }, call);
    expect(registered).toEqual(['kd-ok']);
    expect((await open()).list().map((k) => k.kid)).toEqual(['kd-ok']);
  });
});

describe('a key file with a bad entry', () => {
  it('opens, reports the entry, keeps the good keys usable, and removes the entry on request', async () => {
    const vault = await open();
    await vault.generate({ environment: 'demo', kid: 'kd-good' });
    const stored = JSON.parse(await readFile(file, 'utf8')) as { keys: Record<string, unknown>[] };
    stored.keys.push({ ...stored.keys[0], kid: '', publicJwk: { ...(stored.keys[0]!.publicJwk as object), kid: '' } });
    stored.keys.push({ kid: 'kd-\u202Emarkup<b>' });
    await writeFile(file, JSON.stringify(stored));

    const reopened = await open();
    const handlers = createKeyringHandlers({ vault: async () => reopened, environment: () => 'demo' });
    expect((await handlers['keys.list']({}, call)).map((k) => k.kid)).toEqual(['kd-good']);
    expect(reopened.signingKey('demo').kid).toBe('kd-good');
    const state = await handlers['keys.lockState']({}, call);
    contract['keys.lockState'].output.parse(state);
    expect(state.badEntries).toHaveLength(2);
    expect(state.badEntries.map((b) => b.label)).toEqual(['(no key id)', 'kd-?markup?b?']);

    const after = await handlers['keys.removeBadEntry']({ id: state.badEntries[0]!.id }, call);
    expect(after.badEntries).toHaveLength(1);
    await expect(handlers['keys.removeBadEntry']({ id: state.badEntries[0]!.id }, call)).rejects.toMatchObject({ code: 'KEY_NOT_FOUND' });
    await handlers['keys.removeBadEntry']({ id: after.badEntries[0]!.id }, call);
    const clean = await open();
    expect(clean.state().badEntries).toEqual([]);
    expect(clean.list().map((k) => k.kid)).toEqual(['kd-good']);
  });
});
