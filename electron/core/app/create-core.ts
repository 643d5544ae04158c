// The composition root shared by the Electron main process and the browser host: one core, one set of handlers.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AppStatus } from '../../../shared/contract/app';
import { AppError } from '../../../shared/errors';
import type { Handlers } from '../ipc/dispatch';
import { DB_FILE_NAME, openDatabase } from '../store/database';
import { createSettingsStore, type SettingsStore } from '../settings/settings-store';
import { createEventBus, type EventBus } from './event-bus';

export interface CoreOptions {
  dataDir: string;
  mode: 'electron' | 'browser';
  version: string;
  platform?: string;
  /** Opens an https URL in the system browser (Electron's shell.openExternal); absent in the browser host. */
  openExternal?: (url: string) => Promise<void>;
}

export interface Core {
  db: Database;
  settings: SettingsStore;
  bus: EventBus;
  handlers: Partial<Handlers>;
  status(): AppStatus;
  close(): Promise<void>;
}

export function isSafeExternalUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export async function createCore(options: CoreOptions): Promise<Core> {
  const { db } = openDatabase({ file: join(options.dataDir, DB_FILE_NAME) });
  const settings = createSettingsStore(db);
  const bus = createEventBus();

  const status = (): AppStatus => ({
    environment: settings.get().environment,
    online: true,
    session: null,
    lastSyncAt: null,
  });

  const handlers: Partial<Handlers> = {
    'app.info': () => ({
      name: 'Klientdesk',
      version: options.version,
      mode: options.mode,
      platform: options.platform ?? process.platform,
      dataDir: options.dataDir,
    }),
    'app.status': () => status(),
    'settings.get': () => settings.get(),
    'settings.update': (patch) => {
      const next = settings.update(patch);
      bus.emit('app.status', status());
      return next;
    },
    'app.openExternal': async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new AppError('UNSAFE_URL', 'Only https links can be opened.');
      if (!options.openExternal) throw new AppError('NOT_AVAILABLE', `Open this address in your browser: ${url}`);
      await options.openExternal(url);
      return {};
    },
  };

  return {
    db,
    settings,
    bus,
    handlers,
    status,
    async close() {
      db.close();
    },
  };
}
