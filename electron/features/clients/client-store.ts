// Writes what one sync fetched into the local copy, in one transaction, and works out which clients are new
// and which have left the firm since the sync before.
import type { Database } from 'better-sqlite3';
import { SYNC_LIST_CAP, type SyncResult } from '../../../shared/contract/clients';
import type { EnvironmentId } from '../../../shared/contract/define';
import { packageCode } from '../../../shared/domain/packages';
import type { AgentSystemUser, ClientListMark, DelegatedClient, FirmClient } from '../../app/ports';
import { sortKey, storedTexts } from './client-text';
import { openClientStage, STAGED_COLUMNS, type ClientStage, type ClientValues } from './client-stage';

/** Everything one sync read from Altinn, before any of it is written. */
export interface AltinnSnapshot {
  firmOrgNumber: string;
  systemUsers: AgentSystemUser[];
  /**
   * `unchanged`: Altinn answered byte for byte as for the latest sync (see lastClientListMark). A stage holds
   * the clients as they were read (the sync's way); a list is staged here.
   */
  clients: FirmClient[] | ClientStage | 'unchanged';
  /** What this read of the client list was, for the next sync to compare with; null when it cannot be told. */
  clientListMark?: ClientListMark | null;
  /** Delegated clients per system user id. */
  delegations: ReadonlyMap<string, DelegatedClient[]>;
}

export { relationshipMask, relationshipsOfMask } from './client-stage';

/** A stored client as the diff needs it: the row, whether it has left, and what it was last synced as. */
type StoredClient = [id: number, orgNumber: string, gone: number, version: string | null];

/** The columns a sync writes from Altinn's answer, in the order both the insert and the update name them. */
function syncedValues(next: ClientValues) {
  const { sortName, searchText } = storedTexts(next.name, next.orgNumber);
  const values = [
    next.partyUuid,
    next.name,
    next.variant,
    next.parentOrgNumber,
    next.isSubUnit,
    next.relationshipMask,
    next.packagesJson,
    sortName,
    searchText,
  ] as const;
  return { searchText, values };
}

const SEP = '\x1f';
const NO_PARENT = '\x1e';

/**
 * What a client was synced as, in one text: the columns a sync writes from Altinn's answer (the texts derived
 * from the name follow it). SQLite writes the stored side (STORED_VERSION) and the diff compares one string per
 * client instead of reading and comparing six columns. Altinn's values hold no control characters, so the
 * separators cannot make two different rows read alike.
 */
const versionOf = (next: ClientValues): string =>
  next.partyUuid +
  SEP +
  next.name +
  SEP +
  next.variant +
  SEP +
  (next.parentOrgNumber ?? NO_PARENT) +
  SEP +
  next.relationshipMask +
  SEP +
  next.packagesJson;

const STORED_VERSION = `party_uuid || char(31) || name || char(31) || variant || char(31) || coalesce(parent_org_number, char(30)) || char(31) ||
  relationship_mask || char(31) || packages`;

/** The first `SYNC_LIST_CAP` by name, for the callout. */
function firstByName<T extends { name: string }>(list: readonly T[]): T[] {
  const keyed = list.map((item) => ({ key: sortKey(item.name), item }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.slice(0, SYNC_LIST_CAP).map((k) => k.item);
}

/**
 * How the rows are derived from Altinn's answer. A mark stands for the rows this version of the app wrote from
 * the bytes it marks, so a change to reading or storing the client list (firm-client-reader, firm-altinn,
 * mergeByOrgNumber, client-text) must raise this: the next sync then compares client by client again.
 */
const CLIENT_ROWS_FORMAT = 1;

interface StoredMark {
  format: number;
  pages: ClientListMark;
}

const isPageMark = (p: unknown): p is ClientListMark[number] =>
  typeof p === 'object' &&
  p !== null &&
  typeof (p as { digest?: unknown }).digest === 'string' &&
  ((p as { next?: unknown }).next === null || typeof (p as { next?: unknown }).next === 'string');

/**
 * The mark of the latest sync's client list, when the stored clients are still what that sync wrote from it:
 * the same firm, this app's way of deriving rows, and as many current clients as that sync counted (only a
 * sync writes the clients table). Null otherwise, so the next read is compared client by client.
 */
export function lastClientListMark(
  db: Database,
  environment: EnvironmentId,
  firmOrgNumber: string,
): { pages: ClientListMark; clients: number } | null {
  const latest = db
    .prepare('SELECT firm_org_number, total, client_list_mark FROM client_sync_runs WHERE environment = ? ORDER BY id DESC LIMIT 1')
    .raw()
    .get(environment) as [string, number, string | null] | undefined;
  if (!latest || latest[0] !== firmOrgNumber || latest[2] === null) return null;
  let stored: Partial<StoredMark>;
  try {
    stored = JSON.parse(latest[2]) as Partial<StoredMark>;
  } catch {
    return null;
  }
  if (stored.format !== CLIENT_ROWS_FORMAT || !Array.isArray(stored.pages) || !stored.pages.every(isPageMark)) return null;
  return currentClients(db, environment) === latest[1] ? { pages: stored.pages, clients: latest[1] } : null;
}

const currentClients = (db: Database, environment: EnvironmentId): number =>
  db.prepare('SELECT COUNT(*) FROM clients WHERE environment = ? AND gone_at IS NULL').pluck().get(environment) as number;

const storedMark = (mark: ClientListMark | null | undefined): string | null =>
  mark ? JSON.stringify({ format: CLIENT_ROWS_FORMAT, pages: mark } satisfies StoredMark) : null;

export function saveSnapshot(
  db: Database,
  environment: EnvironmentId,
  snapshot: AltinnSnapshot,
  startedAt: Date,
  finishedAt: Date,
): SyncResult {
  if (Array.isArray(snapshot.clients)) {
    const stage = openClientStage(db, environment);
    try {
      stage.add(snapshot.clients);
      return saveSnapshot(db, environment, { ...snapshot, clients: stage }, startedAt, finishedAt);
    } finally {
      stage.dispose();
    }
  }
  const clients = snapshot.clients;
  const now = finishedAt.toISOString();
  return db.transaction((): SyncResult => {
    const firstSync = db.prepare('SELECT 1 FROM client_sync_runs WHERE environment = ? LIMIT 1').get(environment) === undefined;
    const runId = Number(
      db
        .prepare(
          `INSERT INTO client_sync_runs (environment, firm_org_number, started_at, finished_at, total, first_sync, result, client_list_mark)
           VALUES (?, ?, ?, ?, 0, ?, '{}', ?)`,
        )
        .run(environment, snapshot.firmOrgNumber, startedAt.toISOString(), now, firstSync ? 1 : 0, storedMark(snapshot.clientListMark))
        .lastInsertRowid,
    );
    const finish = (result: SyncResult): SyncResult => {
      replaceSystemUsers(db, environment, snapshot);
      db.prepare('UPDATE client_sync_runs SET total = ?, result = ? WHERE id = ?').run(result.total, JSON.stringify(result), runId);
      return result;
    };
    if (clients === 'unchanged') {
      // Only a sync writes the clients, and the latest one wrote them from these very bytes: nobody came or left.
      if (firstSync) throw new Error('An unchanged client list needs an earlier sync to be unchanged from.');
      return finish({
        syncedAt: now,
        total: currentClients(db, environment),
        firstSync,
        addedCount: 0,
        removedCount: 0,
        added: [],
        removed: [],
      });
    }

    const stage = clients;
    const stored = new Map<string, StoredClient>();
    for (const row of db
      .prepare(`SELECT id, org_number, gone_at IS NOT NULL, ${STORED_VERSION} FROM clients WHERE environment = ?`)
      .raw()
      .iterate(environment) as IterableIterator<StoredClient>)
      stored.set(row[1], row);
    const update = db.prepare(
      `UPDATE clients SET party_uuid = ?, name = ?, variant = ?, parent_org_number = ?, is_sub_unit = ?, relationship_mask = ?, packages = ?,
              sort_name = ?, search_text = ?, last_seen_at = ? WHERE id = ?`,
    );
    const reappear = db.prepare('UPDATE clients SET gone_at = NULL, first_seen_at = ?, first_seen_sync = ?, last_seen_at = ? WHERE id = ?');
    // last_seen_at is kept for clients that left: the last sync that listed them. A current client was seen by the
    // latest sync run, so the column is not rewritten for every client on every sync (a whole-table write).
    const previousSync = db
      .prepare('SELECT finished_at FROM client_sync_runs WHERE environment = ? AND id < ? ORDER BY id DESC LIMIT 1')
      .pluck()
      .get(environment, runId) as string | undefined;
    const markGone = db.prepare('UPDATE clients SET gone_at = ?, last_seen_at = ? WHERE id = ?');
    const clearPackages = db.prepare('DELETE FROM client_packages WHERE client_id = ?');
    const addPackage = db.prepare('INSERT INTO client_packages (client_id, package) VALUES (?, ?)');
    const search = searchIndexWriter(db, stored.size);
    // Read only for a changed row: an unchanged re-sync need not hold 50,000 of them.
    const changedRow = db.prepare('SELECT search_text, packages FROM clients WHERE id = ?').raw();
    const nameOf = db.prepare('SELECT name FROM clients WHERE id = ?').pluck();

    const added: { orgNumber: string; name: string }[] = [];
    const removed: { orgNumber: string; name: string }[] = [];
    const fetched = stage.merged;
    const newcomers: ClientValues[] = [];
    // The stage is what the store lacked when the sync began; only a sync writes the clients, but it is checked.
    let stageHolds = true;

    for (const next of fetched.values()) {
      const before = stored.get(next.orgNumber);
      if (!before) {
        if (next.stageId === null) stageHolds = false;
        newcomers.push(next);
        if (!firstSync) added.push({ orgNumber: next.orgNumber, name: next.name });
        continue;
      }
      if (next.stageId !== null) stageHolds = false;
      const [id, , gone, version] = before;
      if (gone) {
        // A client that comes back is new to the firm again: it needs delegating again.
        reappear.run(now, runId, now, id);
        added.push({ orgNumber: next.orgNumber, name: next.name });
      }
      // An unchanged client (the common case of a re-sync) costs a comparison, not a row write.
      if (version === versionOf(next)) continue;
      const { searchText, values } = syncedValues(next);
      const [searchedBefore, packagesBefore] = changedRow.get(id) as [string, string];
      update.run(...values, now, id);
      if (searchedBefore !== searchText) search.changed(id, searchedBefore, searchText);
      if (packagesBefore !== next.packagesJson) {
        clearPackages.run(id);
        for (const p of next.packages) addPackage.run(id, p);
      }
    }
    insertNewcomers(db, environment, newcomers, stageHolds && newcomers.length === stage.staged ? stage : null, search, {
      now,
      firstSeenSync: firstSync ? 0 : runId,
    });
    for (const [id, orgNumber, gone] of stored.values()) {
      if (!gone && !fetched.has(orgNumber)) {
        markGone.run(now, previousSync ?? now, id);
        removed.push({ orgNumber, name: nameOf.get(id) as string });
      }
    }
    search.finish();

    return finish({
      syncedAt: now,
      total: fetched.size,
      firstSync,
      addedCount: added.length,
      removedCount: removed.length,
      added: firstByName(added),
      removed: firstByName(removed),
    });
  })();
}

/**
 * Writes the clients the store did not have. From the stage in one statement each for the rows and their
 * packages, ids following the highest there is; one row at a time when the stage does not match them.
 */
function insertNewcomers(
  db: Database,
  environment: EnvironmentId,
  newcomers: readonly ClientValues[],
  stage: ClientStage | null,
  search: ReturnType<typeof searchIndexWriter>,
  at: { now: string; firstSeenSync: number },
): void {
  if (newcomers.length === 0) return;
  const indexRows = !search.rebuildsWith(newcomers.length);
  if (stage) {
    const base = db.prepare('SELECT coalesce(max(id), 0) FROM clients').pluck().get() as number;
    db.prepare(
      `INSERT INTO clients (id, environment, ${STAGED_COLUMNS}, first_seen_at, first_seen_sync, last_seen_at)
       SELECT ? + id, ?, ${STAGED_COLUMNS}, ?, ?, ? FROM ${stage.tables.clients} ORDER BY id`,
    ).run(base, environment, at.now, at.firstSeenSync, at.now);
    db.prepare(
      `INSERT INTO client_packages (client_id, package) SELECT ? + s.id, p.value FROM ${stage.tables.clients} s, json_each(s.packages) p`,
    ).run(base);
    if (!indexRows) search.rebuildAtEnd();
    else for (const next of newcomers) search.added(base + next.stageId!, storedTexts(next.name, next.orgNumber).searchText);
    return;
  }
  // Positional parameters: binding by name looks each one up.
  const insert = db.prepare(
    `INSERT INTO clients (environment, org_number, party_uuid, name, variant, parent_org_number, is_sub_unit, relationship_mask, packages,
                          sort_name, search_text, first_seen_at, first_seen_sync, last_seen_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const addPackage = db.prepare('INSERT INTO client_packages (client_id, package) VALUES (?, ?)');
  for (const next of newcomers) {
    const { searchText, values } = syncedValues(next);
    const id = Number(insert.run(environment, next.orgNumber, ...values, at.now, at.firstSeenSync, at.now).lastInsertRowid);
    search.added(id, searchText);
    for (const p of next.packages) addPackage.run(id, p);
  }
}

/**
 * Keeps the trigram index (clients_fts, external content) in step with the rows written. A first sync or a large
 * change rebuilds it in one pass at the end, which costs far less than the same rows one at a time; a small
 * change (a few new or renamed clients) updates those rows only.
 */
function searchIndexWriter(db: Database, storedRows: number) {
  const pending: { id: number; before: string | null; after: string }[] = [];
  let rebuild = false;
  const note = (entry: { id: number; before: string | null; after: string }) => {
    if (rebuild) return;
    pending.push(entry);
    if (pending.length > Math.max(REBUILD_AT_LEAST, storedRows / 10)) rebuild = true;
  };
  return {
    /** Whether `more` written rows would have the index rebuilt (then they need not be noted one by one). */
    rebuildsWith: (more: number) => rebuild || pending.length + more > Math.max(REBUILD_AT_LEAST, storedRows / 10),
    rebuildAtEnd: () => {
      rebuild = true;
      pending.length = 0;
    },
    added: (id: number, text: string) => note({ id, before: null, after: text }),
    changed: (id: number, before: string, after: string) => note({ id, before, after }),
    finish() {
      if (rebuild) {
        db.prepare("INSERT INTO clients_fts (clients_fts) VALUES ('rebuild')").run();
        return;
      }
      const remove = db.prepare("INSERT INTO clients_fts (clients_fts, rowid, search_text) VALUES ('delete', ?, ?)");
      const add = db.prepare('INSERT INTO clients_fts (rowid, search_text) VALUES (?, ?)');
      for (const p of pending) {
        if (p.before !== null) remove.run(p.id, p.before);
        add.run(p.id, p.after);
      }
    },
  };
}

/** Below this many written rows the index is updated row by row. */
const REBUILD_AT_LEAST = 2000;

function replaceSystemUsers(db: Database, environment: EnvironmentId, snapshot: AltinnSnapshot): void {
  // Deleting the system users cascades to their delegations; both are replaced by what Altinn says now.
  db.prepare('DELETE FROM system_users WHERE environment = ?').run(environment);
  const insertUser = db.prepare(
    'INSERT INTO system_users (environment, id, title, system_id, external_ref, packages, created) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const insertDelegation = db.prepare(
    'INSERT OR IGNORE INTO delegations (environment, system_user_id, org_number, party_uuid, name) VALUES (?, ?, ?, ?, ?)',
  );
  for (const su of snapshot.systemUsers) {
    insertUser.run(environment, su.id, su.title, su.systemId, su.externalRef, JSON.stringify(su.packages.map(packageCode)), su.created);
    for (const d of snapshot.delegations.get(su.id) ?? []) insertDelegation.run(environment, su.id, d.orgNumber, d.partyUuid, d.name);
  }
}
