import type { Migration } from './types';

// The sync writes the trigram index itself. Kept up row by row by triggers, the index cost two thirds of a
// 50,000-client first sync (10 s of 15 s on a loaded 2-core machine) and grew worse than linearly (200,000
// clients: over 100 s); built in one pass from the table it costs well under a second. The sync rebuilds it
// after a large change and updates single rows after a small one (client-store.ts).
export const m005ClientSearchWrites: Migration = {
  version: 5,
  name: 'the client search index written by the sync',
  up: (db) => {
    db.exec(`
      DROP TRIGGER clients_fts_insert;
      DROP TRIGGER clients_fts_delete;
      DROP TRIGGER clients_fts_update;
    `);
  },
};
