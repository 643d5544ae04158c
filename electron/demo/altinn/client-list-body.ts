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

const q = (value: string): string => JSON.stringify(value);

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
export function clientListBody(w: WorldContext, keep: (access: RoleAccess[]) => boolean): string {
  const shared = new Map<string, SharedAccess | null>();
  const parts: string[] = [];
  for (const c of w.directory.clients) {
    const key = accessKey(c);
    let entry = shared.get(key);
    if (entry === undefined) {
      const access = clientAccess(c);
      entry = keep(access) ? { access, text: JSON.stringify(accessJson(access)) } : null;
      shared.set(key, entry);
    }
    if (entry) parts.push(`{"client":${orgEntityText(w, c.org)},"access":${entry.text}}`);
  }
  return `{"links":{"next":null},"data":[${parts.join(',')}]}`;
}
