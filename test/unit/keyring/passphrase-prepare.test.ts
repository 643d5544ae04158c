// prepare() derives a blob's key off the event loop so the host keeps serving while the keys unlock; what
// decrypt answers afterwards must be exactly what it answers without it.
import { describe, expect, it, vi } from 'vitest';
import * as crypto from 'node:crypto';
import { passphraseProtector, WRONG_PASSPHRASE } from '../../../electron/platform/keys/protector';
import { TEST_SCRYPT } from '../core/helpers';

vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof import('node:crypto')>();
  return { ...actual, scryptSync: vi.fn(actual.scryptSync) };
});

const PASSPHRASE = 'correct horse battery staple';

describe('passphraseProtector.prepare', () => {
  it('derives the key for a sealed blob so decrypt opens it without a synchronous scrypt', async () => {
    const sealed = passphraseProtector(PASSPHRASE, TEST_SCRYPT).encrypt(Buffer.from('a private key'));
    const opener = passphraseProtector(PASSPHRASE, TEST_SCRYPT);
    vi.mocked(crypto.scryptSync).mockClear();
    await opener.prepare!(sealed);
    expect(opener.decrypt(sealed).toString()).toBe('a private key');
    expect(crypto.scryptSync).not.toHaveBeenCalled();
  });

  it('leaves a wrong passphrase just as wrong', async () => {
    const sealed = passphraseProtector(PASSPHRASE, TEST_SCRYPT).encrypt(Buffer.from('a private key'));
    const wrong = passphraseProtector('not the passphrase at all', TEST_SCRYPT);
    await wrong.prepare!(sealed);
    expect(() => wrong.decrypt(sealed)).toThrow(expect.objectContaining({ code: WRONG_PASSPHRASE }));
  });

  it('leaves a damaged blob for decrypt to report', async () => {
    const opener = passphraseProtector(PASSPHRASE, TEST_SCRYPT);
    const damaged = Buffer.from('not a sealed blob');
    await expect(opener.prepare!(damaged)).resolves.toBeUndefined();
    expect(() => opener.decrypt(damaged)).toThrow(expect.objectContaining({ code: 'KEY_VAULT_CORRUPT' }));
  });
});
