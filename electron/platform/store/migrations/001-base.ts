import type { Migration } from './types';

export const m001Base: Migration = {
  version: 1,
  name: 'settings and the append-only audit log',
  up: (db) => {
    db.exec(`
      CREATE TABLE settings (
        key   TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE audit_log (
        id                INTEGER PRIMARY KEY AUTOINCREMENT,
        at                TEXT NOT NULL,
        actor             TEXT NOT NULL,
        environment       TEXT NOT NULL,
        action            TEXT NOT NULL,
        system_user_id    TEXT,
        client_org_number TEXT,
        batch_id          TEXT,
        outcome           TEXT NOT NULL,
        code              TEXT,
        correlation_id    TEXT,
        detail            TEXT
      ) STRICT;
      CREATE INDEX audit_log_at ON audit_log (at);
      CREATE INDEX audit_log_client ON audit_log (client_org_number);

      -- The audit trail is evidence: the database itself refuses to change or remove a row.
      CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
      CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    `);
  },
};
