// Search as you type over the current clients, in memory. Profiled at 200,000 clients, SQLite needs 100–200 ms
// to count the matches of a one- or two-letter term (the trigram index cannot serve fewer than three letters,
// so every row is scanned), while one pass of `String.includes` over the folded texts took 15–25 ms on the
// same loaded machine, and `indexOf` over them joined into one string a fraction of that. Typing a term longer
// only narrows the last answer, so after the first letter each keystroke tests the rows that still match.
// The index holds only what that needs: row ids and folded texts, in name order.
import type { Database } from 'better-sqlite3';
import type { EnvironmentId } from '../../../shared/contract/define';
import { prepared } from '../../platform/store/prepared';

export interface SearchIndex {
  /** Row ids of the current clients (not gone), ordered by sort_name, then org_number. */
  ids: Int32Array;
  /**
   * The folded search texts in the same order, joined by NUL (which no search term holds, see search-input.ts):
   * one native `indexOf` over it finds the rows a term occurs in far faster than a call per row.
   */
  haystack: string;
  /** Where row i's text starts in `haystack`; one more entry marks the end. */
  starts: Int32Array;
  /** The last search's terms and matching rows (positions, ascending): a longer term only narrows them. */
  last: { terms: readonly string[]; rows: Int32Array } | null;
}

const SEPARATOR = '\u0000';

interface Cached {
  key: string;
  index: SearchIndex;
}

const cache = new WeakMap<Database, Map<EnvironmentId, Cached>>();

/**
 * Only a sync writes the clients table, and every sync adds a sync run. The largest client id catches rows added
 * without one (tests, imports), and `data_version` a commit by another connection to the same file.
 */
function freshness(db: Database, environment: EnvironmentId): string {
  const row = prepared(
    db,
    `SELECT (SELECT MAX(id) FROM client_sync_runs WHERE environment = ?) AS run,
            (SELECT MAX(id) FROM clients) AS client,
            (SELECT COUNT(*) FROM clients WHERE environment = ? AND gone_at IS NOT NULL) AS gone`,
  ).get(environment, environment) as { run: number | null; client: number | null; gone: number };
  return `${row.run ?? 0}:${row.client ?? 0}:${row.gone}:${String(prepared(db, 'PRAGMA data_version').pluck().get())}`;
}

function build(db: Database, environment: EnvironmentId): SearchIndex {
  // Two reads in storage order instead of one in name order: the name index alone gives the order (it holds the
  // row ids), and the texts come from one pass over the table. Reading the texts in name order instead looks up
  // every row on its own, which took seconds at 200,000 clients on a loaded machine.
  const ids = Int32Array.from(
    db
      .prepare(
        'SELECT id FROM clients INDEXED BY clients_by_sort_name WHERE environment = ? AND gone_at IS NULL ORDER BY sort_name, org_number',
      )
      .pluck()
      .all(environment) as number[],
  );
  const textById = new Map(
    db.prepare('SELECT id, search_text FROM clients WHERE +environment = ? AND gone_at IS NULL').raw().all(environment) as [
      number,
      string,
    ][],
  );
  return indexOver(
    ids,
    Array.from(ids, (id) => textById.get(id)!),
  );
}

/** An index over folded texts given in the order searches answer in (exported for its tests). */
export function indexOver(ids: Int32Array, texts: readonly string[]): SearchIndex {
  const starts = new Int32Array(ids.length + 1);
  let at = 0;
  for (let i = 0; i < ids.length; i++) {
    starts[i] = at;
    at += texts[i]!.length + 1;
  }
  starts[ids.length] = at;
  return { ids, haystack: texts.join(SEPARATOR) + SEPARATOR, starts, last: null };
}

/** The index for `environment`, rebuilt when the table has changed since it was built. */
export function searchIndex(db: Database, environment: EnvironmentId): SearchIndex {
  let perEnvironment = cache.get(db);
  if (!perEnvironment) cache.set(db, (perEnvironment = new Map()));
  const key = freshness(db, environment);
  const cached = perEnvironment.get(environment);
  if (cached?.key === key) return cached.index;
  const index = build(db, environment);
  perEnvironment.set(environment, { key, index });
  return index;
}

/**
 * Builds the index for `environment` on the next turn of the event loop, if it is not fresh. A build that fails
 * here has no one to tell: the next search builds it again and answers with that error.
 */
export function warmSearchIndexSoon(db: Database, environment: EnvironmentId): void {
  setImmediate(() => {
    if (!db.open) return;
    try {
      searchIndex(db, environment);
    } catch {
      // See above: the search that needs it reports the failure.
    }
  }).unref();
}

export interface SearchPage {
  total: number;
  /** The ids of rows `offset`..`offset + limit - 1` of the matches, in the order asked for. */
  ids: number[];
}

/** The row whose text holds haystack position `at`. */
function rowAt(starts: Int32Array, at: number): number {
  let lo = 0;
  let hi = starts.length - 2;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

const holdsAll = (index: SearchIndex, row: number, terms: readonly string[]): boolean => {
  const text = index.haystack.slice(index.starts[row]!, index.starts[row + 1]! - 1);
  return terms.every((t) => text.includes(t));
};

/** Every row holding all terms, ascending: a hop from one occurrence of the longest term to the next. */
function scan(index: SearchIndex, terms: readonly string[]): Int32Array {
  const { haystack, starts } = index;
  const driver = terms.reduce((a, b) => (b.length > a.length ? b : a));
  const others = terms.filter((t) => t !== driver);
  const rows: number[] = [];
  for (let at = haystack.indexOf(driver); at !== -1;) {
    const row = rowAt(starts, at);
    if (others.length === 0 || holdsAll(index, row, others)) rows.push(row);
    at = haystack.indexOf(driver, starts[row + 1]!);
  }
  return Int32Array.from(rows);
}

/** True when whatever holds every term of `now` also holds every term of `before` (the search was narrowed). */
const narrows = (before: readonly string[], now: readonly string[]): boolean => before.every((b) => now.some((n) => n.includes(b)));

/** The rows holding every term, reusing the last search's rows when this one only narrows it. */
function matchingRows(index: SearchIndex, terms: readonly string[]): Int32Array {
  const last = index.last;
  if (last && last.terms.length === terms.length && last.terms.every((t, i) => t === terms[i])) return last.rows;
  // Narrowing tests each of the last rows on its own; past an eighth of all rows one pass of indexOf is faster.
  const narrowing = last !== null && last.rows.length * 8 < index.ids.length && narrows(last.terms, terms);
  const rows = narrowing ? last.rows.filter((row) => holdsAll(index, row, terms)) : scan(index, terms);
  index.last = { terms: [...terms], rows };
  return rows;
}

/** Every term must occur in the folded text, as with the trigram index and LIKE. */
export function searchPage(index: SearchIndex, terms: readonly string[], descending: boolean, offset: number, limit: number): SearchPage {
  if (terms.length === 0) throw new Error('searchPage needs at least one term');
  const rows = matchingRows(index, terms);
  const total = rows.length;
  const page: number[] = [];
  for (let k = offset; k < Math.min(total, offset + limit); k++) page.push(index.ids[rows[descending ? total - 1 - k : k]!]!);
  return { total, ids: page };
}
