// Statements prepared once per connection and SQL text. Preparing costs about as much as running the small
// reads a search keystroke makes, and they run on every keystroke.
import type { Database, Statement } from 'better-sqlite3';

/** Enough for every filter combination in use; past it the cache starts over rather than grow. */
const MAX_STATEMENTS = 200;

const cache = new WeakMap<Database, Map<string, Statement>>();

/** `db.prepare(sql)`, made once per connection; statements keep no state between runs worth worrying about. */
export function prepared(db: Database, sql: string): Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= MAX_STATEMENTS) statements.clear();
    statement = db.prepare(sql);
    statements.set(sql, statement);
  }
  return statement;
}
