// The firm's agent system users as of the last sync, with how many clients each has, qualifies for and
// would fail under the AND rule.
import type { Database } from 'better-sqlite3';
import type { SystemUserRow } from '../../../shared/contract/clients';
import type { EnvironmentId } from '../../../shared/contract/define';
import { prepared } from '../../platform/store/prepared';
import { relationshipOfPackages } from '../../../shared/domain/packages';
import type { AgentSystemUser } from '../../app/ports';

interface StoredSystemUser {
  id: string;
  title: string;
  system_id: string;
  external_ref: string;
  packages: string;
  created: string;
}

export function readSystemUsers(db: Database, environment: EnvironmentId): AgentSystemUser[] {
  const rows = prepared(
    db,
    'SELECT id, title, system_id, external_ref, packages, created FROM system_users WHERE environment = ? ORDER BY title, id',
  ).all(environment) as StoredSystemUser[];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    systemId: r.system_id,
    externalRef: r.external_ref,
    packages: JSON.parse(r.packages) as string[],
    created: r.created,
  }));
}

/** Among current clients offered to these packages (any-of): how many give all of them, and how many do not. */
function andRuleCounts(db: Database, environment: EnvironmentId, packages: readonly string[]): { qualifying: number; failing: number } {
  if (packages.length === 0) return { qualifying: 0, failing: 0 };
  const row = db
    .prepare(
      `SELECT COALESCE(SUM(held = @n), 0) AS qualifying, COALESCE(SUM(held < @n), 0) AS failing FROM (
         SELECT COUNT(*) AS held FROM client_packages cp JOIN clients c ON c.id = cp.client_id
         WHERE c.environment = @environment AND c.gone_at IS NULL AND cp.package IN (SELECT value FROM json_each(@packages))
         GROUP BY cp.client_id)`,
    )
    .get({ environment, n: packages.length, packages: JSON.stringify(packages) }) as { qualifying: number; failing: number };
  return row;
}

export function listSystemUsers(db: Database, environment: EnvironmentId): SystemUserRow[] {
  const delegated = new Map(
    (
      db
        .prepare('SELECT system_user_id AS id, COUNT(*) AS n FROM delegations WHERE environment = ? GROUP BY system_user_id')
        .all(environment) as {
        id: string;
        n: number;
      }[]
    ).map((r) => [r.id, r.n]),
  );
  return readSystemUsers(db, environment).map((su) => {
    const counts = andRuleCounts(db, environment, su.packages);
    return {
      ...su,
      clientCount: delegated.get(su.id) ?? 0,
      qualifyingCount: counts.qualifying,
      failingCount: counts.failing,
      relationship: relationshipOfPackages(su.packages),
    };
  });
}
