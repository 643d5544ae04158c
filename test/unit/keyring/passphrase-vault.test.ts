// The typed passphrase: where no OS key store exists, the key file and everything else in the data folder
// must not be enough to unseal a key. Each protection is shown to matter by a run without it.
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fallbackProtector, givenPassphrase, LEGACY_PASSPHRASE_FILE } from '../../../electron/platform/keys/fallback-protector';
import { KeyVault } from '../../../electron/platform/keys/key-vault';
import { passphraseProtector, type TypedPassphrase } from '../../../electron/platform/keys/protector';
import { TEST_SCRYPT } from '../core/helpers';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const PASSPHRASE = 'fjell og fjord 2026';
let dir: string;
let file: string;
beforeEach(async () => {
  dir = temp.make('passvault');
  file = join(dir, 'keys.json');
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const typed = (extra: Partial<TypedPassphrase> = {}): TypedPassphrase => ({
  kind: 'typed-passphrase',
  scrypt: TEST_SCRYPT,
  legacyPassphraseFile: join(dir, LEGACY_PASSPHRASE_FILE),
  ...extra,
});

/** What an attacker holding a copy of the folder can try: every file's content (and its lines) as passphrase. */
async function tryEverythingInFolder(folder: string): Promise<boolean> {
  const candidates = new Set<string>();
  for (const name of await readdir(folder)) {
    const text = await readFile(join(folder, name), 'utf8').catch(() => '');
    candidates.add(text.trim());
    for (const line of text.split(/\r?\n|"/)) if (line.trim().length >= 8) candidates.add(line.trim());
  }
  // The host's own start-up path with no passphrase given.
  const vault = await KeyVault.open({ file: join(folder, 'keys.json'), protector: fallbackProtector(folder, {}) });
  if (vault.isUnlocked) return true;
  for (const candidate of candidates) {
    if (candidate.length < 8) continue;
    try {
      const opened = await KeyVault.open({ file: join(folder, 'keys.json'), protector: passphraseProtector(candidate, TEST_SCRYPT) });
      if (opened.isUnlocked && opened.list().length > 0) return true;
    } catch {
      // wrong: the next one
    }
  }
  return false;
}

describe('a vault sealed with a typed passphrase', () => {
  it('opens locked, refuses key operations until the passphrase is chosen, and never writes the passphrase', async () => {
    const vault = await KeyVault.open({ file, protector: typed() });
    expect(vault.state()).toMatchObject({ protection: 'passphrase', state: 'unset', legacyKeys: 0, badEntries: [] });
    await expect(vault.generate({ environment: 'demo' })).rejects.toMatchObject({ code: 'KEY_VAULT_LOCKED' });
    await expect(vault.setPassphrase('short')).rejects.toMatchObject({ code: 'KEY_VAULT_WEAK_PASSPHRASE' });
    expect((await vault.setPassphrase(PASSPHRASE)).state).toBe('unlocked');
    const key = await vault.generate({ environment: 'demo', kid: 'kd-1' });
    expect(vault.signingKey('demo').kid).toBe(key.kid);
    for (const name of await readdir(dir)) {
      const text = await readFile(join(dir, name), 'utf8');
      expect(text).not.toContain(PASSPHRASE);
      expect(text).not.toContain(Buffer.from(PASSPHRASE).toString('base64'));
    }
  });

  it('is locked again at the next launch: public parts are listed, signing waits for the right passphrase', async () => {
    const first = await KeyVault.open({ file, protector: typed() });
    await first.setPassphrase(PASSPHRASE);
    await first.generate({ environment: 'demo', kid: 'kd-1' });

    const again = await KeyVault.open({ file, protector: typed() });
    expect(again.state().state).toBe('locked');
    expect(again.list().map((k) => k.kid)).toEqual(['kd-1']);
    expect(() => again.signingKey('demo')).toThrow(expect.objectContaining({ code: 'KEY_VAULT_LOCKED' }));
    await expect(again.setPassphrase('another passphrase')).rejects.toMatchObject({ code: 'KEY_VAULT_PASSPHRASE_SET' });
    await expect(again.unlock('not the passphrase')).rejects.toMatchObject({ code: 'KEY_VAULT_WRONG_PASSPHRASE' });
    expect(again.isUnlocked).toBe(false);
    await again.unlock(PASSPHRASE);
    expect(again.signingKey('demo').kid).toBe('kd-1');
  });

  it('with only a copy of the data folder, nothing unseals a key', async () => {
    const vault = await KeyVault.open({ file, protector: typed() });
    await vault.setPassphrase(PASSPHRASE);
    await vault.generate({ environment: 'demo', kid: 'kd-1' });
    await writeFile(join(dir, 'settings.json'), '{"language":"nb"}');
    const copy = temp.make('stolen');
    try {
      await cp(dir, copy, { recursive: true });
      expect(await tryEverythingInFolder(copy)).toBe(false);
    } finally {
      await rm(copy, { recursive: true, force: true });
    }
  });

  it('the old layout (a random passphrase beside the keys) is opened by the folder alone: the attack works', async () => {
    await writeFile(join(dir, LEGACY_PASSPHRASE_FILE), 'r4ndom-passphrase-kept-beside-the-keys');
    const old = await KeyVault.open({ file, protector: passphraseProtector('r4ndom-passphrase-kept-beside-the-keys', TEST_SCRYPT) });
    await old.generate({ environment: 'demo', kid: 'kd-old' });
    expect(await tryEverythingInFolder(dir)).toBe(true);
  });

  it('migrates keys sealed the old way on the first unlock, then deletes the old passphrase file', async () => {
    const legacyFile = join(dir, LEGACY_PASSPHRASE_FILE);
    await writeFile(legacyFile, 'r4ndom-passphrase-kept-beside-the-keys\n');
    const old = await KeyVault.open({ file, protector: passphraseProtector('r4ndom-passphrase-kept-beside-the-keys', TEST_SCRYPT) });
    const oldKey = await old.generate({ environment: 'demo', kid: 'kd-old' });
    // Files of older versions have no passphrase check.
    const { passphraseCheck, ...oldFile } = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(passphraseCheck).toBeDefined();
    await writeFile(file, JSON.stringify(oldFile));

    const vault = await KeyVault.open({ file, protector: typed() });
    expect(vault.state()).toMatchObject({ state: 'unset', legacyKeys: 1 });
    await vault.setPassphrase(PASSPHRASE);
    await expect(readFile(legacyFile)).rejects.toMatchObject({ code: 'ENOENT' });
    expect(vault.signingKey('demo').kid).toBe(oldKey.kid);

    const reopened = await KeyVault.open({ file, protector: typed() });
    expect(reopened.state()).toMatchObject({ state: 'locked', legacyKeys: 0 });
    await expect(reopened.unlock('r4ndom-passphrase-kept-beside-the-keys')).rejects.toMatchObject({ code: 'KEY_VAULT_WRONG_PASSPHRASE' });
    await reopened.unlock(PASSPHRASE);
    expect(reopened.publicJwk('kd-old').n).toBe(oldKey.publicJwk.n);
    expect(await tryEverythingInFolder(dir)).toBe(false);
  });

  it('unattended runs take the passphrase from the environment or from a named file', async () => {
    const first = await KeyVault.open({
      file,
      protector: { ...fallbackProtector(dir, { KLIENTDESK_KEY_PASSPHRASE: PASSPHRASE }), scrypt: TEST_SCRYPT },
    });
    expect(first.isUnlocked).toBe(true);
    await first.generate({ environment: 'test', kid: 'kd-cli' });

    const passFile = join(dir, '..', `kd-passfile-${process.pid}`);
    await writeFile(passFile, `${PASSPHRASE}\n`, { mode: 0o600 });
    try {
      expect(givenPassphrase({ KLIENTDESK_KEY_PASSPHRASE_FILE: passFile })).toBe(PASSPHRASE);
      const second = await KeyVault.open({
        file,
        protector: { ...fallbackProtector(dir, { KLIENTDESK_KEY_PASSPHRASE_FILE: passFile }), scrypt: TEST_SCRYPT },
      });
      expect(second.signingKey('test').kid).toBe('kd-cli');
    } finally {
      await rm(passFile, { force: true });
    }
    await expect(KeyVault.open({ file, protector: typed({ given: 'the wrong passphrase' }) })).rejects.toMatchObject({
      code: 'KEY_VAULT_WRONG_PASSPHRASE',
    });
    expect(() => givenPassphrase({ KLIENTDESK_KEY_PASSPHRASE_FILE: join(dir, 'missing') })).toThrow(/cannot be read/);
  });

  it('stores the scrypt parameters and salt beside each sealed key', async () => {
    const vault = await KeyVault.open({ file, protector: typed() });
    await vault.setPassphrase(PASSPHRASE);
    await vault.generate({ environment: 'demo', kid: 'kd-1' });
    const stored = JSON.parse(await readFile(file, 'utf8')) as { keys: { sealedPrivateKey: string }[] };
    const blob = Buffer.from(stored.keys[0]!.sealedPrivateKey, 'base64');
    expect(blob.subarray(0, 4).toString()).toBe('KDP1');
    expect([blob.readUInt32BE(4), blob.readUInt32BE(8), blob.readUInt32BE(12)]).toEqual([TEST_SCRYPT.N, TEST_SCRYPT.r, TEST_SCRYPT.p]);
  });
});
