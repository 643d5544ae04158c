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

export interface ReviewRequest {
  systemUserId: string;
  operation: Operation;
  orgNumbers: readonly string[];
}

interface KnownClient {
  org_number: string;
  name: string;
  packages: string;
  gone_at: string | null;
}

function lookup<T extends { org_number: string }>(
  db: Database,
  sql: string,
  environment: EnvironmentId,
  extra: unknown[],
  orgNumbers: readonly string[],
): Map<string, T> {
  const rows = db.prepare(sql).all(environment, ...extra, JSON.stringify(orgNumbers)) as T[];
  return new Map(rows.map((r) => [r.org_number, r]));
}

export function reviewOrgNumbers(db: Database, environment: EnvironmentId, request: ReviewRequest): ReviewItem[] {
  const systemUser = readSystemUsers(db, environment).find((su) => su.id === request.systemUserId);
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
    const known = lookup<KnownClient>(
      db,
      'SELECT org_number, name, packages, gone_at FROM clients WHERE environment = ? AND org_number IN (SELECT value FROM json_each(?))',
      environment,
      [],
      candidates,
    );
    const delegated = lookup<{ org_number: string; name: string }>(
      db,
      'SELECT org_number, name FROM delegations WHERE environment = ? AND system_user_id = ? AND org_number IN (SELECT value FROM json_each(?))',
      environment,
      [request.systemUserId],
      candidates,
    );
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
      const delegation = delegated.get(orgNumber);
      const name = row?.name ?? delegation?.name ?? null;
      if (seen.has(orgNumber)) return item('duplicate', name);
      seen.add(orgNumber);
      // A client that has left the firm is not a client any more: adding it would fail with AUTH-00079.
      const client = row?.gone_at === null ? row : undefined;
      if (request.operation === 'remove') {
        // Removing works for any delegated organisation, including one that has left the firm.
        if (delegation) return item('ready', name);
        return client ? item('already_done', name) : item('unknown_client', name);
      }
      if (delegation) return item('already_done', name);
      if (!client) return item('unknown_client', name);
      const missing = missingOf(client.packages);
      return missing.length > 0 ? item('fails_and_rule', name, [...missing]) : item('ready', name);
    });
  })();
}
