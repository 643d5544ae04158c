import type { Migration } from './types';

export const m003Batches: Migration = {
  version: 3,
  name: 'batches and their items',
  up: (db) => {
    db.exec(`
      CREATE TABLE batches (
        id                TEXT PRIMARY KEY,
        name              TEXT NOT NULL,
        environment       TEXT NOT NULL,
        system_user_id    TEXT NOT NULL,
        system_user_title TEXT NOT NULL DEFAULT '',
        state             TEXT NOT NULL CHECK (state IN ('draft', 'queued', 'running', 'paused', 'completed', 'completed_with_failures', 'cancelled')),
        pause_reason      TEXT,
        created_at        TEXT NOT NULL,
        created_by        TEXT NOT NULL,
        updated_at        TEXT NOT NULL,
        -- Orders the queue: the batch submitted first runs first.
        queued_at         TEXT
      ) STRICT;
      CREATE INDEX batches_state ON batches (state, queued_at);

      CREATE TABLE batch_items (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        batch_id         TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        org_number       TEXT NOT NULL,
        party_uuid       TEXT NOT NULL,
        name             TEXT,
        operation        TEXT NOT NULL CHECK (operation IN ('add', 'remove')),
        state            TEXT NOT NULL CHECK (state IN ('pending', 'in_flight', 'done', 'failed', 'skipped')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        error_code       TEXT,
        error_message    TEXT,
        correlation_id   TEXT,
        missing_packages TEXT,
        skip_reason      TEXT,
        updated_at       TEXT NOT NULL,
        -- The send that made the item done; any later send of the item would be a duplicate.
        done_by_send_id  INTEGER,
        -- One operation per client per batch: adding and removing the same client in one plan is a contradiction.
        UNIQUE (batch_id, org_number)
      ) STRICT;
      CREATE INDEX batch_items_state ON batch_items (batch_id, state, id);

      -- Every call the runner starts, written before the call leaves: the evidence that no item is sent twice.
      CREATE TABLE batch_sends (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        item_id    INTEGER NOT NULL REFERENCES batch_items (id) ON DELETE CASCADE,
        started_at TEXT NOT NULL,
        finished   INTEGER NOT NULL DEFAULT 0,
        outcome    TEXT
      ) STRICT;
      CREATE INDEX batch_sends_item ON batch_sends (item_id, id);
    `);
  },
};
