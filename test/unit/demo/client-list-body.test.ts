import { describe, expect, it } from 'vitest';
import { accessJson, clientAccess, orgEntity, page } from '../../../electron/demo/altinn/am-agents';
import { clientListBody } from '../../../electron/demo/altinn/client-list-body';
import type { WorldContext } from '../../../electron/demo/context';
import { buildDirectory } from '../../../electron/demo/seed/clients';

// Only the directory is read to write the list.
const world = (clients: number) => ({ directory: buildDirectory(7, clients) }) as unknown as WorldContext;

describe('the client list as Access Management writes it', () => {
  it('is byte for byte what JSON.stringify writes for the same entries, sub-units with their parent included', () => {
    const w = world(3000);
    // Names a world admin may give: quotes, backslashes, control characters, letters outside the BMP.
    w.directory.clients[0]!.org.name = 'A "B" \\ C\n\u0001 😀 ÆØÅ';
    const expected = JSON.stringify(
      page(w.directory.clients.map((c) => ({ client: orgEntity(w, c.org), access: accessJson(clientAccess(c)) }))),
    );
    expect(clientListBody(w, () => true).toString('utf8')).toBe(expected);
    expect(w.directory.clients.some((c) => c.org.parentOrgNo)).toBe(true);
  });

  it('leaves out the clients whose access the filter refuses, and only those', () => {
    const w = world(500);
    const revisor = (access: ReturnType<typeof clientAccess>) => access.some((a) => a.role.code === 'revisor');
    const expected = w.directory.clients.filter((c) => revisor(clientAccess(c)));
    const body = JSON.parse(clientListBody(w, revisor).toString('utf8')) as { data: { client: { organizationIdentifier: string } }[] };
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(w.directory.clients.length);
    expect(body.data.map((d) => d.client.organizationIdentifier)).toEqual(expected.map((c) => c.org.orgNo));
  });
});
