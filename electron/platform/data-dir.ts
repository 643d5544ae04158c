import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * Where Electron keeps the app's data (`app.getPath('userData')`: the OS's per-user app-data folder plus the
 * product name), so the browser host started by `npm start` without Electron opens the same data as the app.
 */
export function platformDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = homedir();
  const appData =
    platform === 'win32'
      ? (env.APPDATA ?? join(home, 'AppData', 'Roaming'))
      : platform === 'darwin'
        ? join(home, 'Library', 'Application Support')
        : (env.XDG_CONFIG_HOME ?? join(home, '.config'));
  return join(appData, 'Klientdesk');
}

/** `--data-dir DIR` wins, then KLIENTDESK_DATA_DIR, then the platform default given by the caller. */
export function resolveDataDir(argv: readonly string[], env: NodeJS.ProcessEnv, fallback?: string): string {
  const i = argv.indexOf('--data-dir');
  const fromArg = i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--data-dir='))?.slice('--data-dir='.length);
  if (fromArg) return resolve(fromArg);
  if (env.KLIENTDESK_DATA_DIR) return resolve(env.KLIENTDESK_DATA_DIR);
  return fallback ?? platformDataDir(process.platform, env);
}
