// The composition root shared by the Electron main process and the browser host: one core, one set of handlers.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AppStatus } from '../../../shared/contract/app';
import { AppError } from '../../../shared/errors';
import type { Handlers } from '../ipc/dispatch';
import { DB_FILE_NAME, openDatabase } from '../store/database';
import { createSettingsStore, type SettingsStore } from '../settings/settings-store';
import { appendAudit } from '../audit/log';
import { actorflowFeature } from '../actorflow/feature';
import { batchesFeature } from '../batches/feature';
import { claimsFeature } from '../claims/feature';
import { clientsFeature } from '../clients/feature';
import { keyringFeature } from '../keyring/feature';
import { createEventBus, type EventBus } from './event-bus';
import type { Feature, FeatureContext } from './feature';
import type { Services } from './ports';

/** The features of the app, in the order they start. */
const FEATURES = [clientsFeature, batchesFeature, claimsFeature, keyringFeature, actorflowFeature];

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

  const notReady = (): never => {
    throw new AppError('NOT_AVAILABLE', 'This environment is not connected yet.');
  };
  const services: Services = {
    session: { current: () => null, demoPersons: () => [], signIn: async () => notReady(), signOut: () => undefined },
    altinn: notReady,
    krav: notReady,
    isOnline: () => true,
  };
  const ctx: FeatureContext = {
    db,
    settings,
    bus,
    services,
    environment: () => settings.get().environment,
    now: () => new Date(),
    audit: (record) =>
      appendAudit(db, { ...record, actor: services.session.current()?.person.name ?? 'Klientdesk', environment: settings.get().environment }),
  };
  const features: Feature[] = FEATURES.map((create) => create(ctx));

  const handlers: Partial<Handlers> = {
    ...Object.assign({}, ...features.map((f) => f.handlers)),
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

  for (const f of features) await f.start?.();

  return {
    db,
    settings,
    bus,
    handlers,
    status,
    async close() {
      for (const f of features) await f.stop?.();
      db.close();
    },
  };
}
