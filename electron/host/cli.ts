// `npm run web`: Klientdesk in a browser tab, on the same core and contract as the desktop app.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { openApp } from '../app/assemble';
import { resolveDataDir } from '../platform/data-dir';
import { fallbackProtector } from '../platform/keys/fallback-protector';
import { startHost } from './server';
import { useClientListWorker } from '../services/altinn/client-list-parser';

const USAGE = `Usage: npm run web -- [options]

Klientdesk in a browser tab, on the same data and contract as the desktop app. Prints the address to open.

Options:
  --data-dir DIR          the data folder (default: KLIENTDESK_DATA_DIR, else the app's own folder)
  --port N                listen on this loopback port (default: PORT, else a free one)
  --clients N             size of the embedded demo world (default: a few hundred clients)
  --world URL             use a standalone demo world (\`npm run demo-world\`) at this admin address
  --world-secret SECRET   that world's admin secret (default: KLIENTDESK_WORLD_SECRET)
  --restore-backup FILE   put a database backup back in place before starting
  --web-root DIR          where the built renderer is (default: KLIENTDESK_WEB_ROOT, else out/web)
  --help                  print this and exit

Environment: KLIENTDESK_KEY_PASSPHRASE or KLIENTDESK_KEY_PASSPHRASE_FILE unlock the keys without asking;
KLIENTDESK_HOST_SECRET fixes the host secret (at least 128 bits).`;

function readOptions() {
  try {
    return parseArgs({ args: process.argv.slice(2), options: OPTIONS, strict: true }).values;
  } catch (error) {
    // An unknown or incomplete option: say which, show the usage, and start nothing.
    console.error(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    process.exit(2);
  }
}

const OPTIONS = {
  'data-dir': { type: 'string' },
  port: { type: 'string' },
  clients: { type: 'string' },
  world: { type: 'string' },
  'world-secret': { type: 'string' },
  'restore-backup': { type: 'string' },
  'web-root': { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

const options = readOptions();

function option(name: keyof typeof options): string | undefined {
  const value = options[name];
  return typeof value === 'string' ? value : undefined;
}

async function main(): Promise<void> {
  if (options.help) {
    console.log(USAGE);
    return;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  useClientListWorker(join(here, 'client-list-worker.js'));
  const webRoot = resolve(option('web-root') ?? process.env.KLIENTDESK_WEB_ROOT ?? join(here, '..', 'web'));
  const dataDir = resolveDataDir(process.argv, process.env);
  const restore = option('restore-backup');
  const clients = option('clients') ? Number(option('clients')) : undefined;
  // `--world URL` points Demo at a standalone `npm run demo-world`; otherwise the host starts one in-process.
  // Opened, not started: the folder's lock is taken and the store opened here, so a second host on the folder
  // (or a damaged store) fails before this one prints an address. The environment starts once the host listens.
  const app = openApp({
    holder: 'the Klientdesk browser host',
    commandLine: { argv: process.argv, env: process.env },
    restoreBackupFrom: restore,
    dataDir,
    mode: 'browser',
    version: process.env.npm_package_version ?? '0.0.0',
    protector: fallbackProtector(dataDir),
    // Loaded when the environment starts, after the host listens: the first screen does not wait for its code.
    startEmbeddedWorld: async () =>
      (await import('../demo')).startDemoWorld({
        port: 0,
        clients,
        stateFile: join(dataDir, 'demo-world.json'),
        quiet: true,
        // Without --world, KLIENTDESK_WORLD_SECRET is the embedded world's admin secret (tests set its faults).
        adminSecret: process.env.KLIENTDESK_WORLD_SECRET || undefined,
      }),
    onInternalError: (channel, error) => console.error(`[host] ${channel} failed:`, error instanceof Error ? error.message : error),
  });
  const host = await startHost({
    dispatch: app.dispatch,
    bus: app.core.bus,
    // A page that opens its event stream after the environment came up still learns that it did.
    openingEvents: () => [{ event: 'app.status', payload: app.core.status() }],
    webRoot,
    port: Number(option('port') ?? process.env.PORT ?? 0),
    secret: process.env.KLIENTDESK_HOST_SECRET || undefined,
    fileDir: join(dataDir, 'transfers'),
  }).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  if (restore) console.log(`Restored ${restore}; the damaged file was kept beside it.`);
  console.log(`Klientdesk is running in the browser host. Open: ${host.launchUrl}`);
  console.log(`Data folder: ${dataDir}`);
  // From here a stop closes the app whether or not it has finished starting.
  const stop = async (): Promise<void> => {
    await host.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
  // The page is served, and its first questions (the client list, the settings, the status) answered from the
  // store, while the environment connects: the calls that need it wait for it (start-gate.ts).
  // The page's first screen reads only the store; the environment comes up after it (first-screen.ts).
  await app.core.startAfterFirstScreen().catch(async (error: unknown) => {
    await host.close();
    await app.close();
    throw error;
  });
  if (app.standaloneWorld) console.log(`Demo world: ${app.standaloneWorld.adminUrl}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  const backups = error instanceof AppError ? ((error.details?.backups as string[] | undefined) ?? []) : [];
  if (error instanceof AppError && error.code === 'DB_CORRUPT' && backups.length > 0) {
    console.error(`To restore the latest backup, run: npm run web -- --restore-backup "${backups[backups.length - 1]}"`);
  }
  process.exit(1);
});
