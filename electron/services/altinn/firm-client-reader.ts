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
 * The refusal of a part of the entry, with the part's name put in front of its path. The paths are only written
 * for a refusal (and no closure is made per part): building them for every field of 200,000 entries cost more
 * than the reading.
 */
function inPart(part: string, error: unknown): unknown {
  if (!(error instanceof FirmClientShapeError)) return error;
  return new FirmClientShapeError(error.where ? `${part}.${error.where}` : part, error.what);
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
  try {
    return { code: textAt(role, CODE), urn: textAt(role, URN), 'legacyurn ': textAt(role, LEGACY_URN) };
  } catch (error) {
    throw inPart('role', error);
  }
}

/** Adds one role's relationship, role code and packages to what the entry has so far. */
function readAccess(access: unknown, into: FirmClient): void {
  if (!isRecord(access)) return refuse('', 'expected an object');
  const role = readRole(access);
  const code = role.code ?? role.urn;
  if (code) into.roles.push(code);
  const rel = relationshipOfRole(role);
  if (rel && !into.relationships.includes(rel)) into.relationships.push(rel);
  const packages = listAt(access, PACKAGES);
  for (let j = 0; j < packages.length; j++) {
    let urn: string;
    try {
      urn = packageRef(packages[j]);
    } catch (error) {
      throw inPart(`packages.${j}`, error);
    }
    if (!urn) continue;
    const pkg = packageCode(urn);
    if (!into.packages.includes(pkg)) into.packages.push(pkg);
  }
}

function readClient(entry: Json): FirmClient {
  const client = objectAt(entry, CLIENT) ?? refuse('client', 'missing');
  try {
    const partyUuid = textAt(client, ID) ?? refuse('id', 'missing');
    const parent = objectAt(client, PARENT);
    let parentOrgNumber: string | undefined;
    try {
      parentOrgNumber = parent ? textAt(parent, ORG_NUMBER) : undefined;
    } catch (error) {
      throw inPart('parent', error);
    }
    return {
      partyUuid,
      orgNumber: textAt(client, ORG_NUMBER),
      name: textAt(client, NAME) ?? '',
      variant: textAt(client, VARIANT),
      parentOrgNumber,
      relationships: [],
      roles: [],
      packages: [],
    };
  } catch (error) {
    throw inPart('client', error);
  }
}

function readEntry(entry: unknown): FirmClient {
  if (!isRecord(entry)) return refuse('', 'expected an object');
  const out = readClient(entry);
  const access = listAt(entry, ACCESS);
  for (let i = 0; i < access.length; i++) {
    try {
      readAccess(access[i], out);
    } catch (error) {
      throw inPart(`access.${i}`, error);
    }
  }
  return out;
}

/** One `ClientDto` as the app keeps it; throws FirmClientShapeError naming the first thing it could not read. */
export function readFirmClient(entry: unknown): FirmClient {
  try {
    return readEntry(entry);
  } catch (error) {
    throw inPart('ClientDto', error);
  }
}
