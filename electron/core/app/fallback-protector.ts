// Where no OS key store is available (the browser host, tests, a Linux desktop without a keyring), private
// keys are sealed with a passphrase: KLIENTDESK_KEY_PASSPHRASE when set, otherwise a random one kept in the
// data folder with owner-only permissions. The latter protects against a copied key file, not against
// someone who can read the whole data folder, so the desktop app prefers the OS key store.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { passphraseProtector, type NamedProtector } from '../keys/protector';

export function fallbackProtector(dataDir: string, env: NodeJS.ProcessEnv = process.env): NamedProtector {
  const given = env.KLIENTDESK_KEY_PASSPHRASE;
  if (given) return passphraseProtector(given);
  const file = join(dataDir, 'key-passphrase');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return passphraseProtector(readFileSync(file, 'utf8').trim());
}
