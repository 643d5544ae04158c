import type { Migration } from './types';
import { auditRowHash, GENESIS_HASH, type HashedAuditFields } from '../audit-hash-chain';

// Item state `unknown` (the CHECK needs the table rebuilt), the run that sent each call, an index for the
// per-client ordering across batches, and a hash chain over the audit log that REPLACE cannot overwrite.
export const m004ExactlyOnce: Migration = {
  version: 4,
  name: 'unknown outcomes, send owners and a hash-chained audit log',
  up: (db) => {
    // batch_sends references batch_items: both are rebuilt, children first out and last in, so the DROP of
    // the old items table cascades into nothing.
    db.exec(`
      CREATE TABLE batch_items_v4 (
        id               INTEGER PRIMARY KEY AUTOINCREMENT,
        batch_id         TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
        org_number       TEXT NOT NULL,
        party_uuid       TEXT NOT NULL,
        name             TEXT,
        operation        TEXT NOT NULL CHECK (operation IN ('add', 'remove')),
        state            TEXT NOT NULL CHECK (state IN ('pending', 'in_flight', 'unknown', 'done', 'failed', 'skipped')),
        attempts         INTEGER NOT NULL DEFAULT 0,
        error_code       TEXT,
        error_message    TEXT,
        correlation_id   TEXT,
        missing_packages TEXT,
        skip_reason      TEXT,
        updated_at       TEXT NOT NULL,
        done_by_send_id  INTEGER,
        -- The send whose answer may settle the item: an answer to any other (superseded) send is ignored.
        current_send_id  INTEGER,
        UNIQUE (batch_id, org_number)
      ) STRICT;
      INSERT INTO batch_items_v4 (id, batch_id, org_number, party_uuid, name, operation, state, attempts, error_code, error_message,
          correlation_id, missing_packages, skip_reason, updated_at, done_by_send_id)
        SELECT id, batch_id, org_number, party_uuid, name, operation, state, attempts, error_code, error_message,
          correlation_id, missing_packages, skip_reason, updated_at, done_by_send_id FROM batch_items;

      CREATE TABLE batch_sends_v4 (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        item_id    INTEGER NOT NULL REFERENCES batch_items_v4 (id) ON DELETE CASCADE,
        started_at TEXT NOT NULL,
        -- The runner (one per process start) that sent it.
        run_id     TEXT,
        finished   INTEGER NOT NULL DEFAULT 0,
        outcome    TEXT
      ) STRICT;
      INSERT INTO batch_sends_v4 (id, item_id, started_at, finished, outcome)
        SELECT id, item_id, started_at, finished, outcome FROM batch_sends;
      UPDATE batch_items_v4 SET current_send_id = (SELECT MAX(s.id) FROM batch_sends_v4 s WHERE s.item_id = batch_items_v4.id);

      DROP TABLE batch_sends;
      DROP TABLE batch_items;
      ALTER TABLE batch_items_v4 RENAME TO batch_items;
      ALTER TABLE batch_sends_v4 RENAME TO batch_sends;
      CREATE INDEX batch_items_state ON batch_items (batch_id, state, id);
      CREATE INDEX batch_items_by_client ON batch_items (org_number, state);
      CREATE INDEX batch_sends_item ON batch_sends (item_id, id);

      ALTER TABLE audit_log ADD COLUMN prev_hash TEXT;
      ALTER TABLE audit_log ADD COLUMN hash TEXT;
    `);

    // Rows written before the chain existed get their hashes once, here; afterwards no row can change.
    db.exec('DROP TRIGGER audit_log_no_update');
    const rows = db.prepare('SELECT * FROM audit_log ORDER BY id').all() as (HashedAuditFields & { id: number })[];
    const setHash = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE id = ?');
    let prev = GENESIS_HASH;
    for (const row of rows) {
      const hash = auditRowHash(row, prev);
      setHash.run(prev, hash, row.id);
      prev = hash;
    }
    db.exec(`
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      -- REPLACE INTO / INSERT OR REPLACE delete the old row without firing the DELETE trigger (recursive
      -- triggers are off); refusing any insert whose id is taken closes that door before the conflict is resolved.
      CREATE TRIGGER audit_log_no_replace BEFORE INSERT ON audit_log
        WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit_log WHERE id = NEW.id)
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only: a row cannot be replaced'); END;
      -- Every new row must carry its chain link; an insert without one is not from Klientdesk.
      CREATE TRIGGER audit_log_needs_hash BEFORE INSERT ON audit_log
        WHEN NEW.hash IS NULL OR NEW.prev_hash IS NULL
        BEGIN SELECT RAISE(ABORT, 'an audit row needs its hash chain link'); END;
    `);
  },
};
