import type { Database } from 'better-sqlite3';
import type { BatchFileDialogs } from '../features/batches/file-dialogs';
import type { EnvironmentId } from '../../shared/contract/define';
import type { AuditRecord } from '../features/audit/log';
import type { EnvironmentServices } from '../services/environment-services';
import type { Exchange } from '../platform/http/http-client';
import type { Handlers } from '../platform/ipc/dispatch';
import type { KeyVault, PublicJwk } from '../platform/keys/key-vault';
import type { SettingsStore } from '../platform/settings/settings-store';
import type { DemoWorldLike } from '../services/world/connected-world';
import type { EventBus } from './event-bus';
import type { Services } from './ports';

/** Everything a feature module may use. Features register handlers; they never reach into each other. */
export interface FeatureContext {
  db: Database;
  settings: SettingsStore;
  bus: EventBus;
  services: Services;
  environment(): EnvironmentId;
  now(): Date;
  /** Appends to the audit log with the signed-in person and the current environment filled in. */
  audit(record: Omit<AuditRecord, 'actor' | 'environment'>): void;
  /** The key vault (opened on first use); private keys never leave it. */
  keyVault(): Promise<KeyVault>;
  /** The demo world behind the current environment (through its admin API), or null. */
  demoWorld(): DemoWorldLike | null;
  /** The current environment's service clients; throws NOT_CONNECTED while switching. */
  environmentServices(): EnvironmentServices;
  /** Call after generating, importing or changing keys, so the demo world knows the vendor's public keys. */
  onDemoKeysChanged(): Promise<void>;
  /** Registers a new public key with the demo world before it is saved; throws when the world refuses it. */
  registerDemoKey?(jwk: PublicJwk): Promise<void>;
  /** Native save and open dialogs for batch files; absent in the browser host. */
  batchFileDialogs?: BatchFileDialogs;
  /** Opens an https URL in the system browser; absent in the browser host. */
  openExternal?: (url: string) => Promise<void>;
  /** Every HTTP exchange the app makes, redacted, as it finishes (for the actor-flow view). */
  subscribeExchanges(listener: (exchange: Exchange) => void): () => void;
}

export interface Feature {
  handlers: Partial<Handlers>;
  /** Runs once after all features are created (e.g. resume work left by a crash). */
  start?(): Promise<void> | void;
  stop?(): Promise<void> | void;
}

export type FeatureFactory = (ctx: FeatureContext) => Feature;
