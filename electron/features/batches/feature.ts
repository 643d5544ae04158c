// The batch channels, and the runner that works through submitted batches in the background.
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { ChannelsOf, Feature, HandlersOf } from '../../app/feature';
import type {
  AltinnPort,
  EndUserAltinn,
  ClientsQueryPort,
  ClockPort,
  DelegationRecordPort,
  EnvironmentPort,
  EventsPort,
  LanguagePort,
  OnlinePort,
  SessionPort,
} from '../../app/ports';
import { createBatchService } from './batch-service';
import type { BatchFileDialogs } from './file-dialogs';
import { systemUserActor } from '../../../shared/domain/audit-actor';

/** The wizard's review and the pasted-list parser read the client list, so the clients feature serves them. */
export type BatchesChannel = Exclude<ChannelsOf<'batches.'>, 'batches.review' | 'batches.parseOrgNumbers'>;

export interface BatchesDeps {
  /** The store holding the batches' own tables. */
  db: Database;
  /** The local client list: partyUuids, names and packages of the clients a batch plans. */
  clients: ClientsQueryPort;
  /** The local client list follows what the runner got done, in the item's own transaction. */
  recordDelegation: DelegationRecordPort;
  altinn: AltinnPort;
  session: Pick<SessionPort, 'current'>;
  isOnline: OnlinePort;
  environment: EnvironmentPort;
  now: ClockPort;
  language: LanguagePort;
  /** How many items run at once (Settings). */
  concurrency(): number;
  events: EventsPort;
  /** Native save and open dialogs for batch files; absent in the browser host. */
  fileDialogs?: BatchFileDialogs;
  /**
   * The firm's client-administration system user, where the firm runs batches with nobody signed in: it acts
   * while no person is signed in, and the audit names it and the person who queued the batch.
   */
  actsAlone?: { current(): (EndUserAltinn & { systemUserId(): string | null }) | null };
}

export function batchesFeature(deps: BatchesDeps): Feature<BatchesChannel> {
  // A person signed in always acts; the system user only while nobody is.
  const alone = () => (deps.session.current() === null ? (deps.actsAlone?.current() ?? null) : null);
  const actor = () => deps.session.current()?.person.name ?? 'Klientdesk';
  // The person who queued the batch; a batch already deleted has nobody to name.
  const queuedBy = (batchId: string | null): string | null => {
    if (!batchId) return null;
    try {
      return service.store.summary(batchId).createdBy;
    } catch {
      return null;
    }
  };
  const service: ReturnType<typeof createBatchService> = createBatchService({
    db: deps.db,
    clients: deps.clients,
    now: () => deps.now(),
    actor,
    auditActor: (batchId) => {
      const systemUser = alone();
      if (!systemUser) return actor();
      return systemUserActor(systemUser.systemUserId() ?? 'klientadministrator', queuedBy(batchId) ?? actor());
    },
    environment: () => deps.environment(),
    language: () => deps.language(),
    concurrency: () => deps.concurrency(),
    altinn: () => alone() ?? deps.altinn(),
    isOnline: () => deps.isOnline(),
    isSignedIn: () => deps.session.current() !== null || alone() !== null,
    onProgress: (progress) => deps.events.emit('batches.progress', progress),
    onConfirmed: (change) => deps.recordDelegation(change),
  });
  let unsubscribe: (() => void) | null = null;
  const dialogs = (): BatchFileDialogs => {
    if (deps.fileDialogs) return deps.fileDialogs;
    throw new AppError('NO_FILE_DIALOG', 'This window cannot show a file dialog; upload or download the batch file instead.');
  };

  const handlers = {
    'batches.create': (input) => service.create(input),
    'batches.list': () => service.list(),
    'batches.get': ({ id, offset, limit, state }) => service.get(id, { offset, limit, state }),
    'batches.rename': ({ id, name }) => service.rename(id, name),
    'batches.editItems': ({ id, add, removeOrgNumbers }) => service.editItems(id, add, removeOrgNumbers),
    'batches.duplicate': ({ id }) => service.duplicate(id),
    'batches.exportFile': ({ id }) => service.exportFile(id),
    'batches.importFile': ({ content }) => service.importFile(content),
    'batches.exportToPath': ({ id, path }) => service.exportToPath(id, path),
    'batches.importFromPath': ({ path }) => service.importFromPath(path),
    'batches.exportToChosenFile': async ({ id }) => {
      const path = await dialogs().chooseSavePath(service.exportFileName(id));
      if (path === null) return { cancelled: true, path: null, items: 0 };
      return { cancelled: false, ...(await service.exportToPath(id, path)) };
    },
    'batches.importChosenFile': async () => {
      const path = await dialogs().chooseOpenPath();
      if (path === null) return { cancelled: true, batch: null, errors: [] };
      return { cancelled: false, ...(await service.importFromPath(path)) };
    },
    'batches.submit': ({ id }) => service.submit(id),
    'batches.pause': ({ id }) => service.pause(id),
    'batches.resume': ({ id }) => service.resume(id),
    'batches.cancel': ({ id }) => service.cancel(id),
    'batches.retryFailed': ({ id }) => service.retryFailed(id),
    'batches.delete': ({ id }) => {
      service.delete(id);
      return {};
    },
    'batches.reportCsv': ({ id }) => service.reportCsv(id),
    'batches.activeProgress': () => service.activeProgress(),
  } satisfies HandlersOf<BatchesChannel>;

  return {
    handlers,
    start() {
      // A change of network, sign-in or environment is announced as app.status; the runner looks again at once
      // instead of at its next poll (and notices a blocker that went away by itself on its next poll too).
      unsubscribe = deps.events.subscribe((name) => {
        if (name !== 'app.status') return;
        // A session that is (again) available settles every open item from Altinn's list, in every batch.
        if ((deps.session.current() !== null || alone() !== null) && deps.isOnline()) service.runner.sessionAvailable();
        else service.runner.wake();
      });
      service.runner.start();
    },
    async stop() {
      unsubscribe?.();
      await service.runner.stop();
    },
  };
}
