// A passphrase's scrypt is the costly part of opening the keys (about 100 ms at the default cost), and the app
// opens them while it serves its first answers: the vault derives on libuv's thread pool, never with scryptSync
// on the main thread, whether the passphrase opens the file, is chosen, or is typed.
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir';
import { TEST_SCRYPT } from './helpers';

const crypto = vi.hoisted(() => ({ scryptSyncCalls: 0 }));
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  return {
    ...original,
    scryptSync: (...args: Parameters<typeof original.scryptSync>) => {
      crypto.scryptSyncCalls++;
      return original.scryptSync(...args);
    },
  };
});

const { KeyVault } = await import('../../../electron/platform/keys/key-vault');
const { passphraseProtector } = await import('../../../electron/platform/keys/protector');

const temp = useTempDirs();
let file = '';
beforeEach(() => {
  file = join(temp.make('vault'), 'keys.json');
  crypto.scryptSyncCalls = 0;
});

describe('the key vault and the main thread', () => {
  it('opens, seals and reopens with a passphrase protector without scryptSync', async () => {
    const vault = await KeyVault.open({ file, protector: passphraseProtector('correct horse battery', TEST_SCRYPT) });
    await vault.generate({ environment: 'test', kid: 'k1' });
    const again = await KeyVault.open({ file, protector: passphraseProtector('correct horse battery', TEST_SCRYPT) });
    expect(again.signingKey('test').kid).toBe('k1');
    expect(crypto.scryptSyncCalls).toBe(0);
    // The control: a protector asked to seal without preparing derives on the spot.
    passphraseProtector('correct horse battery', TEST_SCRYPT).encrypt(Buffer.from('x'));
    expect(crypto.scryptSyncCalls).toBe(1);
  });

  it('chooses and types a passphrase without scryptSync, and still refuses a wrong one', async () => {
    const typed = { kind: 'typed-passphrase', scrypt: TEST_SCRYPT } as const;
    const first = await KeyVault.open({ file, protector: typed });
    await first.setPassphrase('a passphrase of ours');
    await first.generate({ environment: 'test', kid: 'k1' });
    const later = await KeyVault.open({ file, protector: typed });
    await expect(later.unlock('not the passphrase')).rejects.toMatchObject({ code: 'KEY_VAULT_WRONG_PASSPHRASE' });
    await later.unlock('a passphrase of ours');
    expect(later.signingKey('test').kid).toBe('k1');
    expect(crypto.scryptSyncCalls).toBe(0);
  });
});
