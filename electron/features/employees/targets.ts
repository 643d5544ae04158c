// Employees as batch targets (migration 006): a local id for (person, packages), and which clients the person
// was last seen to hold all of those packages from. The batch tables keep naming a target by one id.
import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { ConfirmedChange } from '../../../shared/domain/batch';
import { packageCode } from '../../../shared/domain/packages';

export interface EmployeeTargetRow {
  id: string;
  agentPartyUuid: string;
  agentName: string;
  packages: string[];
}

export interface TargetClient {
  orgNumber: string;
  partyUuid: string;
  name: string;
}

const canonical = (packages: readonly string[]): string[] => [...new Set(packages.map(packageCode))].sort();

/** The one target for this person and these packages, made on first use. */
export function ensureTarget(
  db: Database,
  environment: string,
  agentPartyUuid: string,
  agentName: string,
  packages: readonly string[],
  now: Date,
): EmployeeTargetRow {
  const codes = canonical(packages);
  const key = JSON.stringify(codes);
  const existing = db
    .prepare('SELECT id FROM employee_targets WHERE environment = ? AND agent_party_uuid = ? AND packages = ?')
    .pluck()
    .get(environment, agentPartyUuid.toLowerCase(), key) as string | undefined;
  const id = existing ?? randomUUID();
  if (!existing)
    db.prepare(
      'INSERT INTO employee_targets (environment, id, agent_party_uuid, agent_name, packages, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(environment, id, agentPartyUuid.toLowerCase(), agentName, key, now.toISOString());
  else db.prepare('UPDATE employee_targets SET agent_name = ? WHERE environment = ? AND id = ?').run(agentName, environment, id);
  return { id, agentPartyUuid: agentPartyUuid.toLowerCase(), agentName, packages: codes };
}

export function readTarget(db: Database, environment: string, id: string): EmployeeTargetRow | null {
  const row = db
    .prepare('SELECT id, agent_party_uuid, agent_name, packages FROM employee_targets WHERE environment = ? AND id = ?')
    .get(environment, id) as { id: string; agent_party_uuid: string; agent_name: string; packages: string } | undefined;
  if (!row) return null;
  return { id: row.id, agentPartyUuid: row.agent_party_uuid, agentName: row.agent_name, packages: JSON.parse(row.packages) as string[] };
}

export const targetTitle = (t: Pick<EmployeeTargetRow, 'agentName' | 'packages'>): string => `${t.agentName} (${t.packages.join(', ')})`;

export function targetClients(db: Database, environment: string, id: string): TargetClient[] {
  return db
    .prepare(
      'SELECT org_number AS orgNumber, party_uuid AS partyUuid, name FROM employee_target_clients WHERE environment = ? AND target_id = ?',
    )
    .all(environment, id) as TargetClient[];
}

/** What Altinn's list says now replaces what was known. */
export function replaceTargetClients(db: Database, environment: string, id: string, clients: readonly TargetClient[]): void {
  db.transaction(() => {
    db.prepare('DELETE FROM employee_target_clients WHERE environment = ? AND target_id = ?').run(environment, id);
    const insert = db.prepare(
      'INSERT OR REPLACE INTO employee_target_clients (environment, target_id, org_number, party_uuid, name) VALUES (?, ?, ?, ?, ?)',
    );
    for (const c of clients) insert.run(environment, id, c.orgNumber, c.partyUuid, c.name);
  })();
}

/** One confirmed change by a batch, in the item's transaction; a target this copy does not know is left alone. */
export function recordTargetChange(db: Database, change: ConfirmedChange): void {
  if (change.operation === 'remove') {
    const sql = 'DELETE FROM employee_target_clients WHERE environment = ? AND target_id = ? AND org_number = ?';
    db.prepare(sql).run(change.environment, change.systemUserId, change.orgNumber);
    return;
  }
  db.prepare(
    `INSERT OR REPLACE INTO employee_target_clients (environment, target_id, org_number, party_uuid, name)
     SELECT @environment, @systemUserId, @orgNumber, @partyUuid,
            COALESCE(@name, '')
     WHERE EXISTS (SELECT 1 FROM employee_targets WHERE environment = @environment AND id = @systemUserId)`,
  ).run({ ...change, name: change.name });
}

/** Drops what was known of a person's client rights, once they are no longer the firm's agent. */
export function forgetAgent(db: Database, environment: string, agentPartyUuid: string): void {
  db.prepare(
    'DELETE FROM employee_target_clients WHERE environment = ? AND target_id IN (SELECT id FROM employee_targets WHERE environment = ? AND agent_party_uuid = ?)',
  ).run(environment, environment, agentPartyUuid.toLowerCase());
}

/** Each employee target's person, by target id: what a reader of the audit log sees where a system access would be. */
export function targetNames(db: Database, environment: string): { id: string; title: string }[] {
  return db.prepare('SELECT id, agent_name AS title FROM employee_targets WHERE environment = ?').all(environment) as {
    id: string;
    title: string;
  }[];
}

/** Every employee target's clients as last seen, for noticing which of them a sync found gone. */
export function allTargetClients(db: Database, environment: string): { targetId: string; orgNumber: string }[] {
  return db
    .prepare('SELECT target_id AS targetId, org_number AS orgNumber FROM employee_target_clients WHERE environment = ?')
    .all(environment) as { targetId: string; orgNumber: string }[];
}
