// One sync: read the agent system users, the firm's clients and each system user's delegations from Altinn,
// then write them in one transaction. Nothing is written unless every read succeeded, so a failed sync
// leaves the previous local copy whole.
import type { Database } from 'better-sqlite3';
import type { SyncResult } from '../../../shared/contract/clients';
import type { EnvironmentId } from '../../../shared/contract/define';
import type { EventPayload } from '../../../shared/contract';
import { AppError } from '../../../shared/errors';
import type { AuditRecord } from '../audit/port';
import type { ClientListMark, DelegatedClient, EndUserAltinn } from '../../app/ports';
import { lastClientListMark, saveSnapshot, type AltinnSnapshot } from './client-store';
import { openClientStage, type ClientStage } from './client-stage';
import { auditDetail } from '../../../shared/domain/audit-details';

export type SyncProgress = EventPayload<'clients.syncProgress'>;

export interface SyncDeps {
  db: Database;
  environment(): EnvironmentId;
  altinn(): EndUserAltinn;
  now(): Date;
  progress(event: SyncProgress): void;
  audit(record: Omit<AuditRecord, 'actor' | 'environment'>): void;
}

async function fetchSnapshot(
  altinn: EndUserAltinn,
  since: ClientListMark | null,
  stage: ClientStage,
  progress: (e: SyncProgress) => void,
): Promise<AltinnSnapshot> {
  progress({ phase: 'systemUsers', done: 0, total: 1 });
  const systemUsers = await altinn.listAgentSystemUsers();
  progress({ phase: 'clients', done: 0, total: 1 });
  // The clients are merged and staged as they are read, while the rest of the list still arrives.
  const read = await altinn.readFirmClients(since, (batch) => stage.add(batch));
  if (Array.isArray(read.clients)) stage.add(read.clients);
  const delegations = new Map<string, DelegatedClient[]>();
  // One system user at a time: a firm has a handful, and Altinn rate-limits bursts.
  for (const [i, su] of systemUsers.entries()) {
    progress({ phase: 'delegations', done: i, total: systemUsers.length });
    delegations.set(su.id, await altinn.listDelegatedClients(su.id));
  }
  return {
    firmOrgNumber: altinn.firm.orgNumber,
    systemUsers,
    clients: read.clients === 'unchanged' ? 'unchanged' : stage,
    clientListMark: read.mark,
    delegations,
  };
}

const correlationIdOf = (error: unknown): string | null => {
  const id = error instanceof AppError ? error.details?.correlationId : undefined;
  return typeof id === 'string' ? id : null;
};

export function createClientSync(deps: SyncDeps): { run(): Promise<SyncResult>; isRunning(): boolean } {
  let running: Promise<SyncResult> | null = null;

  async function syncOnce(): Promise<SyncResult> {
    // The environment is fixed when the sync starts; a switch halfway must not file its data under the new one.
    const environment = deps.environment();
    const startedAt = deps.now();
    let stage: ClientStage | null = null;
    try {
      const altinn = deps.altinn();
      const since = lastClientListMark(deps.db, environment, altinn.firm.orgNumber);
      stage = openClientStage(deps.db, environment);
      const snapshot = await fetchSnapshot(altinn, since?.pages ?? null, stage, deps.progress);
      const saving = snapshot.clients === 'unchanged' ? (since?.clients ?? 0) : stage.merged.size;
      deps.progress({ phase: 'saving', done: 0, total: saving });
      const result = saveSnapshot(deps.db, environment, snapshot, startedAt, deps.now());
      deps.audit({
        action: 'clients.sync',
        outcome: 'ok',
        detail: auditDetail('clients.synced', {
          total: result.total,
          added: result.addedCount,
          removed: result.removedCount,
          systemUsers: snapshot.systemUsers.length,
        }),
      });
      deps.progress({ phase: 'done', done: result.total, total: result.total });
      return result;
    } catch (error) {
      deps.audit({
        action: 'clients.sync',
        outcome: 'failed',
        code: error instanceof AppError ? error.code : 'INTERNAL',
        correlationId: correlationIdOf(error),
        detail:
          error instanceof AppError
            ? auditDetail('error', { ...error.params, errorCode: error.code, ...serviceOf(error), message: error.message })
            : null,
      });
      deps.progress({ phase: 'failed', done: 0, total: 0 });
      throw error;
    } finally {
      stage?.dispose();
    }
  }

  return {
    // A second click while a sync runs joins the running one instead of starting another.
    run() {
      running ??= syncOnce().finally(() => (running = null));
      return running;
    },
    isRunning: () => running !== null,
  };
}

/** Which service refused, so the audit log can word the refusal as the screen did. */
const serviceOf = (error: AppError): { service?: string } =>
  typeof error.details?.service === 'string' ? { service: error.details.service } : {};
