// The clients feature's offer to the others: what its local copy knows of a client or an agent system user,
// read from its own tables, so no other feature needs to know how they are laid out.
import type { Database, Statement } from 'better-sqlite3';
import type { ClientsQueryPort, KnownClient } from '../../app/ports';
import { lastSyncAt } from './sync-info';

interface StoredClient {
  party_uuid: string;
  name: string;
  packages: string;
}

/** Package codes are kept as a JSON array; anything else reads as none. */
function packagesOf(raw: string): string[] {
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? value.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}

export function createClientsQueryPort(db: Database): ClientsQueryPort {
  // Prepared on first use: the port is built before the first request, not before the migrations.
  let clientStmt: Statement<[string, string], StoredClient> | null = null;
  let systemUserStmt: Statement<[string, string], { title: string; packages: string }> | null = null;
  return {
    client(environment, orgNumber): KnownClient | null {
      clientStmt ??= db.prepare('SELECT party_uuid, name, packages FROM clients WHERE environment = ? AND org_number = ?');
      const row = clientStmt.get(environment, orgNumber);
      return row ? { partyUuid: row.party_uuid, name: row.name, packages: packagesOf(row.packages) } : null;
    },
    systemUser(environment, systemUserId) {
      systemUserStmt ??= db.prepare('SELECT title, packages FROM system_users WHERE environment = ? AND id = ?');
      const row = systemUserStmt.get(environment, systemUserId);
      return row ? { title: row.title, packages: packagesOf(row.packages) } : null;
    },
    lastSyncAt: (environment) => lastSyncAt(db, environment),
  };
}
