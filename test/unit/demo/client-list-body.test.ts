import { describe, expect, it } from 'vitest';
import { accessJson, clientAccess, orgEntity, page, type RoleAccess } from '../../../electron/demo/altinn/am-agents';
import { clientListBody } from '../../../electron/demo/altinn/client-list-body';
import type { WorldContext } from '../../../electron/demo/context';
import { wholeBody } from '../../../electron/demo/http/reply';
import { buildDirectory, type ClientEntry } from '../../../electron/demo/seed/clients';
import { createClientRelations } from '../../../electron/demo/seed/client-relations';

// Only the directory is read to write the list.
const world = (clients: number) => ({ directory: buildDirectory(7, clients) }) as unknown as WorldContext;

const stringified = (w: WorldContext, keep: (access: RoleAccess[]) => boolean = () => true): string =>
  JSON.stringify(
    page(
      w.directory.clients
        .filter((c) => keep(clientAccess(c)))
        .map((c) => ({ client: orgEntity(w, c.org), access: accessJson(clientAccess(c)) })),
    ),
  );

/** The chunks as the server reads them: each copied before the next is asked for, since the writer reuses memory. */
function sent(w: WorldContext, keep: (access: RoleAccess[]) => boolean = () => true): { text: string; chunks: number; byteLength: number } {
  const body = clientListBody(w, keep);
  const copies: Buffer[] = [];
  for (const chunk of body.chunks()) copies.push(Buffer.from(chunk));
  return { text: Buffer.concat(copies).toString('utf8'), chunks: copies.length, byteLength: body.byteLength };
}

const renamed = (w: WorldContext, client: ClientEntry, name: string): void => {
  const org = { ...client.org, name };
  w.directory.orgByOrgNo.set(org.orgNo, org);
  client.org = org;
};

describe('the client list as Access Management writes it', () => {
  it.each([1, 11, 300, 3000])('is byte for byte what JSON.stringify writes at %i clients, sub-units with their parent included', (n) => {
    const w = world(n);
    const expected = stringified(w);
    const { text, byteLength } = sent(w);
    expect(text).toBe(expected);
    expect(byteLength).toBe(Buffer.byteLength(expected));
  });

  it('comes in several chunks when it is large, which together are the whole answer', () => {
    const w = world(3000);
    expect(w.directory.clients.some((c) => c.org.parentOrgNo)).toBe(true);
    const { text, chunks } = sent(w);
    expect(chunks).toBeGreaterThan(1);
    expect(text).toBe(stringified(w));
  });

  it('writes names as JSON escapes them: quotes, backslashes, control characters, letters outside ASCII and the BMP', () => {
    const w = world(300);
    const names = [
      'A "B" \\ C\n\u0001 😀 ÆØÅ',
      'SOLSIDEN KAFÉ',
      'lone \ud800 surrogate and \udc00 another',
      'DEL \u007f and tab\t',
      '',
      '中文 名前 ∑',
    ];
    names.forEach((name, i) => renamed(w, w.directory.clients[i]!, name));
    // A parent's name is written inside each of its sub-units.
    const sub = w.directory.clients.find((c) => c.org.parentOrgNo)!;
    renamed(w, w.directory.clientByOrgNo.get(sub.org.parentOrgNo!)!, 'MOR "AS" ÅÆ\u0002');
    const { text, byteLength } = sent(w);
    expect(text).toBe(stringified(w));
    expect(byteLength).toBe(Buffer.byteLength(text));
  });

  it('writes an entry longer than a chunk whole', () => {
    const w = world(40);
    renamed(w, w.directory.clients[20]!, 'Ø\n'.repeat(400_000));
    const { text, byteLength } = sent(w);
    expect(text).toBe(stringified(w));
    expect(byteLength).toBe(Buffer.byteLength(text));
  });

  it('leaves out the clients whose access the filter refuses, and only those', () => {
    const w = world(500);
    const revisor = (access: RoleAccess[]) => access.some((a) => a.role.code === 'revisor');
    const expected = w.directory.clients.filter((c) => revisor(clientAccess(c)));
    const { text } = sent(w, revisor);
    const body = JSON.parse(text) as { data: { client: { organizationIdentifier: string } }[] };
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(w.directory.clients.length);
    expect(body.data.map((d) => d.client.organizationIdentifier)).toEqual(expected.map((c) => c.org.orgNo));
    expect(text).toBe(stringified(w, revisor));
  });

  it('is an empty page when the filter refuses every client', () => {
    const { text, byteLength } = sent(world(300), () => false);
    expect(text).toBe('{"links":{"next":null},"data":[]}');
    expect(byteLength).toBe(text.length);
  });

  it('lists the clients of the moment it was asked for, even when one leaves while it is sent', () => {
    const w = world(300);
    const expected = stringified(w);
    const body = clientListBody(w, () => true);
    createClientRelations(w.directory).leave(w.directory.clients[5]!.org.orgNo);
    expect(wholeBody(body).toString('utf8')).toBe(expected);
  });
});
