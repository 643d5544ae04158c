// The batch feature without the app around it: store, runner and the operations behind every channel.
// The feature module adapts the app's context to it; the kill-test worker and the benchmark use it directly.
import type { Database } from 'better-sqlite3';
import type { BatchProgress, BatchSummary, DraftItemInput, ParseError } from '../../../shared/contract/batches';
import { isFinalBatchState, type ItemState } from '../../../shared/domain/batch';
import type { Language } from '../../../shared/domain/outcomes';
import { isValidOrgNumber, normaliseOrgNumber } from '../../../shared/domain/orgnr';
import { AppError } from '../../../shared/errors';
import type { ClientsQueryPort, EndUserAltinn } from '../../app/ports';
import { appendAudit } from '../audit/port';
import { batchFileName, readBatchFile, writeBatchFile } from './batch-file';
import { BatchCodes } from './batch-errors';
import { createBatchStore, type NewItem, type OnConfirmed } from './batch-store';
import { createPartyResolver } from './party-resolver';
import { batchReportCsv } from './report-csv';
import { readBatchFileFrom, writeBatchFileTo } from './batch-file-io';
import { createBatchRunner, type RunnerOptions } from './runner';

export interface BatchServiceOptions {
  db: Database;
  /** The local client list (the clients feature's port): partyUuids, names and packages it knows. */
  clients: ClientsQueryPort;
  now(): Date;
  /** The signed-in person, for "created by" and the audit trail. */
  actor(): string;
  /** Who acted on a batch, when that is not the signed-in person (an unattended run's system user). */
  auditActor?(batchId: string | null): string;
  environment(): string;
  language(): Language;
  concurrency(): number;
  altinn(): EndUserAltinn;
  isOnline(): boolean;
  isSignedIn(): boolean;
  onProgress?(progress: BatchProgress): void;
  /** Told of every delegation Altinn confirmed, in the item's own transaction (the client list's local copy). */
  onConfirmed?: OnConfirmed;
  /** Overrides for tests and the benchmark (poll interval, back-off, attempts). */
  runner?: Pick<RunnerOptions, 'pollMs' | 'backoff' | 'maxAttemptsPerItem' | 'progressIntervalMs' | 'now' | 'clock' | 'serviceWaitUntil'>;
}

/** States in which a batch is "in progress" for the global indicator. */
const ACTIVE_STATES = ['queued', 'running', 'paused'] as const;

export function createBatchService(options: BatchServiceOptions) {
  const { db } = options;
  const store = createBatchStore(
    db,
    options.now,
    (record) => appendAudit(db, { ...record, actor: options.auditActor?.(record.batchId ?? null) ?? options.actor() }, options.now()),
    options.onConfirmed,
  );
  const parties = createPartyResolver(options.clients, options.environment);
  const runner = createBatchRunner({
    store,
    altinn: options.altinn,
    isOnline: options.isOnline,
    isSignedIn: options.isSignedIn,
    environment: options.environment,
    concurrency: options.concurrency,
    clientPackages: (orgNumber) => parties.resolve(orgNumber).packages,
    systemUserPackages: (systemUserId) => parties.systemUser(systemUserId)?.packages ?? null,
    onProgress: options.onProgress,
    ...options.runner,
  });

  /** Every problem with the typed or picked items at once, or the items ready to store. */
  function prepareItems(items: readonly DraftItemInput[], existing: ReadonlySet<string> = new Set()): NewItem[] {
    const problems: ParseError[] = [];
    const seen = new Set(existing);
    const prepared: NewItem[] = [];
    items.forEach((input, index) => {
      const orgNumber = normaliseOrgNumber(input.orgNumber);
      if (!isValidOrgNumber(orgNumber)) {
        problems.push({
          line: index + 1,
          input: input.orgNumber,
          problem: 'invalid-org-number',
          message: `${input.orgNumber} is not a valid organisation number.`,
        });
      } else if (seen.has(orgNumber)) {
        problems.push({
          line: index + 1,
          input: input.orgNumber,
          problem: 'already-in-batch',
          message: `${orgNumber} is already in the batch.`,
        });
      } else {
        seen.add(orgNumber);
        const party = parties.resolve(orgNumber, input.partyUuid);
        prepared.push({ orgNumber, operation: input.operation, partyUuid: party.partyUuid, name: party.name });
      }
    });
    if (problems.length > 0) {
      throw new AppError(
        BatchCodes.InvalidItems,
        `${problems.length} of the clients cannot be added to the batch.`,
        {
          problems: problems.slice(0, 200),
        },
        { count: problems.length },
      );
    }
    return prepared;
  }

  const afterQueueChange = (summary: BatchSummary): BatchSummary => {
    runner.wake();
    options.onProgress?.(runner.progress(summary.id));
    return summary;
  };

  const submit = (id: string): BatchSummary => afterQueueChange(store.submit(id, (orgNumber, known) => parties.resolve(orgNumber, known)));

  /** All or nothing: a file with any problem imports nothing and names every problem by line. */
  function importPlan(read: ReturnType<typeof readBatchFile>): { batch: BatchSummary | null; errors: ParseError[] } {
    if (!read.ok) return { batch: null, errors: read.errors };
    const { plan } = read;
    const items = plan.items.map((i) => {
      const party = parties.resolve(i.orgNumber, i.partyUuid ?? undefined);
      return { orgNumber: i.orgNumber, operation: i.operation, partyUuid: party.partyUuid, name: party.name ?? i.name };
    });
    const batch = store.createDraft(
      {
        name: plan.name,
        environment: plan.environment,
        systemUserId: plan.systemUserId,
        systemUserTitle: plan.systemUserTitle,
        createdBy: options.actor(),
        items,
      },
      'batch.imported',
    );
    return { batch, errors: [] };
  }

  return {
    store,
    runner,

    create(input: {
      name: string;
      systemUserId: string;
      systemUserTitle?: string;
      items: readonly DraftItemInput[];
      submit: boolean;
    }): BatchSummary {
      const draft = store.createDraft({
        name: input.name,
        environment: options.environment(),
        systemUserId: input.systemUserId,
        systemUserTitle: input.systemUserTitle ?? parties.systemUser(input.systemUserId)?.title ?? '',
        createdBy: options.actor(),
        items: prepareItems(input.items),
      });
      return input.submit ? submit(draft.id) : draft;
    },

    list: (): BatchSummary[] => store.list(),

    get(id: string, page: { offset?: number; limit?: number; state?: ItemState }) {
      const { items, total } = store.items(id, page);
      return { batch: store.summary(id), items, totalItems: total };
    },

    rename: (id: string, name: string): BatchSummary => store.rename(id, name),

    editItems(id: string, add: readonly DraftItemInput[] = [], removeOrgNumbers: readonly string[] = []): BatchSummary {
      const removing = new Set(removeOrgNumbers.map(normaliseOrgNumber));
      const remaining = new Set(
        store
          .allItems(id)
          .map((i) => i.orgNumber)
          .filter((o) => !removing.has(o)),
      );
      return store.editItems(id, prepareItems(add, remaining), [...removing]);
    },

    duplicate(id: string, name?: string): BatchSummary {
      const source = store.summary(id);
      const items = store
        .allItems(id)
        .map((i) => ({ orgNumber: i.orgNumber, operation: i.operation, partyUuid: i.partyUuid, name: i.name }));
      return store.createDraft(
        {
          name: name ?? `${source.name} (2)`.slice(0, 200),
          environment: source.environment,
          systemUserId: source.systemUserId,
          systemUserTitle: source.systemUserTitle,
          createdBy: options.actor(),
          items,
        },
        'batch.duplicated',
      );
    },

    exportFile(id: string): { filename: string; content: string } {
      return writeBatchFile(store.summary(id), store.allItems(id), { by: options.actor(), at: options.now() });
    },

    exportFileName(id: string): string {
      return batchFileName(store.summary(id).name, options.now());
    },

    /** Streams the plan to a file the person chose; the renderer passes the path, never the content. */
    async exportToPath(id: string, path: string): Promise<{ path: string; items: number }> {
      const { items } = await writeBatchFileTo(path, store.summary(id), (offset, limit) => store.items(id, { offset, limit }).items, {
        by: options.actor(),
        at: options.now(),
      });
      return { path, items };
    },

    async importFromPath(path: string): Promise<{ batch: BatchSummary | null; errors: ParseError[] }> {
      return importPlan(await readBatchFileFrom(path));
    },

    importFile(content: string): { batch: BatchSummary | null; errors: ParseError[] } {
      return importPlan(readBatchFile(content));
    },

    submit,

    pause(id: string): BatchSummary {
      return afterQueueChange(store.move(id, 'paused', 'user'));
    },

    resume(id: string): BatchSummary {
      return afterQueueChange(store.resume(id));
    },

    cancel(id: string): BatchSummary {
      return afterQueueChange(store.cancel(id));
    },

    retryFailed(id: string): BatchSummary {
      return afterQueueChange(store.retryFailed(id));
    },

    delete(id: string): void {
      store.deleteDraft(id);
    },

    reportCsv(id: string): { filename: string; csv: string } {
      return batchReportCsv(store.summary(id), store.allItems(id), options.language(), options.now());
    },

    activeProgress(): BatchProgress[] {
      return store
        .withStates(ACTIVE_STATES)
        .filter((b) => !isFinalBatchState(b.state))
        .map((b) => runner.progress(b.id));
    },
  };
}

export type BatchService = ReturnType<typeof createBatchService>;
