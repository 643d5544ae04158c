// Access Management's `ClientDto` (altinn.md §10) read by hand instead of through zod: the firm's client list
// comes in one page of up to 200,000 entries, and the schema's per-field preprocessing, copies and failed union
// branches cost about a second of CPU per 50,000 clients. The leniency is the same as the schema helpers'
// (lenient-json.ts): keys in any case or with stray spaces, `organizationNumber` for `organizationIdentifier`,
// `"legacyurn "`/`legacyUrn`, nulls meaning absent, ids as numbers, packages as `{urn}` or bare text, extra
// keys ignored. A value of the wrong kind is still refused, with the path and what was wrong in plain words.
import { packageCode, RELATIONSHIP_BY_ROLE_CODE, type Relationship } from '../../../shared/domain/packages';

export interface FirmClient {
  partyUuid: string;
  orgNumber?: string;
  name: string;
  /** Organisation form, e.g. ENK, AS, BRL, BEDR. */
  variant?: string;
  /** For sub-units (BEDR): the main unit's org number. */
  parentOrgNumber?: string;
  relationships: Relationship[];
  /** Role codes as given (regnskapsforer, revisor, forretningsforer, rettighetshaver …). */
  roles: string[];
  /** Package codes (not URNs), union over all roles. */
  packages: string[];
}

export interface Role {
  code?: string;
  urn?: string;
  'legacyurn '?: string;
}

// ER role as legacy code or URN → relationship; the role code map comes from shared/domain.
const LEGACY_ROLE: Record<string, Relationship> = { regn: 'REGN', revi: 'REVI', ffør: 'FFØR', ffor: 'FFØR' };

export function relationshipOfRole(role: Role): Relationship | undefined {
  const code = role.code?.toLowerCase();
  if (code && RELATIONSHIP_BY_ROLE_CODE[code]) return RELATIONSHIP_BY_ROLE_CODE[code];
  const urnCode = role.urn?.toLowerCase().split(':').pop();
  if (urnCode && RELATIONSHIP_BY_ROLE_CODE[urnCode]) return RELATIONSHIP_BY_ROLE_CODE[urnCode];
  const legacy = role['legacyurn ']?.toLowerCase().split(':').pop();
  return legacy ? LEGACY_ROLE[legacy] : undefined;
}

/** Why an entry was refused: where in it, and what was wrong. */
export class FirmClientShapeError extends Error {
  constructor(
    readonly where: string,
    readonly what: string,
  ) {
    super(`${where}: ${what}`);
  }
}

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

const normaliseKey = (k: string): string => k.trim().toLowerCase();

/**
 * The value under the first of `names`. A key spelt exactly as documented is taken as it is, null included; only
 * when none is there are the keys compared without case and spaces (which costs a pass over the object's keys).
 */
function field(obj: Json, names: readonly string[]): unknown {
  let present = false;
  for (const name of names) {
    const v = obj[name];
    if (v !== undefined && v !== null) return v;
    if (v === null) present = true;
  }
  if (present) return undefined;
  for (const k in obj) {
    const v = obj[k];
    if (v === undefined || v === null) continue;
    const key = normaliseKey(k);
    for (const name of names) if (normaliseKey(name) === key) return v;
  }
  return undefined;
}

const refuse = (where: string, what: string): never => {
  throw new FirmClientShapeError(where, what);
};

/**
 * Runs `read` for a part of the entry and, when it refuses, puts the part's name in front of the path. The paths
 * are only written for a refusal: building them for every field of 200,000 entries cost more than the reading.
 */
function within<T>(part: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof FirmClientShapeError) throw new FirmClientShapeError(error.where ? `${part}.${error.where}` : part, error.what);
    throw error;
  }
}

/** Text as the schemas read it: ids and flags may come as numbers or booleans; null or absent is undefined. */
function textAt(obj: Json, names: readonly string[]): string | undefined {
  const v = field(obj, names);
  if (v === undefined) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return refuse(names[0]!, 'expected text');
}

function objectAt(obj: Json, names: readonly string[]): Json | undefined {
  const v = field(obj, names);
  if (v === undefined) return undefined;
  return isRecord(v) ? v : refuse(names[0]!, 'expected an object');
}

function listAt(obj: Json, names: readonly string[]): unknown[] {
  const v = field(obj, names);
  if (v === undefined) return [];
  return Array.isArray(v) ? v : refuse(names[0]!, 'expected a list');
}

const CLIENT = ['client'];
const ACCESS = ['access'];
const ID = ['id'];
const NAME = ['name'];
const VARIANT = ['variant'];
const PARENT = ['parent'];
const ORG_NUMBER = ['organizationIdentifier', 'organizationNumber'];
const ROLE = ['role'];
const PACKAGES = ['packages'];
const CODE = ['code'];
const URN = ['urn'];
const LEGACY_URN = ['legacyurn ', 'legacyUrn'];

/** A package as `{urn}`, or a bare URN or code. */
function packageRef(p: unknown): string {
  if (typeof p === 'string') return p;
  if (typeof p === 'number' || typeof p === 'boolean') return String(p);
  if (!isRecord(p)) return refuse('', 'expected a package');
  return textAt(p, URN) ?? refuse('urn', 'missing');
}

function readRole(access: Json): Role {
  const role = objectAt(access, ROLE);
  if (!role) return {};
  return within('role', () => ({ code: textAt(role, CODE), urn: textAt(role, URN), 'legacyurn ': textAt(role, LEGACY_URN) }));
}

/** Adds one role's relationship, role code and packages to what the entry has so far. */
function readAccess(access: unknown, into: Pick<FirmClient, 'relationships' | 'roles' | 'packages'>): void {
  if (!isRecord(access)) return refuse('', 'expected an object');
  const role = readRole(access);
  const code = role.code ?? role.urn;
  if (code) into.roles.push(code);
  const rel = relationshipOfRole(role);
  if (rel && !into.relationships.includes(rel)) into.relationships.push(rel);
  const packages = listAt(access, PACKAGES);
  for (let j = 0; j < packages.length; j++) {
    const p = packages[j];
    const urn = typeof p === 'string' ? p : within(`packages.${j}`, () => packageRef(p));
    if (!urn) continue;
    const pkg = packageCode(urn);
    if (!into.packages.includes(pkg)) into.packages.push(pkg);
  }
}

function readEntry(entry: unknown): FirmClient {
  if (!isRecord(entry)) return refuse('', 'expected an object');
  const client = objectAt(entry, CLIENT) ?? refuse('client', 'missing');
  const read = within('client', () => {
    const partyUuid = textAt(client, ID) ?? refuse('id', 'missing');
    const parent = objectAt(client, PARENT);
    return {
      partyUuid,
      orgNumber: textAt(client, ORG_NUMBER),
      name: textAt(client, NAME) ?? '',
      variant: textAt(client, VARIANT),
      parentOrgNumber: parent ? within('parent', () => textAt(parent, ORG_NUMBER)) : undefined,
    };
  });
  const out: FirmClient = { ...read, relationships: [], roles: [], packages: [] };
  const access = listAt(entry, ACCESS);
  for (let i = 0; i < access.length; i++) within(`access.${i}`, () => readAccess(access[i], out));
  return out;
}

/** One `ClientDto` as the app keeps it; throws FirmClientShapeError naming the first thing it could not read. */
export function readFirmClient(entry: unknown): FirmClient {
  return within('ClientDto', () => readEntry(entry));
}
