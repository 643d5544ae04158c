// A key vault in a temp folder for the core integration tests (removed by `cleanup`).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyVault } from '../../../electron/platform/keys/key-vault';
import { passphraseProtector } from '../../../electron/platform/keys/protector';

export async function tempVault(): Promise<{ vault: KeyVault; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'kd-int-'));
  const vault = await KeyVault.open({
    file: join(dir, 'keys.json'),
    protector: passphraseProtector('integration-test-pass', { N: 2 ** 10, r: 8, p: 1 }),
  });
  return { vault, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
