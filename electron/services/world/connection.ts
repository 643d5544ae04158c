// How the app reaches a demo world: its admin address and the secret its admin API wants. The shells decide
// where the world comes from (started in-process on demand, or a standalone `npm run demo-world`); core only
// ever talks to it over HTTP, the same way for both.
import { AppError } from '../../../shared/errors';

export interface WorldConnection {
  adminUrl: string;
  adminSecret: string;
}

/** A world the app is using; `release` stops it when the shell started it, and does nothing otherwise. */
export interface WorldLease {
  connection: WorldConnection;
  release(): Promise<void>;
}

/** Where the Demo environment's world comes from; asked each time Demo becomes the active environment. */
export interface WorldProvider {
  acquire(): Promise<WorldLease>;
}

export const WORLD_SECRET_ENV = 'KLIENTDESK_WORLD_SECRET';

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** A world's admin address: http on a loopback host (the world refuses any other Host), no path. */
export function parseWorldAddress(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new AppError('BAD_WORLD_ADDRESS', `"${raw}" is not an address. Give the demo world's admin address, e.g. http://127.0.0.1:7404.`);
  }
  if (url.protocol !== 'http:' || !LOOPBACK_HOSTS.has(url.hostname) || url.username || url.password) {
    throw new AppError(
      'BAD_WORLD_ADDRESS',
      `The demo world's admin address must be http on this machine (127.0.0.1, localhost or [::1]); got ${url.origin}.`,
    );
  }
  return url.origin;
}

/** A world that runs on its own: the app connects to it and never stops it. */
export function standaloneWorld(connection: WorldConnection): WorldProvider {
  const checked = { adminUrl: parseWorldAddress(connection.adminUrl), adminSecret: connection.adminSecret };
  return { acquire: async () => ({ connection: checked, release: async () => undefined }) };
}

/** Reads `--world URL` and `--world-secret S` (or the secret from the environment) from a command line. */
export function worldConnectionFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): WorldConnection | undefined {
  const value = (name: string): string | undefined => {
    const i = argv.indexOf(`--${name}`);
    const inline = argv.find((a) => a.startsWith(`--${name}=`));
    if (inline) return inline.slice(name.length + 3);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const adminUrl = value('world');
  if (adminUrl === undefined) return undefined;
  const adminSecret = value('world-secret') ?? env[WORLD_SECRET_ENV] ?? '';
  if (adminSecret === '') {
    throw new AppError('WORLD_SECRET_MISSING', `--world needs the world's admin secret: pass --world-secret or set ${WORLD_SECRET_ENV}.`);
  }
  return { adminUrl: parseWorldAddress(adminUrl), adminSecret };
}
