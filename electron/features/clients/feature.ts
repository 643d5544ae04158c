// The client list: sync from Altinn into the local copy, query it offline, export it, and review org numbers
// for the delegation wizard (batches.review needs the client tables, so it lives here).
import { parseOrgNumberList } from '../../../shared/domain/org-number-list';
import { AppError } from '../../../shared/errors';
import type { Feature, FeatureContext } from '../../app/feature';
import { getClient, matchingOrgNumbers, queryClients } from './client-query';
import { clientsCsv } from './csv-export';
import { reviewOrgNumbers } from './review';
import { createClientSync } from './sync';
import { readSyncInfo } from './sync-info';
import { listSystemUsers } from './system-users';

/** Only what the client list uses, so it can be tested without the rest of the app. */
export type ClientsContext = Pick<FeatureContext, 'db' | 'settings' | 'bus' | 'services' | 'environment' | 'now' | 'audit'>;

export function clientsFeature(ctx: ClientsContext): Feature {
  const { db } = ctx;
  const sync = createClientSync({
    db,
    environment: ctx.environment,
    altinn: () => ctx.services.altinn(),
    now: ctx.now,
    progress: (event) => ctx.bus.emit('clients.syncProgress', event),
    audit: ctx.audit,
  });

  return {
    handlers: {
      'clients.sync': () => sync.run(),
      'clients.syncInfo': () => ({ ...readSyncInfo(db, ctx.environment()), syncing: sync.isRunning() }),
      'clients.query': ({ query, offset, limit }) => queryClients(db, ctx.environment(), query, offset, limit),
      'clients.matchingOrgNumbers': ({ query }) => matchingOrgNumbers(db, ctx.environment(), query),
      'clients.exportCsv': ({ query }) =>
        clientsCsv(db, ctx.environment(), query, { language: ctx.settings.get().language, now: ctx.now() }),
      'clients.get': ({ orgNumber }) => getClient(db, ctx.environment(), orgNumber),
      'systemUsers.list': () => listSystemUsers(db, ctx.environment()),
      'batches.review': (request) => reviewOrgNumbers(db, ctx.environment(), request),
      'batches.parseOrgNumbers': ({ text }) => {
        const list = parseOrgNumberList(text);
        if (list.refusal) {
          throw new AppError('LIST_TOO_LARGE', list.refusal.message, undefined, { count: list.refusal.count, max: list.refusal.max });
        }
        return {
          entries: list.entries.map(({ line, orgNumber }) => ({ line, orgNumber })),
          errors: list.errors.map(({ line, input, problem, message }) => ({ line, input, problem, message })),
        };
      },
    },
  };
}
