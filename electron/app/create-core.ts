// The composition root shared by the Electron main process and the browser host: one store, one environment
// runtime, and the features, each built from the ports it names and nothing else. It comes up in two steps:
// openCore opens the store and builds the features, and can answer what reads only the store at once; start()
// then connects the environment and starts the features, and every other call waits for it (start-gate.ts).
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { AppStatus } from '../../shared/contract/app';
import type { EnvironmentId } from '../../shared/contract/define';
import { actorflowFeature } from '../features/actorflow/feature';
import { appFeature } from '../features/app/feature';
import { auditFeature } from '../features/audit/feature';
import { appendAudit } from '../features/audit/log';
import { batchesFeature } from '../features/batches/feature';
import type { BatchFileDialogs } from '../features/batches/file-dialogs';
import { claimsFeature } from '../features/claims/feature';
import { clientsFeature } from '../features/clients/feature';
import { employeesFeature } from '../features/employees/feature';
import { keyringFeature } from '../features/keys/feature';
import { proposalsFeature } from '../features/proposals/feature';
import { unattendedExternalRef, unattendedFeature } from '../features/unattended/feature';
import { createUnattendedActor, routedAlone } from '../features/unattended/unattended-actor';
import { sessionFeature } from '../features/session/feature';
import { settingsFeature } from '../features/settings/feature';
import type { EnvironmentEndpoints } from '../platform/environments';
import type { Handlers } from '../platform/ipc/dispatch';
import type { KeyProtection } from '../platform/keys/protector';
import { createSettingsStore, type SettingsStore } from '../platform/settings/settings-store';
import { DB_FILE_NAME, openDatabase } from '../platform/store/database';
import { ConnectedWorld } from '../services/world/connected-world';
import { parseWorldAddress, type WorldConnection, type WorldProvider } from '../services/world/connection';
import { demoWorldProvider } from './demo-world-provider';
import { createEventBus, type EventBus } from './event-bus';
import { mergeHandlers } from './feature';
import { AppError } from '../../shared/errors';
import type { AuditPort, ClientsQueryPort, ClockPort, SessionPort } from './ports';
import { EnvironmentRuntime } from './runtime';
import { ANSWERED_WHILE_STARTING, gateHandlers } from './start-gate';
import { FIRST_SCREEN_GRACE_MS, firstScreenLatch } from './first-screen';

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
  /** Every channel's handler; those that need the environment or a started feature wait for start(). */
  handlers: Handlers;
  status(): AppStatus;
  /**
   * Connects the environment and starts the features; once, later calls return the same promise. A world that
   * does not answer does not fail it (the status says not connected); a feature that cannot start does.
   */
  start(): Promise<void>;
  /**
   * start(), once the window says its first screen is up, a call needs the started app, or `graceMs` has
   * passed: what a shell with a window calls, so the start does not compete with that screen (first-screen.ts).
   */
  startAfterFirstScreen(graceMs?: number): Promise<void>;
  close(): Promise<void>;
}

/** A core that has started: what the Electron main process, the tests and the tools use. */
export async function createCore(options: CoreOptions): Promise<Core> {
  const core = openCore(options);
  await core.start();
  return core;
}

/** The store open and the features built, nothing of the environment yet: see start(). */
export function openCore(options: CoreOptions): Core {
  const { db } = openDatabase({ file: join(options.dataDir, DB_FILE_NAME) });
  const settings = createSettingsStore(db);
  const bus = createEventBus();
  // Until it passes, the start and the search index's warm-up wait: see first-screen.ts.
  const firstScreen = firstScreenLatch();
  const now: ClockPort = () => new Date();
  const language = () => settings.get().language;

  const runtime = new EnvironmentRuntime({
    dataDir: options.dataDir,
    settings,
    protector: options.protector,
    openExternal: options.openExternal,
    worlds: { demo: demoWorldProvider(settings, options.demoWorld) },
    endpointOverrides: options.endpointOverrides,
    onChange: () => publishStatus(),
    now,
  });
  const environment = () => runtime.environment;
  const session: SessionPort = {
    current: () => runtime.session,
    demoPersons: () => runtime.demoPersons(),
    signIn: (pid) => runtime.signIn(pid),
    cancelSignIn: () => runtime.cancelSignIn(),
    signOut: () => runtime.signOut(),
  };
  const audit: AuditPort = (entry) =>
    appendAudit(db, { ...entry, actor: runtime.session?.person.name ?? 'Klientdesk', environment: runtime.environment });
  const altinn = () => runtime.altinn();
  const isOnline = () => runtime.online;

  const clients = clientsFeature({ db, environment, altinn, now, language, events: bus, audit, firstScreen: firstScreen.passed });
  const employees = employeesFeature({
    db,
    environment,
    now,
    audit,
    clients: clients.query,
    firmPartyUuid: () => {
      const { partyUuid } = runtime.altinn().firm;
      if (!partyUuid)
        throw new AppError('NO_CLIENT_ADMIN', 'Only the firm’s client administrator can see and change its employees’ client access.');
      return partyUuid;
    },
    clientAdministration: () => runtime.services().clientAdministration,
  });
  // Batches plan for employees as for system users: the targets' titles, Access Management routing and local copy.
  const batchTargets: ClientsQueryPort = {
    ...clients.query,
    systemUser: (env, id) => clients.query.systemUser(env, id) ?? employees.targets.systemUser(env, id),
  };
  const status = (): AppStatus => ({
    environment: runtime.environment,
    connected: runtime.connected,
    connecting: !runtime.connected && !runtime.connectFailed,
    online: runtime.online,
    session: runtime.session,
    lastSyncAt: clients.query.lastSyncAt(runtime.environment),
  });
  // Set first when closing: a timer or an answer that lands after that must not read the closed database.
  let closing = false;
  const publishStatus = (): void => {
    if (!closing) bus.emit('app.status', status());
  };
  // The status bar shows the time of the last sync, so a finished sync is news for it too.
  bus.subscribe((name, payload) => {
    if (name === 'clients.syncProgress' && (payload as { phase: string }).phase === 'done') publishStatus();
  });

  /** Features in the order they start. */
  const features = [
    appFeature({
      info: {
        name: 'Klientdesk',
        version: options.version,
        mode: options.mode,
        platform: options.platform ?? process.platform,
        dataDir: options.dataDir,
      },
      status,
      firstScreenShown: firstScreen.pass,
      openExternal: options.openExternal,
    }),
    settingsFeature({
      settings,
      live: () => {
        try {
          return { config: runtime.services().config, worldAdminUrl: runtime.world?.adminUrl ?? null };
        } catch {
          return null;
        }
      },
      switchTo: (next) => runtime.activate(next),
      hasWorld: (id) => runtime.hasWorld(id),
      worldFromCommandLine: options.demoWorld?.standalone !== undefined,
      checkWorld: async (address, adminSecret) => {
        await ConnectedWorld.connect({ adminUrl: parseWorldAddress(address), adminSecret });
      },
      publishStatus,
    }),
    sessionFeature({ session, audit }),
    clients,
    batchesFeature({
      db,
      clients: batchTargets,
      recordDelegation: (change) => {
        clients.recordDelegation(change);
        employees.targets.recordChange(change);
      },
      altinn: () => employees.targets.routeAltinn(runtime.altinn()),
      session,
      isOnline,
      environment,
      now,
      language,
      concurrency: () => settings.get().runner.concurrency,
      events: bus,
      fileDialogs: options.batchFileDialogs,
      actsAlone: routedAlone(
        createUnattendedActor({
          enabled: () => settings.get().environments[runtime.environment].unattended.enabled,
          externalRef: () => unattendedExternalRef({ settings, environment, worldInfo: () => runtime.world?.info ?? null }),
          environment,
          services: () => runtime.services(),
          now,
          onReady: () => publishStatus(),
        }),
        (altinn, clientAdministration) => employees.targets.routeAltinn(altinn, clientAdministration),
      ),
    }),
    auditFeature({ db, language, now }),
    claimsFeature({
      krav: () => runtime.krav(),
      altinn,
      now,
      audit,
      environmentDate: () => runtime.world?.info.demoDate ?? null,
      clients: clients.query,
      environment,
    }),
    keyringFeature({
      vault: () => runtime.vault(),
      environment,
      keysChanged: () => runtime.registerDemoKeys(),
      registerKey: (jwk) => runtime.registerDemoKey(jwk),
      audit,
    }),
    actorflowFeature({
      environment,
      world: () => runtime.world,
      environmentConfig: () => (runtime.environment === 'test' ? liveConfig(runtime) : null),
      keyVault: () => runtime.vault(),
      audit,
      openExternal: options.openExternal,
    }),
    employees,
    unattendedFeature({
      settings,
      environment,
      worldInfo: () => runtime.world?.info ?? null,
      services: () => runtime.services(),
    }),
    proposalsFeature({ db, settings, events: bus, environment, now, clients: batchTargets }),
  ] as const;

  let markStarted!: () => void;
  let markFailed!: (error: unknown) => void;
  const started = new Promise<void>((resolve, reject) => {
    markStarted = resolve;
    markFailed = reject;
  });
  // Noted by the calls that wait for it; start() itself hands the failure to whoever started the core.
  started.catch(() => undefined);
  const handlers = gateHandlers(
    mergeHandlers(...features.map((f) => f.handlers)) satisfies Handlers,
    ANSWERED_WHILE_STARTING,
    started,
    firstScreen.pass,
  );

  let starting: Promise<void> | null = null;
  const start = (): Promise<void> =>
    (starting ??= (async () => {
      // Started by whatever means, the app is past its first screen.
      firstScreen.pass();
      // A world that does not answer must not keep the app from starting: the user can switch environment or fix
      // the address in Settings, and every call says why it cannot run until then.
      await runtime.activate().catch((error: unknown) => {
        console.error(
          `[core] could not connect to the ${runtime.environment} environment:`,
          error instanceof Error ? error.message : error,
        );
      });
      for (const f of features) await f.start?.();
    })().then(markStarted, (error: unknown) => {
      markFailed(error);
      throw error;
    }));

  return {
    db,
    settings,
    bus,
    runtime,
    handlers,
    status,
    start,
    startAfterFirstScreen: async (graceMs = FIRST_SCREEN_GRACE_MS) => {
      await firstScreen.passedOrAfter(graceMs);
      await start();
    },
    async close() {
      // A start under way finishes first, so nothing it brings up is left running behind a closed store.
      await starting?.catch(() => undefined);
      closing = true;
      for (const f of features) await f.stop?.();
      await runtime.close();
      db.close();
    },
  };
}

/** The live environment's configuration; null while it is still connecting. */
function liveConfig(runtime: EnvironmentRuntime) {
  try {
    return runtime.services().config;
  } catch {
    return null;
  }
}
