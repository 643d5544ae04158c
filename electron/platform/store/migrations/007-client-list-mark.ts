import type { Migration } from './types';

// What each sync's client list was, page by page (a digest of each page's bytes and its link to the next), so
// an unchanged re-sync can tell Altinn's answer is the one already stored without parsing 50–200 MB of JSON.
// Null for runs before this version: their next sync compares client by client, as before.
export const m007ClientListMark: Migration = {
  version: 7,
  name: 'the client list each sync read, marked',
  up: (db) => {
    db.exec('ALTER TABLE client_sync_runs ADD COLUMN client_list_mark TEXT');
  },
};
