// A client sync over a fresh in-memory store and a scriptable Altinn, with its progress and audit kept and a
// clock that moves only when told to.
import type { EnvironmentId } from '../../../shared/contract/define';
import type { AuditRecord } from '../../../electron/features/audit/log';
import { queryClients } from '../../../electron/features/clients/client-query';
import { createClientSync, type SyncProgress } from '../../../electron/features/clients/sync';
import { FakeAltinn, openTestDb } from './helpers';

export function syncHarness(altinn = new FakeAltinn()) {
  const db = openTestDb();
  const progress: SyncProgress[] = [];
  const audit: Omit<AuditRecord, 'actor' | 'environment'>[] = [];
  let environment: EnvironmentId = 'demo';
  let clock = Date.parse('2026-11-24T10:00:00Z');
  const sync = createClientSync({
    db,
    environment: () => environment,
    altinn: () => altinn,
    now: () => new Date(clock),
    progress: (e) => progress.push(e),
    audit: (r) => audit.push(r),
  });
  return {
    db,
    altinn,
    sync,
    progress,
    audit,
    setEnvironment: (e: EnvironmentId) => (environment = e),
    tick: () => (clock += 3_600_000),
    list: (query = {}) => queryClients(db, environment, query, 0, 1000),
  };
}
