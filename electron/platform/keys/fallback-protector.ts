// Where no OS key store is available (the browser host, a Linux desktop without a secret service), private
// keys are sealed with a passphrase the person types once per launch; it is never stored. Unattended and CLI
// runs name it in KLIENTDESK_KEY_PASSPHRASE, or in a file named by KLIENTDESK_KEY_PASSPHRASE_FILE (readable
// by the service account only). Older versions kept a random passphrase in `key-passphrase` beside the keys;
// the vault reseals those keys under the chosen passphrase and deletes that file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/errors';
import type { TypedPassphrase } from './protector';

export const LEGACY_PASSPHRASE_FILE = 'key-passphrase';

export function fallbackProtector(dataDir: string, env: NodeJS.ProcessEnv = process.env): TypedPassphrase {
  return { kind: 'typed-passphrase', given: givenPassphrase(env), legacyPassphraseFile: join(dataDir, LEGACY_PASSPHRASE_FILE) };
}

/** The administrator's passphrase for unattended runs, if any; a named file that cannot be read is an error. */
export function givenPassphrase(env: NodeJS.ProcessEnv): string | undefined {
  if (env.KLIENTDESK_KEY_PASSPHRASE) return env.KLIENTDESK_KEY_PASSPHRASE;
  const file = env.KLIENTDESK_KEY_PASSPHRASE_FILE;
  if (!file) return undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError('KEY_PASSPHRASE_FILE', `KLIENTDESK_KEY_PASSPHRASE_FILE names ${file}, which cannot be read.`);
  }
  // A file usually ends in a newline the administrator did not mean as part of the passphrase.
  const passphrase = text.replace(/\r?\n$/, '');
  if (passphrase === '') throw new AppError('KEY_PASSPHRASE_FILE', `The passphrase file ${file} is empty.`);
  return passphrase;
}
