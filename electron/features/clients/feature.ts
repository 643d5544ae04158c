// The client list: sync from Altinn into the local copy, query it offline, export it, and review org numbers
// for the delegation wizard (batches.review needs the client tables, so it lives here). It offers the other
// features a query port and a delegation record port, so its tables stay its own.
import type { Database } from 'better-sqlite3';
import { parseOrgNumberList } from '../../../shared/domain/org-number-list';
import { AppError } from '../../../shared/errors';
import type { ChannelsOf, Feature, HandlersOf } from '../../app/feature';
import type {
  AltinnPort,
  AuditPort,
  ClientsQueryPort,
  ClockPort,
  DelegationRecordPort,
  EnvironmentPort,
  EventsPort,
  LanguagePort,
} from '../../app/ports';
import { getClient, matchingOrgNumbers, queryClients } from './client-query';
import { clientsCsv } from './csv-export';
import { recordDelegationChange } from './delegation-change';
import { createClientsQueryPort } from './query-port';
import { reviewOrgNumbers } from './review';
import { warmSearchIndexSoon } from './search-index';
import { createClientSync } from './sync';
import { readSyncInfo } from './sync-info';
import { listSystemUsers } from './system-users';

export type ClientsChannel = ChannelsOf<'clients.'> | 'systemUsers.list' | 'batches.review' | 'batches.parseOrgNumbers';

export interface ClientsDeps {
  /** The store holding the client list's own tables. */
  db: Database;
  environment: EnvironmentPort;
  altinn: AltinnPort;
  now: ClockPort;
  language: LanguagePort;
  events: Pick<EventsPort, 'emit'>;
  audit: AuditPort;
  /** Settles once the window's first screen is up (first-screen.ts): the search index is built after it. */
  firstScreen: Promise<void>;
}

export interface ClientsFeature extends Feature<ClientsChannel> {
  query: ClientsQueryPort;
  recordDelegation: DelegationRecordPort;
}

export function clientsFeature(deps: ClientsDeps): ClientsFeature {
  const { db, environment } = deps;
  const sync = createClientSync({
    db,
    environment,
    altinn: deps.altinn,
    now: deps.now,
    progress: (event) => deps.events.emit('clients.syncProgress', event),
    audit: deps.audit,
  });

  const handlers = {
    'clients.sync': () => sync.run(),
    'clients.syncInfo': () => ({ ...readSyncInfo(db, environment()), syncing: sync.isRunning() }),
    'clients.query': ({ query, offset, limit }) => {
      const page = queryClients(db, environment(), query, offset, limit);
      // The list is on screen without a search (opened, or just synced): the first keystroke should not wait
      // for the search index to be built, so it is built after this answer has gone, and after the first screen.
      if (!query.search) void deps.firstScreen.then(() => warmSearchIndexSoon(db, environment()));
      return page;
    },
    'clients.matchingOrgNumbers': ({ query }) => matchingOrgNumbers(db, environment(), query),
    'clients.exportCsv': ({ query }) => clientsCsv(db, environment(), query, { language: deps.language(), now: deps.now() }),
    'clients.get': ({ orgNumber }) => getClient(db, environment(), orgNumber),
    'systemUsers.list': () => listSystemUsers(db, environment()),
    'batches.review': (request) => reviewOrgNumbers(db, environment(), request),
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
  } satisfies HandlersOf<ClientsChannel>;

  return {
    handlers,
    query: createClientsQueryPort(db),
    recordDelegation: (change) => recordDelegationChange(db, change),
  };
}
