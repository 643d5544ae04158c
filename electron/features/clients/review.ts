// The wizard's review step: what would happen to each org number if the batch were sent now, judged from the
// local copy (so it works offline). The AND rule is predicted here instead of discovered as AUTH-00080.
import type { Database } from 'better-sqlite3';
import type { ReviewItem } from '../../../shared/contract/batches';
import type { EnvironmentId } from '../../../shared/contract/define';
import type { Operation } from '../../../shared/domain/batch';
import { normaliseOrgNumber, orgNumberProblem } from '../../../shared/domain/orgnr';
import { missingPackages } from '../../../shared/domain/packages';
import { AppError } from '../../../shared/errors';
import { readSystemUsers } from './system-users';
import { readTarget, targetClients } from '../employees/targets';

export interface ReviewRequest {
  systemUserId: string;
  operation: Operation;
  orgNumbers: readonly string[];
}

interface KnownClient {
  name: string;
  packages: string;
  goneAt: string | null;
}

/**
 * The local rows of `orgNumbers`. A long list (a chain pasting its whole client list) is matched against one
 * scan of the environment's clients, which reads the table in order; a short one looks each number up.
 */
function knownClients(db: Database, environment: EnvironmentId, orgNumbers: readonly string[]): Map<string, KnownClient> {
  const stored = db.prepare('SELECT COUNT(*) FROM clients WHERE environment = ?').pluck().get(environment) as number;
  const wanted = new Set(orgNumbers);
  const scan = wanted.size * 4 > stored;
  const rows = (
    scan
      ? db.prepare('SELECT org_number, name, packages, gone_at FROM clients WHERE +environment = ?').raw().all(environment)
      : db
          .prepare(
            'SELECT org_number, name, packages, gone_at FROM clients WHERE environment = ? AND org_number IN (SELECT value FROM json_each(?))',
          )
          .raw()
          .all(environment, JSON.stringify([...wanted]))
  ) as [string, string, string, string | null][];
  const known = new Map<string, KnownClient>();
  for (const [orgNumber, name, packages, goneAt] of rows)
    if (!scan || wanted.has(orgNumber)) known.set(orgNumber, { name, packages, goneAt });
  return known;
}

function delegatedClients(db: Database, environment: EnvironmentId, systemUserId: string): Map<string, string> {
  // An employee target's "delegated" clients are those the employee holds all of its packages from.
  if (readTarget(db, environment, systemUserId))
    return new Map(targetClients(db, environment, systemUserId).map((c) => [c.orgNumber, c.name]));
  // A system user's delegations are at most the firm's clients, and they are keyed by it: one range read.
  const rows = db
    .prepare('SELECT org_number, name FROM delegations WHERE environment = ? AND system_user_id = ?')
    .raw()
    .all(environment, systemUserId) as [string, string][];
  return new Map(rows);
}

export function reviewOrgNumbers(db: Database, environment: EnvironmentId, request: ReviewRequest): ReviewItem[] {
  // The firm must hold every package of the target from the client: a system user's, or those given to an employee.
  const systemUser =
    readSystemUsers(db, environment).find((su) => su.id === request.systemUserId) ?? readTarget(db, environment, request.systemUserId);
  if (!systemUser) {
    throw new AppError('UNKNOWN_SYSTEM_USER', 'That system user is not in the local copy of the client list. Sync the list and try again.');
  }
  // Each number is normalised and checked once; 50,000 of them in a pasted list are common for a chain.
  const normalised = request.orgNumbers.map(normaliseOrgNumber);
  const valid = normalised.map((n) => orgNumberProblem(n) === null);
  const candidates = normalised.filter((_, i) => valid[i]);
  // Clients share a handful of package sets, so the AND rule is worked out once per set, not once per client.
  const missingFor = new Map<string, string[]>();
  const missingOf = (packagesJson: string): string[] => {
    let missing = missingFor.get(packagesJson);
    if (!missing) missingFor.set(packagesJson, (missing = missingPackages(systemUser.packages, JSON.parse(packagesJson) as string[])));
    return missing;
  };
  return db.transaction(() => {
    const known = knownClients(db, environment, candidates);
    const delegated = delegatedClients(db, environment, request.systemUserId);
    const seen = new Set<string>();

    return request.orgNumbers.map((input, index): ReviewItem => {
      const orgNumber = normalised[index]!;
      const item = (verdict: ReviewItem['verdict'], name: string | null = null, missing: string[] = []): ReviewItem => ({
        input,
        orgNumber,
        name,
        verdict,
        missingPackages: missing,
        line: null,
      });
      if (!valid[index]) return item('invalid_number');
      const row = known.get(orgNumber);
      const isDelegated = delegated.has(orgNumber);
      const name = row?.name ?? delegated.get(orgNumber) ?? null;
      if (seen.has(orgNumber)) return item('duplicate', name);
      seen.add(orgNumber);
      // A client that has left the firm is not a client any more: adding it would fail with AUTH-00079.
      const client = row?.goneAt === null ? row : undefined;
      if (request.operation === 'remove') {
        // Removing works for any delegated organisation, including one that has left the firm.
        if (isDelegated) return item('ready', name);
        return client ? item('already_done', name) : item('unknown_client', name);
      }
      if (isDelegated) return item('already_done', name);
      if (!client) return item('unknown_client', name);
      const missing = missingOf(client.packages);
      return missing.length > 0 ? item('fails_and_rule', name, [...missing]) : item('ready', name);
    });
  })();
}
