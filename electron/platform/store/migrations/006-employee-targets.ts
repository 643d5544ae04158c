import type { Migration } from './types';

// A batch names its target by one id. For an employee that target is a person plus the client packages to
// give or take, kept here under a local id, so the batch tables stay as they are. What the employee was last
// seen to hold per client (all of the target's packages) lets the wizard's review say "already done" offline.
export const m006EmployeeTargets: Migration = {
  version: 6,
  name: 'employees as batch targets',
  up: (db) => {
    db.exec(`
      CREATE TABLE employee_targets (
        environment      TEXT NOT NULL,
        id               TEXT NOT NULL,
        agent_party_uuid TEXT NOT NULL,
        agent_name       TEXT NOT NULL,
        -- JSON array of package codes, sorted, so one (person, packages) pair has one target.
        packages         TEXT NOT NULL,
        created_at       TEXT NOT NULL,
        PRIMARY KEY (environment, id),
        UNIQUE (environment, agent_party_uuid, packages)
      ) STRICT;

      CREATE TABLE employee_target_clients (
        environment TEXT NOT NULL,
        target_id   TEXT NOT NULL,
        org_number  TEXT NOT NULL,
        party_uuid  TEXT NOT NULL,
        name        TEXT NOT NULL,
        PRIMARY KEY (environment, target_id, org_number),
        FOREIGN KEY (environment, target_id) REFERENCES employee_targets (environment, id) ON DELETE CASCADE
      ) STRICT, WITHOUT ROWID;
    `);
  },
};
