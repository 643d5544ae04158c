// The batch channels, and the runner that works through submitted batches in the background.
import type { Feature, FeatureContext } from '../../app/feature';
// The one piece of the client list the batches use: its local copy follows what the runner got done.
import { recordDelegationChange } from '../clients/delegation-change';
// Employees are batch targets too: their calls go to Access Management, their confirmations to their own table.
import { withEmployeeTargets } from '../employees/target-altinn';
import { recordTargetChange } from '../employees/targets';
import { createBatchService } from './batch-service';
import type { BatchFileDialogs } from './file-dialogs';
import { AppError } from '../../../shared/errors';

export function batchesFeature(ctx: FeatureContext): Feature {
  const service = createBatchService({
    db: ctx.db,
    now: () => ctx.now(),
    actor: () => ctx.services.session.current()?.person.name ?? 'Klientdesk',
    environment: () => ctx.environment(),
    language: () => ctx.settings.get().language,
    concurrency: () => ctx.settings.get().runner.concurrency,
    altinn: () =>
      withEmployeeTargets(ctx.services.altinn(), {
        db: ctx.db,
        environment: ctx.environment,
        clientAdministration: () => ctx.environmentServices().clientAdministration,
      }),
    isOnline: () => ctx.services.isOnline(),
    isSignedIn: () => ctx.services.session.current() !== null,
    onProgress: (progress) => ctx.bus.emit('batches.progress', progress),
    onConfirmed: (change) => {
      recordDelegationChange(ctx.db, change);
      recordTargetChange(ctx.db, change);
    },
  });
  let unsubscribe: (() => void) | null = null;
  const dialogs = (): BatchFileDialogs => {
    if (ctx.batchFileDialogs) return ctx.batchFileDialogs;
    throw new AppError('NO_FILE_DIALOG', 'This window cannot show a file dialog; upload or download the batch file instead.');
  };

  return {
    handlers: {
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
    },
    start() {
      // A change of network, sign-in or environment is announced as app.status; the runner looks again at once
      // instead of at its next poll (and notices a blocker that went away by itself on its next poll too).
      unsubscribe = ctx.bus.subscribe((name) => {
        if (name !== 'app.status') return;
        // A session that is (again) available settles every open item from Altinn's list, in every batch.
        if (ctx.services.session.current() !== null && ctx.services.isOnline()) service.runner.sessionAvailable();
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
