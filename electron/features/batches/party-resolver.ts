// Which partyUuid (and name) Altinn knows a client by. The local client list is the source of truth; it is
// read defensively because its table belongs to the client-list feature and may not exist yet.
import type { Database } from 'better-sqlite3';

/** Stored for an item whose partyUuid is not known yet; the runner resolves it through Altinn before sending. */
export const UNRESOLVED_PARTY = '';

export interface ResolvedParty {
  partyUuid: string;
  name: string | null;
  /** Package codes the firm holds from the client, when the local list knows them. */
  packages: string[] | null;
}

export interface PartyResolver {
  /** `known` is a partyUuid the caller already has (e.g. from a batch file); the local list still wins. */
  resolve(orgNumber: string, known?: string): ResolvedParty;
  /** The system user's title and packages as last synced, or null when the list has not seen it. */
  systemUser(systemUserId: string): { title: string; packages: string[] } | null;
}

interface ClientRow {
  party_uuid: string | null;
  name: string | null;
  packages: string | null;
}

function columnsOf(db: Database, table: string): Set<string> {
  const rows = db.prepare(`SELECT name FROM pragma_table_info(?)`).all(table) as { name: string }[];
  return new Set(rows.map((r) => r.name));
}

function parsePackages(raw: string | null): string[] | null {
  if (raw === null) return null;
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : null;
  } catch {
    return null;
  }
}

/**
 * `environment` scopes every lookup: Demo, Test and Production keep separate client lists, and a partyUuid
 * from one is meaningless in another.
 */
export function createPartyResolver(db: Database, environment: () => string): PartyResolver {
  let clients: ((orgNumber: string) => ClientRow | undefined) | null = null;
  let systemUsers: ((id: string) => { title: string; packages: string } | undefined) | null = null;

  // Prepared lazily, and only against the columns this module reads: the tables belong to the client list.
  const clientLookup = (): typeof clients => {
    if (clients) return clients;
    const columns = columnsOf(db, 'clients');
    if (!['environment', 'org_number', 'party_uuid'].every((c) => columns.has(c))) return null;
    const name = columns.has('name') ? 'name' : 'NULL';
    const packages = columns.has('packages') ? 'packages' : 'NULL';
    const stmt = db.prepare(
      `SELECT party_uuid, ${name} AS name, ${packages} AS packages FROM clients WHERE environment = ? AND org_number = ?`,
    );
    clients = (orgNumber) => stmt.get(environment(), orgNumber) as ClientRow | undefined;
    return clients;
  };
  const systemUserLookup = (): typeof systemUsers => {
    if (systemUsers) return systemUsers;
    const columns = columnsOf(db, 'system_users');
    if (!['environment', 'id', 'title', 'packages'].every((c) => columns.has(c))) return null;
    const stmt = db.prepare('SELECT title, packages FROM system_users WHERE environment = ? AND id = ?');
    systemUsers = (id) => stmt.get(environment(), id) as { title: string; packages: string } | undefined;
    return systemUsers;
  };

  // An employee target (features/employees) stands where a system user would: a title and the packages it gives.
  let employeeTargets: ((id: string) => { title: string; packages: string } | undefined) | null = null;
  const employeeTargetLookup = (): typeof employeeTargets => {
    if (employeeTargets) return employeeTargets;
    if (!columnsOf(db, 'employee_targets').has('agent_name')) return null;
    const stmt = db.prepare(
      "SELECT agent_name || ' (' || (SELECT group_concat(value, ', ') FROM json_each(packages)) || ')' AS title, packages FROM employee_targets WHERE environment = ? AND id = ?",
    );
    employeeTargets = (id) => stmt.get(environment(), id) as { title: string; packages: string } | undefined;
    return employeeTargets;
  };

  return {
    systemUser(systemUserId) {
      const row = systemUserLookup()?.(systemUserId) ?? employeeTargetLookup()?.(systemUserId);
      return row ? { title: row.title, packages: parsePackages(row.packages) ?? [] } : null;
    },
    resolve(orgNumber, known) {
      const row = clientLookup()?.(orgNumber);
      if (row?.party_uuid) return { partyUuid: row.party_uuid, name: row.name, packages: parsePackages(row.packages) };
      // An org number the local list has not seen (never synced, or planned offline) has no partyUuid yet: it
      // is never guessed. The runner asks Altinn for it before the first send, or fails the item in plain words.
      return { partyUuid: known ?? UNRESOLVED_PARTY, name: row?.name ?? null, packages: parsePackages(row?.packages ?? null) };
    },
  };
}
