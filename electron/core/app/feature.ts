import type { Database } from 'better-sqlite3';
import type { EnvironmentId } from '../../../shared/contract/define';
import type { AuditRecord } from '../audit/log';
import type { Handlers } from '../ipc/dispatch';
import type { SettingsStore } from '../settings/settings-store';
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
}

export interface Feature {
  handlers: Partial<Handlers>;
  /** Runs once after all features are created (e.g. resume work left by a crash). */
  start?(): Promise<void> | void;
  stop?(): Promise<void> | void;
}

export type FeatureFactory = (ctx: FeatureContext) => Feature;
