// The clients of a sync as they are read, before anything is written to the local copy. Each batch from Altinn
// is merged by org number at once, and the clients the store does not have yet are written to a staging table
// of this connection (TEMP: no other connection sees it, and it is not the store's file), so the sync's one
// transaction at the end copies them in a single statement instead of binding some 700,000 values while the
// UI waits. What the sync reads is written while the rest of the list is still being read.
import type { Database } from 'better-sqlite3';
import type { EnvironmentId } from '../../../shared/contract/define';
import { packageCode, RELATIONSHIPS, type Relationship } from '../../../shared/domain/packages';
import type { FirmClient } from '../../app/ports';
import { storedTexts } from './client-text';

const RELATIONSHIP_BITS: Record<Relationship, number> = { REGN: 1, REVI: 2, FFØR: 4 };

export const relationshipMask = (relationships: readonly Relationship[]): number =>
  relationships.reduce((mask, r) => mask | RELATIONSHIP_BITS[r], 0);

export const relationshipsOfMask = (mask: number): Relationship[] => RELATIONSHIPS.filter((r) => (mask & RELATIONSHIP_BITS[r]) !== 0);

/** One client as the sync writes it: Altinn's values merged over its entries, and the texts derived from them. */
export interface ClientValues {
  orgNumber: string;
  partyUuid: string;
  name: string;
  variant: string;
  parentOrgNumber: string | null;
  isSubUnit: number;
  relationshipMask: number;
  packages: string[];
  packagesJson: string;
  /** Its row in the staging table, for a client the store did not have when the sync began; else null. */
  stageId: number | null;
}

/** Sorted in place, repeats dropped: a client has a handful of packages, too few to be worth a Set. */
function sortedUnique(codes: string[]): string[] {
  if (codes.length < 2) return codes;
  codes.sort();
  let kept = 1;
  for (let i = 1; i < codes.length; i++) if (codes[i] !== codes[kept - 1]) codes[kept++] = codes[i]!;
  codes.length = kept;
  return codes;
}

/** The staged clients' columns, in the order the copy into `clients` names them. */
export const STAGED_COLUMNS = `org_number, party_uuid, name, variant, parent_org_number, is_sub_unit, relationship_mask, packages, sort_name, search_text`;

let stages = 0;

export interface ClientStage {
  /**
   * Its staging table (TEMP), one per stage: two stages never share rows. A client's packages are its JSON
   * list there; the copy into client_packages unfolds them in SQL, not one bound row each.
   */
  readonly tables: { clients: string };
  /** Merges a batch as Altinn listed it; throws when the staging table cannot be written (nothing is lost: the sync fails). */
  add(batch: readonly FirmClient[]): void;
  /** Every client read so far, by org number. */
  readonly merged: ReadonlyMap<string, ClientValues>;
  /** How many clients are in the staging table (ids 1..staged). */
  readonly staged: number;
  /** Drops the staging tables; the stage is not used after. */
  dispose(): void;
}

/**
 * A stage for one sync of `environment`. The clients the store holds when it opens (current or gone) are
 * merged only; the others are staged too. Only a sync writes the clients, one at a time, so the set stays true
 * until the sync's transaction, which checks it again.
 */
export function openClientStage(db: Database, environment: EnvironmentId): ClientStage {
  const n = ++stages;
  const tables = { clients: `temp.client_stage_${n}` };
  db.exec(`
    CREATE TEMP TABLE client_stage_${n} (
      id INTEGER PRIMARY KEY, org_number TEXT NOT NULL, party_uuid TEXT NOT NULL, name TEXT NOT NULL, variant TEXT NOT NULL,
      parent_org_number TEXT, is_sub_unit INTEGER NOT NULL, relationship_mask INTEGER NOT NULL, packages TEXT NOT NULL,
      sort_name TEXT NOT NULL, search_text TEXT NOT NULL
    );
  `);
  const stored = new Set(db.prepare('SELECT org_number FROM clients WHERE environment = ?').pluck().all(environment) as string[]);
  const merged = new Map<string, ClientValues>();
  const insert = db.prepare(`INSERT INTO ${tables.clients} (id, ${STAGED_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const restage = db.prepare(
    `UPDATE ${tables.clients} SET party_uuid = ?, name = ?, variant = ?, parent_org_number = ?, is_sub_unit = ?, relationship_mask = ?,
            packages = ?, sort_name = ?, search_text = ? WHERE id = ?`,
  );
  let staged = 0;

  /** Altinn may list a client once per role: the later entry's values, the roles and packages of both. */
  const valuesOf = (c: FirmClient, before: ClientValues | undefined): ClientValues => {
    const codes = c.packages.map(packageCode);
    const packages = sortedUnique(before ? [...before.packages, ...codes] : codes);
    return {
      orgNumber: c.orgNumber,
      partyUuid: c.partyUuid,
      name: c.name,
      variant: c.variant,
      parentOrgNumber: c.parentOrgNumber,
      // Sub-units (BEDR) come through AM with nothing delegable; they are told apart so they can be filtered.
      isSubUnit: c.parentOrgNumber !== null || c.variant === 'BEDR' ? 1 : 0,
      relationshipMask: (before?.relationshipMask ?? 0) | relationshipMask(c.relationships),
      packages,
      packagesJson: JSON.stringify(packages),
      stageId: before?.stageId ?? null,
    };
  };

  const stage = (v: ClientValues, again: boolean): void => {
    const { sortName, searchText } = storedTexts(v.name, v.orgNumber);
    const row = [v.partyUuid, v.name, v.variant, v.parentOrgNumber, v.isSubUnit, v.relationshipMask, v.packagesJson, sortName, searchText];
    if (again) {
      restage.run(...row, v.stageId);
    } else {
      v.stageId = ++staged;
      insert.run(v.stageId, v.orgNumber, ...row);
    }
  };

  const addAll = db.transaction((batch: readonly FirmClient[]) => {
    for (const c of batch) {
      const before = merged.get(c.orgNumber);
      const values = valuesOf(c, before);
      merged.set(c.orgNumber, values);
      if (!stored.has(c.orgNumber)) stage(values, before !== undefined);
    }
  });

  return {
    tables,
    add: (batch) => addAll(batch),
    merged,
    get staged() {
      return staged;
    },
    dispose() {
      db.exec(`DROP TABLE IF EXISTS ${tables.clients}`);
      merged.clear();
    },
  };
}
