// The firm's client list as Access Management writes it (`{links, data: ClientDto[]}`, altinn.md §10), written
// as bytes instead of built as objects for JSON.stringify: at 200,000 clients the object graph alone was some
// 200 MB of short-lived garbage, and the text of every entry, concatenated and encoded, was most of the time a
// sync spent in the world. Every entry is the same fixed text around five values, and clients share a handful
// of access lists (the same roles, form and direct packages), so the fixed text and each access list are
// encoded once per answer and copied, and only the values are written per entry. The answer is sent in chunks
// as it is written, never held whole (50–200 MB). The bytes are those JSON.stringify gives for `page(data)`
// with `orgEntity` and `accessJson` (a test holds the two equal).
import type { WorldContext } from '../context';
import type { StreamedBody } from '../http/reply';
import { FFOR_VARIANTS } from '../seed/catalogue';
import type { ClientEntry } from '../seed/clients';
import type { Organisation } from '../seed/organisations';
import { accessJson, clientAccess, type RoleAccess } from './am-agents';

/** How much of the answer is written before it goes to the socket: few writes, little held at once. */
const CHUNK_BYTES = 512 * 1024;

const QUOTE = 0x22;
const CLOSE_BRACE = 0x7d;

const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');

// `orgEntity`'s keys in its order: the blank entity's first, then the organisation's own.
const OPEN = utf8('{"links":{"next":null},"data":[');
const CLOSE = utf8(']}');
const FIRST_ENTRY = utf8('{"client":');
const NEXT_ENTRY = utf8(',{"client":');
const PARENT = utf8('{"parent":');
const NO_PARENT = utf8('{"parent":null');
const ORG_NO = utf8(',"children":null,"userId":null,"username":null,"organizationIdentifier":');
const ID = utf8(',"personIdentifier":null,"dateOfBirth":null,"dateOfDeath":null,"isDeleted":false,"deletedAt":null,"id":');
const NAME = utf8(',"name":');
const VARIANT = utf8(',"type":"Organisasjon","variant":');
const PARTY_ID = utf8(',"partyid":');
/** An entity's fixed text without a parent and without its closing brace. */
const FIXED_BYTES = NO_PARENT.length + ORG_NO.length + ID.length + NAME.length + VARIANT.length + PARTY_ID.length;

/** A value's bytes in quotes, or -1 when JSON escapes it: quotes, backslashes, control characters, surrogates. */
function plainBytes(value: string): number {
  let bytes = 2;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80) {
      if (c < 0x20 || c === 0x22 || c === 0x5c) return -1;
      bytes += 1;
    } else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdfff) return -1;
    else bytes += 3;
  }
  return bytes;
}

const stringBytes = (value: string): number => {
  const plain = plainBytes(value);
  return plain >= 0 ? plain : Buffer.byteLength(JSON.stringify(value), 'utf8');
};

/**
 * Writes the answer a chunk at a time into the same memory: a chunk is the reader's until it asks for the next
 * (the server has handed it to the socket by then), so an answer of 200 MB allocates half a megabyte, not 200.
 */
class ChunkWriter {
  #chunk: Buffer;
  #at = 0;

  constructor(size: number) {
    this.#chunk = Buffer.allocUnsafe(size);
  }

  get written(): number {
    return this.#at;
  }

  fits(bytes: number): boolean {
    return this.#at + bytes <= this.#chunk.length;
  }

  /** The chunk written so far; the next write starts the next chunk over it. */
  take(): Buffer {
    const full = this.#chunk.subarray(0, this.#at);
    this.#at = 0;
    return full;
  }

  /** Room for one entry larger than a chunk (a very long name), once the chunk has been taken. */
  grow(bytes: number): void {
    if (bytes > this.#chunk.length) this.#chunk = Buffer.allocUnsafe(bytes);
  }

  bytes(fixed: Uint8Array): void {
    this.#chunk.set(fixed, this.#at);
    this.#at += fixed.length;
  }

  byte(b: number): void {
    this.#chunk[this.#at++] = b;
  }

  /** A string value in quotes; a value with anything to escape is left to JSON.stringify. */
  string(value: string): void {
    if (plainBytes(value) < 0) {
      this.#at += this.#chunk.write(JSON.stringify(value), this.#at, 'utf8');
      return;
    }
    const chunk = this.#chunk;
    let at = this.#at;
    chunk[at++] = QUOTE;
    at += chunk.write(value, at, 'utf8');
    chunk[at++] = QUOTE;
    this.#at = at;
  }

  /** `partyid` as JSON.stringify writes it. */
  number(value: unknown): void {
    if (!isCount(value)) {
      this.#at += this.#chunk.write(JSON.stringify(value) ?? 'null', this.#at, 'latin1');
      return;
    }
    const end = this.#at + digits(value);
    let rest = value;
    for (let at = end - 1; at >= this.#at; at--) {
      this.#chunk[at] = 0x30 + (rest % 10);
      rest = Math.floor(rest / 10);
    }
    this.#at = end;
  }
}

const isCount = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

function digits(value: number): number {
  let n = 1;
  for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) n++;
  return n;
}

/** The bytes JSON.stringify writes for a `partyid`: a number, or null when there is none. */
const numberBytes = (value: unknown): number => (isCount(value) ? digits(value) : (JSON.stringify(value) ?? 'null').length);

/** Which clients' access lists are alike: the same roles, the same say of the form, the same direct packages. */
class AccessKinds {
  // Keyed by the lists themselves: generated clients of one mix share their role and direct lists.
  readonly #kinds = new Map<readonly string[], Map<readonly string[], [Uint8Array | null | undefined, Uint8Array | null | undefined]>>();

  constructor(private readonly keep: (access: RoleAccess[]) => boolean) {}

  /** The client's access list with the entry's closing text, encoded, or null when the filter leaves it out. */
  of(c: ClientEntry): Uint8Array | null {
    let byDirect = this.#kinds.get(c.roles);
    if (!byDirect) this.#kinds.set(c.roles, (byDirect = new Map()));
    let byForm = byDirect.get(c.direct);
    if (!byForm) byDirect.set(c.direct, (byForm = [undefined, undefined]));
    const form = FFOR_VARIANTS.has(c.org.form) ? 1 : 0;
    let kind = byForm[form];
    if (kind === undefined) {
      const access = clientAccess(c);
      kind = byForm[form] = this.keep(access) ? utf8(`},"access":${JSON.stringify(accessJson(access))}}`) : null;
    }
    return kind;
  }
}

/**
 * The answer for the clients `keep` lets through (the `roles` and `packages` filters); `keep` sees each
 * client's access once per kind of access list, not once per client. Which clients, and the answer's length,
 * are settled when it is called, so a client joining or leaving while the answer is sent does not change it.
 */
export function clientListBody(w: WorldContext, keep: (access: RoleAccess[]) => boolean): StreamedBody {
  const kinds = new AccessKinds(keep);
  // One array per field rather than an object per client: at 200,000 clients, fewer objects for the collector.
  const orgs: Organisation[] = [];
  const partyUuids: string[] = [];
  /** Each entry's bytes, its leading comma included. */
  const sizes = new Uint32Array(w.directory.clients.length);
  /** Each entry's access list with the closing text after the client. */
  const tails: Uint8Array[] = [];
  let byteLength = OPEN.length + CLOSE.length;
  for (const c of w.directory.clients) {
    const tail = kinds.of(c);
    if (!tail) continue;
    const partyUuid = w.directory.partyUuidOfOrg(c.org.orgNo);
    const size = (orgs.length ? NEXT_ENTRY.length : FIRST_ENTRY.length) + entityBytes(w, c.org, partyUuid) + tail.length;
    sizes[orgs.length] = size;
    orgs.push(c.org);
    partyUuids.push(partyUuid);
    tails.push(tail);
    byteLength += size;
  }
  return {
    byteLength,
    *chunks() {
      const out = new ChunkWriter(Math.min(CHUNK_BYTES, byteLength));
      out.bytes(OPEN);
      for (let i = 0; i < orgs.length; i++) {
        if (!out.fits(sizes[i]!)) {
          if (out.written) yield out.take();
          out.grow(sizes[i]!);
        }
        out.bytes(i ? NEXT_ENTRY : FIRST_ENTRY);
        writeEntity(w, out, orgs[i]!, partyUuids[i]!, true);
        out.bytes(tails[i]!);
      }
      if (!out.fits(CLOSE.length)) yield out.take();
      out.bytes(CLOSE);
      yield out.take();
    },
  };
}

const parentOf = (w: WorldContext, o: Organisation): Organisation | undefined =>
  o.parentOrgNo ? w.directory.orgByOrgNo.get(o.parentOrgNo) : undefined;

/** `orgEntity` written; a client's closing brace comes with its access list. */
function writeEntity(w: WorldContext, out: ChunkWriter, o: Organisation, partyUuid: string, isClient: boolean): void {
  const parent = parentOf(w, o);
  if (parent) {
    out.bytes(PARENT);
    writeEntity(w, out, parent, w.directory.partyUuidOfOrg(parent.orgNo), false);
  } else out.bytes(NO_PARENT);
  out.bytes(ORG_NO);
  out.string(o.orgNo);
  out.bytes(ID);
  out.string(partyUuid);
  out.bytes(NAME);
  out.string(o.name);
  out.bytes(VARIANT);
  out.string(o.form);
  out.bytes(PARTY_ID);
  out.number(o.partyId);
  if (!isClient) out.byte(CLOSE_BRACE);
}

/** The bytes `writeEntity` writes (a parent's closing brace included; a client's comes with its access list). */
function entityBytes(w: WorldContext, o: Organisation, partyUuid: string): number {
  const parent = parentOf(w, o);
  const own =
    FIXED_BYTES + stringBytes(o.orgNo) + stringBytes(partyUuid) + stringBytes(o.name) + stringBytes(o.form) + numberBytes(o.partyId);
  return parent ? own - NO_PARENT.length + PARENT.length + entityBytes(w, parent, w.directory.partyUuidOfOrg(parent.orgNo)) + 1 : own;
}
