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
import { readTarget, targetClients } from '../employees/port';

export interface ReviewRequest {
  systemUserId: string;
  operation: Operation;
  orgNumbers: readonly string[];
}

/** A local row as read: org number, name, packages (JSON), 1 while the client is still the firm's. */
type KnownRow = [orgNumber: string, name: string, packages: string, current: number];

/**
 * The local rows of `orgNumbers`. A long list (a chain pasting its whole client list) is matched against one
 * scan of the environment's clients, which reads the table in order; a short one looks each number up.
 */
function knownClients(db: Database, environment: EnvironmentId, wanted: ReadonlySet<string>): Map<string, KnownRow> {
  const stored = db.prepare('SELECT COUNT(*) FROM clients WHERE environment = ?').pluck().get(environment) as number;
  const scan = wanted.size * 4 > stored;
  const rows = (
    scan
      ? db.prepare('SELECT org_number, name, packages, gone_at IS NULL FROM clients WHERE +environment = ?').raw().all(environment)
      : db
          .prepare(
            'SELECT org_number, name, packages, gone_at IS NULL FROM clients WHERE environment = ? AND org_number IN (SELECT value FROM json_each(?))',
          )
          .raw()
          .all(environment, JSON.stringify([...wanted]))
  ) as KnownRow[];
  // Rows are kept as SQLite hands them over: one Map entry per client and no object of our own.
  const known = new Map<string, KnownRow>();
  for (const row of rows) if (!scan || wanted.has(row[0])) known.set(row[0], row);
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
  const candidates = new Set<string>();
  for (const n of normalised) if (orgNumberProblem(n) === null) candidates.add(n);
  // Clients share a handful of package sets, so the AND rule is worked out once per set, not once per client.
  const missingFor = new Map<string, string[]>();
  const missingOf = (packagesJson: string): string[] => {
    let missing = missingFor.get(packagesJson);
    if (!missing) missingFor.set(packagesJson, (missing = missingPackages(systemUser.packages, JSON.parse(packagesJson) as string[])));
    return missing;
  };
  const removing = request.operation === 'remove';
  return db.transaction(() => {
    const known = knownClients(db, environment, candidates);
    const delegated = delegatedClients(db, environment, request.systemUserId);
    const seen = new Set<string>();

    return request.orgNumbers.map((input, index): ReviewItem => {
      const orgNumber = normalised[index]!;
      if (!candidates.has(orgNumber)) return verdictOf(input, orgNumber, 'invalid_number', null);
      const row = known.get(orgNumber);
      const isDelegated = delegated.has(orgNumber);
      const name = row?.[1] ?? delegated.get(orgNumber) ?? null;
      if (seen.has(orgNumber)) return verdictOf(input, orgNumber, 'duplicate', name);
      seen.add(orgNumber);
      // A client that has left the firm is not a client any more: adding it would fail with AUTH-00079.
      const isClient = row?.[3] === 1;
      if (removing) {
        // Removing works for any delegated organisation, including one that has left the firm.
        if (isDelegated) return verdictOf(input, orgNumber, 'ready', name);
        return verdictOf(input, orgNumber, isClient ? 'already_done' : 'unknown_client', name);
      }
      if (isDelegated) return verdictOf(input, orgNumber, 'already_done', name);
      if (!isClient) return verdictOf(input, orgNumber, 'unknown_client', name);
      const missing = missingOf(row![2]);
      return missing.length > 0
        ? verdictOf(input, orgNumber, 'fails_and_rule', name, [...missing])
        : verdictOf(input, orgNumber, 'ready', name);
    });
  })();
}

const verdictOf = (
  input: string,
  orgNumber: string,
  verdict: ReviewItem['verdict'],
  name: string | null,
  missingPackages: string[] = [],
): ReviewItem => ({ input, orgNumber, name, verdict, missingPackages, line: null });
