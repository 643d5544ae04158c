// The composition root shared by the Electron main process and the browser host: one core, one set of handlers.
import { join } from 'node:path';
import type { BatchFileDialogs } from '../features/batches/file-dialogs';
import type { Database } from 'better-sqlite3';
import type { AppStatus, Settings } from '../../shared/contract/app';
import type { EnvironmentId } from '../../shared/contract/define';
import { realEndpoints, type EnvironmentEndpoints } from '../platform/environments';
import { AppError } from '../../shared/errors';
import { actorflowFeature } from '../features/actorflow/feature';
import { auditFeature } from '../features/audit/feature';
import { appendAudit } from '../features/audit/log';
import { batchesFeature } from '../features/batches/feature';
import { claimsFeature } from '../features/claims/feature';
import { clientsFeature } from '../features/clients/feature';
import { lastSyncAt } from '../features/clients/sync-info';
import type { Exchange } from '../platform/http/http-client';
import type { Handlers } from '../platform/ipc/dispatch';
import { keyringFeature } from '../features/keys/feature';
import { unattendedFeature } from '../features/unattended/feature';
import { proposalsFeature } from '../features/proposals/feature';
import type { KeyProtection } from '../platform/keys/protector';
import { createSettingsStore, type SettingsStore } from '../platform/settings/settings-store';
import { DB_FILE_NAME, openDatabase } from '../platform/store/database';
import { createEventBus, type EventBus } from './event-bus';
import type { Feature, FeatureContext } from './feature';
import type { Services } from './ports';
import { EnvironmentRuntime } from './runtime';
import { parseWorldAddress, standaloneWorld, type WorldConnection, type WorldProvider } from '../services/world/connection';
import { ConnectedWorld } from '../services/world/connected-world';

/** The features of the app, in the order they start. */
const FEATURES = [
  clientsFeature,
  batchesFeature,
  auditFeature,
  claimsFeature,
  keyringFeature,
  actorflowFeature,
  unattendedFeature,
  proposalsFeature,
];

export interface CoreOptions {
  dataDir: string;
  mode: 'electron' | 'browser';
  version: string;
  /** Seals private keys at rest: Electron's safeStorage in the app, a passphrase in the browser host and tests. */
  protector: KeyProtection;
  platform?: string;
  /** Native save and open dialogs for batch files (Electron's dialog module); absent in the browser host. */
  batchFileDialogs?: BatchFileDialogs;
  /** Opens an https URL in the system browser (Electron's shell.openExternal); absent in the browser host. */
  openExternal?: (url: string) => Promise<void>;
  /**
   * Where the Demo environment's world comes from. `standalone` (the shell's `--world URL`) wins over the
   * address saved in Settings, which wins over `embedded` (a world the shell starts in-process on demand).
   */
  demoWorld?: { standalone?: WorldConnection; embedded?: WorldProvider };
  /** Addresses of Test or Production that differ from the published ones. */
  endpointOverrides?: Partial<Record<EnvironmentId, Partial<EnvironmentEndpoints>>>;
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
      if (world) {
        live.urls.demoAdmin = world.adminUrl;
        // A world describes the firm and the vendor's ids itself; show what is in force.
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

  /** Asked each time Demo becomes active, so a changed "Demo world address" applies on the next switch. */
  const demoWorld: WorldProvider = {
    acquire: () => {
      const saved = settings.get().demoWorld;
      const chosen =
        (options.demoWorld?.standalone && standaloneWorld(options.demoWorld.standalone)) ??
        (saved.address ? standaloneWorld({ adminUrl: saved.address, adminSecret: settings.demoWorldSecret() }) : undefined) ??
        options.demoWorld?.embedded;
      if (!chosen) {
        throw new AppError(
          'NO_DEMO_WORLD',
          'No demo world to connect to: start one with `npm run demo-world` and give its admin address under Settings → Demo world address.',
        );
      }
      return chosen.acquire();
    },
  };

  const worlds: Partial<Record<EnvironmentId, WorldProvider>> = { demo: demoWorld };
  const runtime = new EnvironmentRuntime({
    dataDir: options.dataDir,
    settings,
    protector: options.protector,
    openExternal: options.openExternal,
    worlds,
    endpointOverrides: options.endpointOverrides,
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
    registerDemoKey: (jwk) => runtime.registerDemoKey(jwk),
    openExternal: options.openExternal,
    batchFileDialogs: options.batchFileDialogs,
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
      if (patch.demoWorld?.address) {
        // Refuse an address that does not answer as a demo world before anything is saved.
        const secret = patch.demoWorld.secret ?? settings.demoWorldSecret();
        await ConnectedWorld.connect({ adminUrl: parseWorldAddress(patch.demoWorld.address), adminSecret: secret });
      }
      const next = settings.update(patch);
      const worldChanged = patch.demoWorld !== undefined && !options.demoWorld?.standalone;
      if (next.environment !== before || (worldChanged && worlds[next.environment])) await runtime.activate(next.environment);
      publishStatus();
      return effectiveSettings();
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

  // A world that does not answer must not keep the app from starting: the user can switch environment or fix
  // the address in Settings, and every call says why it cannot run until then.
  await runtime.activate().catch((error: unknown) => {
    console.error(`[core] could not connect to the ${runtime.environment} environment:`, error instanceof Error ? error.message : error);
  });
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
