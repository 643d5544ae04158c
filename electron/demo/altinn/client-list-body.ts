// The firm's client list as Access Management writes it (`{links, data: ClientDto[]}`, altinn.md §10), written
// as text instead of built as objects for JSON.stringify: at 200,000 clients the object graph alone was some
// 200 MB of short-lived garbage. Clients share a handful of access lists (the same roles, form and direct
// packages), so each list's JSON is written once per answer. The bytes are those JSON.stringify gives for
// `page(data)` with `orgEntity` and `accessJson` (a test holds the two equal).
import type { WorldContext } from '../context';
import { FFOR_VARIANTS } from '../seed/catalogue';
import type { ClientEntry } from '../seed/clients';
import type { Organisation } from '../seed/organisations';
import { accessJson, clientAccess, type RoleAccess } from './am-agents';

/** Whether JSON writes `value` other than between two quotes: quotes, backslashes, control characters, surrogates. */
function needsEscaping(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return true;
  }
  return false;
}

/** Text as JSON writes it; most values need no escaping, and looking is cheaper than JSON.stringify. */
const q = (value: string): string => (needsEscaping(value) ? JSON.stringify(value) : `"${value}"`);

/** `orgEntity` as text: the blank entity's keys first, in their order, then the organisation's own. */
function orgEntityText(w: WorldContext, o: Organisation): string {
  const parent = o.parentOrgNo ? w.directory.orgByOrgNo.get(o.parentOrgNo) : undefined;
  return (
    `{"parent":${parent ? orgEntityText(w, parent) : 'null'},"children":null,"userId":null,"username":null,` +
    `"organizationIdentifier":${q(o.orgNo)},"personIdentifier":null,"dateOfBirth":null,"dateOfDeath":null,` +
    `"isDeleted":false,"deletedAt":null,"id":${q(w.directory.partyUuidOfOrg(o.orgNo))},"name":${q(o.name)},` +
    `"type":"Organisasjon","variant":${q(o.form)},"partyid":${JSON.stringify(o.partyId) ?? 'null'}}`
  );
}

interface SharedAccess {
  access: RoleAccess[];
  text: string;
}

/** Which clients' access lists are alike: the same roles, the same say of the form, the same direct packages. */
const accessKey = (c: ClientEntry): string => `${FFOR_VARIANTS.has(c.org.form) ? 1 : 0}|${c.roles.join(',')}|${c.direct.join(',')}`;

/**
 * The answer's body for the clients `keep` lets through (the `roles` and `packages` filters); `keep` sees each
 * client's access once per kind of access list, not once per client.
 */
export function clientListBody(w: WorldContext, keep: (access: RoleAccess[]) => boolean): Buffer {
  const shared = new Map<string, SharedAccess | null>();
  const out = new BodyWriter(w.directory.clients.length * ENTRY_BYTES);
  out.write('{"links":{"next":null},"data":[');
  let first = true;
  for (const c of w.directory.clients) {
    const key = accessKey(c);
    let entry = shared.get(key);
    if (entry === undefined) {
      const access = clientAccess(c);
      entry = keep(access) ? { access, text: JSON.stringify(accessJson(access)) } : null;
      shared.set(key, entry);
    }
    if (!entry) continue;
    out.write(`${first ? '' : ','}{"client":${orgEntityText(w, c.org)},"access":${entry.text}}`);
    first = false;
  }
  out.write(']}');
  return out.bytes();
}

/** About what one entry takes, so the buffer rarely grows. */
const ENTRY_BYTES = 1100;

/**
 * The body written entry by entry into one buffer: no text of the whole list is ever built, so there is no
 * 50–200 MB string to flatten and encode again when the answer is sent.
 */
class BodyWriter {
  #buffer: Buffer;
  #length = 0;

  constructor(estimate: number) {
    this.#buffer = Buffer.allocUnsafe(Math.max(estimate, 1024));
  }

  write(text: string): void {
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    const room = this.#length + text.length * 3;
    if (room > this.#buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(room, this.#buffer.length * 2));
      this.#buffer.copy(grown, 0, 0, this.#length);
      this.#buffer = grown;
    }
    this.#length += this.#buffer.write(text, this.#length, 'utf8');
  }

  bytes(): Buffer {
    return this.#buffer.subarray(0, this.#length);
  }
}
