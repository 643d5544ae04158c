import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../../../electron/platform/http/http-client';
import { AccessManagementApi } from '../../../electron/services/altinn/access-management';
import { readFirmClient } from '../../../electron/services/altinn/firm-client-reader';
import { FakeClock, json, scriptedFetch } from './helpers';

const regnskapsforer = {
  role: { code: 'regnskapsforer', urn: 'urn:altinn:external-role:ccr:regnskapsforer', 'legacyurn ': 'urn:altinn:rolecode:regn' },
  packages: [{ id: 'x', urn: 'urn:altinn:accesspackage:regnskapsforer-lonn', areaId: 'y' }],
};

describe('reading a ClientDto by hand', () => {
  it('reads ids given as numbers, the organizationNumber alias and a role written in other case', () => {
    const c = readFirmClient({
      client: { id: 42, name: 'A', organizationNumber: '313367002', parent: null },
      access: [{ ROLE: { Code: null, URN: 'urn:altinn:external-role:ccr:revisor' }, packages: ['ansvarlig-revisor', 'ansvarlig-revisor'] }],
    });
    expect(c).toEqual({
      partyUuid: '42',
      orgNumber: '313367002',
      name: 'A',
      relationships: ['REVI'],
      roles: ['urn:altinn:external-role:ccr:revisor'],
      packages: ['ansvarlig-revisor'],
    });
  });

  it('merges the packages of several roles and keeps each relationship once', () => {
    const c = readFirmClient({ client: { id: 'p' }, access: [regnskapsforer, regnskapsforer] });
    expect(c.relationships).toEqual(['REGN']);
    expect(c.roles).toEqual(['regnskapsforer', 'regnskapsforer']);
    expect(c.packages).toEqual(['regnskapsforer-lonn']);
  });

  it.each([
    [{ access: [] }, 'ClientDto.client: missing'],
    [{ client: { name: 'A' } }, 'ClientDto.client.id: missing'],
    [{ client: { id: { nested: true } } }, 'ClientDto.client.id: expected text'],
    [{ client: { id: 'p' }, access: { role: 'x' } }, 'ClientDto.access: expected a list'],
    [{ client: { id: 'p' }, access: [{ role: 'regnskapsforer' }] }, 'ClientDto.access.0.role: expected an object'],
    [{ client: { id: 'p' }, access: [{ packages: [{ id: 'no urn' }] }] }, 'ClientDto.access.0.packages.0.urn: missing'],
    [{ client: { id: 'p' }, access: [{ packages: [null] }] }, 'ClientDto.access.0.packages.0: expected a package'],
  ])('refuses %j, saying where and what', (entry, words) => {
    expect(() => readFirmClient(entry)).toThrow(words);
  });

  it('makes a whole answer with one unreadable client a BAD_RESPONSE that names the entry', async () => {
    const fetch = scriptedFetch(() =>
      json(200, { links: { next: null }, data: [{ client: { id: 'p1' } }, { client: { name: 'no id' } }] }),
    );
    const api = new AccessManagementApi(createHttpClient({ fetch, clock: new FakeClock() }), 'https://platform.test', () => 't');
    const error = await api.listClients('firm').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_RESPONSE', service: 'altinn' });
    expect((error as { remoteMessage?: string }).remoteMessage).toContain('data.1: ClientDto.client.id: missing');
  });
});
