// The firm's clients: the named ones from actors.md exactly, then generated ones up to the requested
// count. Generation is one cheap pass (no claims; those are made on demand), so 50,000 clients take well
// under a second; a world started inside the app builds it in slices (buildDirectorySliced), so the app's own
// answers are not held up behind it.
import { orgNumberCheckDigit } from '../../../shared/domain/orgnr';
import { PACKAGES_BY_RELATIONSHIP, type Relationship } from '../../../shared/domain/packages';
import { createRng, hashSeed, pick, seededUuid, type Rng } from '../random';
import { FFOR_VARIANTS } from './catalogue';
import { companyName, TRICKY_NAMES } from './names';
import { FIRM, NAMED_CLIENTS, NON_CLIENT, SKATTEETATEN, VENDOR, type Organisation } from './organisations';
import { OTHER_EMPLOYEES } from './employees';
import { PERSONS } from './people';

export interface ClientEntry {
  org: Organisation;
  /** `c1`..`c11` for the named clients. */
  key?: string;
  roles: Relationship[];
  direct: string[];
  /** Every package the firm holds from this client, role-derived ones first. */
  packages: string[];
}

export interface Directory {
  clients: ClientEntry[];
  clientByOrgNo: Map<string, ClientEntry>;
  /** Every organisation of the world, clients included. */
  orgByOrgNo: Map<string, Organisation>;
  generatedOrgNos: string[];
  /** Party UUIDs, random like Altinn's: looked up, never derived from a number. */
  partyUuidOfOrg(orgNo: string): string;
  personPartyUuid(pid: string): string;
  /** The party a UUID names (case-insensitive), or undefined for one Altinn does not know. */
  partyByUuid(uuid: string): { kind: 'organisation'; org: Organisation } | { kind: 'person'; pid: string } | undefined;
}

export function clientPackages(form: string, roles: readonly Relationship[], direct: readonly string[]): string[] {
  const fromRoles = roles.flatMap((r) => (r === 'FFØR' && !FFOR_VARIANTS.has(form) ? [] : PACKAGES_BY_RELATIONSHIP[r]));
  return [...new Set([...fromRoles, ...direct])];
}

const CITIES = ['BERGEN', 'TRONDHEIM', 'STAVANGER', 'TROMSØ', 'BODØ', 'ÅLESUND', 'DRAMMEN', 'HAMAR'];

type Shape = { form: string; roles: Relationship[]; direct: string[]; subUnit?: boolean };

// A generated client's role and package lists are one of a handful, so every client with the same mix shares
// one array (nothing in the world changes a client's lists in place; a change replaces the entry): 200,000
// clients would otherwise carry 600,000 small arrays.
const REGN: Relationship[] = ['REGN'];
const REVI: Relationship[] = ['REVI'];
const FFOR: Relationship[] = ['FFØR'];
const REGN_FFOR: Relationship[] = ['REGN', 'FFØR'];
const NO_ROLES: Relationship[] = [];
const SG = ['skattegrunnlag'];
const NO_DIRECT: string[] = [];

/** The relationship mix: mostly accountant clients, some of them with `skattegrunnlag` (SU-B's trap). */
function drawShape(rng: Rng): Shape {
  const r = rng();
  if (r < 0.6) {
    const form = pick(rng, ['ENK', 'ENK', 'AS', 'AS', 'AS', 'DA', 'ANS', 'NUF']);
    return { form, roles: REGN, direct: rng() < 0.3 ? SG : NO_DIRECT };
  }
  if (r < 0.72) return { form: pick(rng, ['AS', 'AS', 'ASA', 'ENK']), roles: REVI, direct: NO_DIRECT };
  if (r < 0.8) return { form: rng() < 0.85 ? 'BRL' : 'ESEK', roles: FFOR, direct: NO_DIRECT };
  if (r < 0.84) return { form: 'BRL', roles: REGN_FFOR, direct: NO_DIRECT };
  if (r < 0.9) return { form: 'AS', roles: NO_ROLES, direct: SG };
  if (r < 0.95) return { form: 'BEDR', roles: NO_ROLES, direct: NO_DIRECT, subUnit: true };
  return { form: 'ENK', roles: REGN, direct: SG };
}

/** One package list per (form, roles, direct) mix, shared by every generated client of that mix. */
function sharedPackages(): (form: string, roles: Relationship[], direct: string[]) => string[] {
  const lists = new Map<string, string[]>();
  return (form, roles, direct) => {
    const key = `${form}|${roles.join(',')}|${direct.join(',')}`;
    let list = lists.get(key);
    if (!list) lists.set(key, (list = clientPackages(form, roles, direct)));
    return list;
  };
}

/** Clients (or parties) made between two yields of a sliced build: a few milliseconds of work. */
const SLICE = 1_000;

/** The whole directory at once. */
export function buildDirectory(seed: number, clientCount: number): Directory {
  const steps = directorySteps(seed, clientCount);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** The same directory, letting the event loop run between slices: what else the process serves keeps going. */
export async function buildDirectorySliced(seed: number, clientCount: number): Promise<Directory> {
  const steps = directorySteps(seed, clientCount);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/** Builds the directory, yielding after every slice; the same seed gives the same directory however it is driven. */
function* directorySteps(seed: number, clientCount: number): Generator<void, Directory> {
  const clients: ClientEntry[] = NAMED_CLIENTS.map((c) => ({
    org: c,
    key: c.key,
    roles: c.roles,
    direct: c.direct,
    packages: clientPackages(c.form, c.roles, c.direct),
  }));
  const orgByOrgNo = new Map<string, Organisation>();
  for (const o of [SKATTEETATEN, VENDOR, FIRM, NON_CLIENT, ...NAMED_CLIENTS]) orgByOrgNo.set(o.orgNo, o);

  const rng = createRng(hashSeed(seed, 'clients'));
  const generatedOrgNos: string[] = [];
  // Synthetic numbers start with 3 (Synthetic Norway's range); the 32… block keeps clear of the named 31… ones.
  let prefix = 32_000_000 + (seed % 400) * 1_000;
  let lastParent: Organisation | null = null;
  const wanted = Math.max(0, clientCount - NAMED_CLIENTS.length);
  const packagesOf = sharedPackages();
  for (let i = 0; i < wanted; i++) {
    let orgNo: string;
    for (;;) {
      prefix += 1 + Math.floor(rng() * 29);
      const k = orgNumberCheckDigit(String(prefix));
      orgNo = `${prefix}${k ?? ''}`;
      if (k !== null && !orgByOrgNo.has(orgNo)) break;
    }
    const shape = drawShape(rng);
    const subUnitOf = shape.subUnit ? lastParent : null;
    const form = shape.subUnit && !subUnitOf ? 'AS' : shape.form;
    const roles = shape.subUnit && !subUnitOf ? REGN : shape.roles;
    const name = TRICKY_NAMES.get(i) ?? (subUnitOf ? [subUnitOf.name, 'AVD', pick(rng, CITIES)].join(' ') : companyName(rng, form));
    const org: Organisation = { orgNo, name, form, partyId: 52_000_001 + i, ...(subUnitOf ? { parentOrgNo: subUnitOf.orgNo } : {}) };
    orgByOrgNo.set(orgNo, org);
    generatedOrgNos.push(orgNo);
    clients.push({ org, roles, direct: shape.direct, packages: packagesOf(form, roles, shape.direct) });
    if (form === 'AS' && !subUnitOf) lastParent = org;
    if (i % SLICE === SLICE - 1) yield;
  }
  const uuids = yield* partyUuids(seed, orgByOrgNo);
  return {
    clients,
    clientByOrgNo: new Map(clients.map((c) => [c.org.orgNo, c])),
    orgByOrgNo,
    generatedOrgNos,
    ...uuids,
  };
}

/** One seeded stream, in a fixed order (named parties, then generated clients), so a seed always gives the same UUIDs. */
function* partyUuids(
  seed: number,
  orgs: Map<string, Organisation>,
): Generator<void, Pick<Directory, 'partyUuidOfOrg' | 'personPartyUuid' | 'partyByUuid'>> {
  const rng = createRng(hashSeed(seed, 'party-uuids'));
  const byOrgNo = new Map<string, string>();
  const byPid = new Map<string, string>();
  const parties = new Map<string, { kind: 'organisation'; org: Organisation } | { kind: 'person'; pid: string }>();
  const draw = (): string => {
    for (;;) {
      const uuid = seededUuid(rng);
      if (!parties.has(uuid)) return uuid;
    }
  };
  for (const p of PERSONS) {
    const uuid = draw();
    byPid.set(p.pid, uuid);
    parties.set(uuid, { kind: 'person', pid: p.pid });
  }
  let drawn = 0;
  for (const org of orgs.values()) {
    const uuid = draw();
    byOrgNo.set(org.orgNo, uuid);
    parties.set(uuid, { kind: 'organisation', org });
    if (++drawn % SLICE === 0) yield;
  }
  // Drawn last, so adding employees left every earlier party's UUID as it was.
  for (const e of OTHER_EMPLOYEES) {
    const uuid = draw();
    byPid.set(e.pid, uuid);
    parties.set(uuid, { kind: 'person', pid: e.pid });
  }
  return {
    partyUuidOfOrg: (orgNo) => {
      const uuid = byOrgNo.get(orgNo);
      if (!uuid) throw new Error(`No party with org number ${orgNo} in the demo world`);
      return uuid;
    },
    personPartyUuid: (pid) => {
      const uuid = byPid.get(pid);
      if (!uuid) throw new Error('No such person in the demo world');
      return uuid;
    },
    partyByUuid: (uuid) => parties.get(uuid.toLowerCase()),
  };
}
