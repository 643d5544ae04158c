// The composition root shared by the Electron main process and the browser host: one core, one set of handlers.
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AppStatus, Settings } from '../../../shared/contract/app';
import { realEndpoints, type EnvironmentEndpoints } from '../environments/environments';
import { AppError } from '../../../shared/errors';
import { actorflowFeature } from '../actorflow/feature';
import { auditFeature } from '../audit/feature';
import { appendAudit } from '../audit/log';
import { batchesFeature } from '../batches/feature';
import { claimsFeature } from '../claims/feature';
import { clientsFeature } from '../clients/feature';
import { lastSyncAt } from '../clients/sync-info';
import type { Exchange } from '../http/http-client';
import type { Handlers } from '../ipc/dispatch';
import { keyringFeature } from '../keyring/feature';
import type { NamedProtector } from '../keys/protector';
import { createSettingsStore, type SettingsStore } from '../settings/settings-store';
import { DB_FILE_NAME, openDatabase } from '../store/database';
import { createEventBus, type EventBus } from './event-bus';
import type { Feature, FeatureContext } from './feature';
import type { Services } from './ports';
import { EnvironmentRuntime } from './runtime';

/** The features of the app, in the order they start. */
const FEATURES = [clientsFeature, batchesFeature, auditFeature, claimsFeature, keyringFeature, actorflowFeature];

export interface CoreOptions {
  dataDir: string;
  mode: 'electron' | 'browser';
  version: string;
  /** Seals private keys at rest: Electron's safeStorage in the app, a passphrase in the browser host and tests. */
  protector: NamedProtector;
  platform?: string;
  /** Opens an https URL in the system browser (Electron's shell.openExternal); absent in the browser host. */
  openExternal?: (url: string) => Promise<void>;
  /** Size of the embedded demo world's client list. */
  demoClients?: number;
}

export interface Core {
  db: Database;
  settings: SettingsStore;
  bus: EventBus;
  runtime: EnvironmentRuntime;
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
  const exchangeListeners = new Set<(e: Exchange) => void>();

  const status = (): AppStatus => ({
    environment: runtime.environment,
    online: runtime.online,
    session: runtime.session,
    lastSyncAt: lastSyncAt(db, runtime.environment),
  });
  const publishStatus = (): void => bus.emit('app.status', status());
  // The status bar shows the time of the last sync, so a finished sync is news for it too.
  bus.subscribe((name, payload) => {
    if (name === 'clients.syncProgress' && (payload as { phase: string }).phase === 'done') publishStatus();
  });

  /** Stored settings, with each environment's addresses and, for the live one, the values in force. */
  const effectiveSettings = (): Settings => {
    const current = settings.get();
    const urlsOf = (e: EnvironmentEndpoints): Record<string, string> => ({
      maskinporten: e.maskinporten.issuer,
      idporten: e.idporten.issuer,
      altinn: e.altinnPlatform,
      altinnPortal: e.altinnPortal,
      kravOgBetalinger: e.kravOgBetalinger,
    });
    current.environments.test.urls = urlsOf(realEndpoints('test'));
    current.environments.production.urls = urlsOf(realEndpoints('production'));
    try {
      const config = runtime.services().config;
      const live = current.environments[config.id];
      live.urls = urlsOf(config.endpoints);
      // The demo world's loopback admin API (faults, reset, traffic), for people demoing failure on purpose.
      const world = runtime.world;
      if (config.id === 'demo' && world) live.urls.demoAdmin = world.urls.admin;
      if (config.id === 'demo') {
        Object.assign(live, {
          firmOrgNumber: config.settings.firmOrgNumber,
          maskinportenClientId: config.settings.maskinportenClientId,
          systemId: config.settings.systemId,
          idportenClientId: config.settings.idportenClientId,
          scopes: [config.settings.scopes.kravOgBetalinger],
        });
      }
    } catch {
      // Not connected yet: the demo world's addresses are shown once it runs.
    }
    return current;
  };

  const runtime = new EnvironmentRuntime({
    dataDir: options.dataDir,
    settings,
    protector: options.protector,
    openExternal: options.openExternal,
    demoClients: options.demoClients,
    onChange: publishStatus,
    onExchange: (e) => exchangeListeners.forEach((l) => l(e)),
  });

  const services: Services = {
    session: {
      current: () => runtime.session,
      demoPersons: () => runtime.demoPersons(),
      signIn: (pid) => runtime.signIn(pid),
      signOut: () => runtime.signOut(),
    },
    altinn: () => runtime.altinn(),
    krav: () => runtime.krav(),
    isOnline: () => runtime.online,
  };
  const ctx: FeatureContext = {
    db,
    settings,
    bus,
    services,
    environment: () => runtime.environment,
    now: () => new Date(),
    audit: (record) =>
      appendAudit(db, { ...record, actor: runtime.session?.person.name ?? 'Klientdesk', environment: runtime.environment }),
    keyVault: () => runtime.vault(),
    demoWorld: () => runtime.world,
    environmentServices: () => runtime.services(),
    onDemoKeysChanged: () => runtime.registerDemoKeys(),
    openExternal: options.openExternal,
    subscribeExchanges: (listener) => {
      exchangeListeners.add(listener);
      return () => exchangeListeners.delete(listener);
    },
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
    'settings.get': () => effectiveSettings(),
    'settings.update': async (patch) => {
      const before = settings.get().environment;
      const next = settings.update(patch);
      if (next.environment !== before) await runtime.activate(next.environment);
      publishStatus();
      return next;
    },
    'session.demoPersons': () => runtime.demoPersons(),
    'session.current': () => runtime.session,
    'session.signIn': async ({ pid }) => {
      const session = await runtime.signIn(pid);
      ctx.audit({ action: 'sign_in', outcome: session.isClientAdmin ? 'client_admin' : 'no_client_admin' });
      return session;
    },
    'session.cancelSignIn': () => {
      runtime.cancelSignIn();
      return {};
    },
    'session.signOut': () => {
      if (runtime.session) ctx.audit({ action: 'sign_out', outcome: 'done' });
      runtime.signOut();
      return {};
    },
    'app.openExternal': async ({ url }) => {
      if (!isSafeExternalUrl(url)) throw new AppError('UNSAFE_URL', 'Only https links can be opened.');
      if (!options.openExternal)
        throw new AppError('NOT_AVAILABLE', `Open this address in your browser: ${url}`, undefined, { reason: 'openExternal', url });
      await options.openExternal(url);
      return {};
    },
  };

  await runtime.activate();
  for (const f of features) await f.start?.();

  return {
    db,
    settings,
    bus,
    runtime,
    handlers,
    status,
    async close() {
      for (const f of features) await f.stop?.();
      await runtime.close();
      db.close();
    },
  };
}
