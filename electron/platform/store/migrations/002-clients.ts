import type { Migration } from './types';

// Every table carries `environment`: Demo, Test and Production each keep their own local copy side by side,
// and every statement is scoped by it. Switching environments then never shows another environment's
// clients, and switching back still has the copy to work from offline (clearing on switch would lose it).
export const m002Clients: Migration = {
  version: 2,
  name: 'the local client list',
  up: (db) => {
    db.exec(`
      CREATE TABLE client_sync_runs (
        id              INTEGER PRIMARY KEY AUTOINCREMENT,
        environment     TEXT NOT NULL,
        firm_org_number TEXT NOT NULL,
        started_at      TEXT NOT NULL,
        finished_at     TEXT NOT NULL,
        total           INTEGER NOT NULL,
        first_sync      INTEGER NOT NULL,
        -- The SyncResult shown in the "new and gone clients" callout, as JSON.
        result          TEXT NOT NULL
      ) STRICT;
      CREATE INDEX client_sync_runs_latest ON client_sync_runs (environment, id);

      CREATE TABLE clients (
        id                INTEGER PRIMARY KEY,
        environment       TEXT NOT NULL,
        org_number        TEXT NOT NULL,
        party_uuid        TEXT NOT NULL,
        name              TEXT NOT NULL,
        variant           TEXT NOT NULL,
        parent_org_number TEXT,
        is_sub_unit       INTEGER NOT NULL,
        -- REGN = 1, REVI = 2, FFØR = 4: a relationship filter is one bit test.
        relationship_mask INTEGER NOT NULL,
        -- Package codes as a JSON array for display; client_packages is the same set for filtering.
        packages          TEXT NOT NULL,
        -- Lower case, æ/ø/å mapped after z: sorts in Norwegian alphabetical order with the plain BINARY collation.
        sort_name         TEXT NOT NULL,
        -- Folded name and org number: what search-as-you-type matches, through clients_fts.
        search_text       TEXT NOT NULL,
        first_seen_at     TEXT NOT NULL,
        -- The sync run that first saw it (0 for the baseline sync), so "new since last sync" is one comparison.
        first_seen_sync   INTEGER NOT NULL,
        last_seen_at      TEXT NOT NULL,
        -- Kept, not deleted, when a client leaves the firm: its delegations may still need removing.
        gone_at           TEXT,
        UNIQUE (environment, org_number)
      ) STRICT;
      -- gone_at leads so that the default view (current clients) counts and pages from the index alone.
      CREATE INDEX clients_by_sort_name ON clients (environment, gone_at, sort_name, org_number);
      CREATE INDEX clients_by_org_number ON clients (environment, gone_at, org_number);
      CREATE INDEX clients_by_first_seen ON clients (environment, gone_at, first_seen_at);
      CREATE INDEX clients_by_first_seen_sync ON clients (environment, first_seen_sync);

      CREATE TABLE client_packages (
        client_id INTEGER NOT NULL REFERENCES clients (id) ON DELETE CASCADE,
        package   TEXT NOT NULL,
        PRIMARY KEY (client_id, package)
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX client_packages_by_package ON client_packages (package, client_id);

      -- Trigram index: substring search over name and org number that stays fast at hundreds of thousands of rows.
      CREATE VIRTUAL TABLE clients_fts USING fts5 (search_text, content = 'clients', content_rowid = 'id', tokenize = 'trigram');
      CREATE TRIGGER clients_fts_insert AFTER INSERT ON clients BEGIN
        INSERT INTO clients_fts (rowid, search_text) VALUES (new.id, new.search_text);
      END;
      CREATE TRIGGER clients_fts_delete AFTER DELETE ON clients BEGIN
        INSERT INTO clients_fts (clients_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
      END;
      CREATE TRIGGER clients_fts_update AFTER UPDATE OF search_text ON clients BEGIN
        INSERT INTO clients_fts (clients_fts, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO clients_fts (rowid, search_text) VALUES (new.id, new.search_text);
      END;

      CREATE TABLE system_users (
        environment  TEXT NOT NULL,
        id           TEXT NOT NULL,
        title        TEXT NOT NULL,
        system_id    TEXT NOT NULL,
        external_ref TEXT NOT NULL,
        packages     TEXT NOT NULL,
        created      TEXT NOT NULL,
        PRIMARY KEY (environment, id)
      ) STRICT;

      -- By org number, not by client row: a delegated organisation need not be (or still be) a client.
      CREATE TABLE delegations (
        environment    TEXT NOT NULL,
        system_user_id TEXT NOT NULL,
        org_number     TEXT NOT NULL,
        party_uuid     TEXT NOT NULL,
        name           TEXT NOT NULL,
        PRIMARY KEY (environment, system_user_id, org_number),
        FOREIGN KEY (environment, system_user_id) REFERENCES system_users (environment, id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;
      CREATE INDEX delegations_by_client ON delegations (environment, org_number);
    `);
  },
};
