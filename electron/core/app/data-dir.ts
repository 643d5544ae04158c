import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** `--data-dir DIR` wins, then KLIENTDESK_DATA_DIR, then the platform default given by the caller. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback?: string): string {
  const i = argv.indexOf('--data-dir');
  const fromArg = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  if (fromArg) return resolve(fromArg);
  if (env.KLIENTDESK_DATA_DIR) return resolve(env.KLIENTDESK_DATA_DIR);
  return fallback ?? join(homedir(), '.klientdesk');
}
