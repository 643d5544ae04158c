// The firm's client list read again: pages that are byte for byte the ones marked before are not parsed, and a
// page that differs has every page read after all, in order.
import { describe, expect, it } from 'vitest';
import { AccessManagementApi } from '../../../electron/services/altinn/access-management';
import type { PageMark } from '../../../electron/services/altinn/altinn-http';
import type { KeptClient } from '../../../electron/services/altinn/kept-clients';
import { createHttpClient } from '../../../electron/platform/http/http-client';
import { FakeClock, json, scriptedFetch, text } from './helpers';

const entry = (orgNumber: string, name: string) => ({
  client: { id: `p-${orgNumber}`, organizationIdentifier: orgNumber, name, variant: 'AS', type: 'Organisasjon' },
  access: [{ role: { code: 'regnskapsforer' }, packages: [{ urn: 'urn:altinn:accesspackage:regnskapsforer-lonn' }] }],
});

const NEXT = 'https://platform.test/accessmanagement/api/v1/enduser/clientdelegations/clients?party=f&page=2';

/** Two pages; `pages` is what the server answers now, by page number. */
function twoPages(pages: { 1: unknown; 2: unknown }) {
  return scriptedFetch((req) => json(200, req.url.includes('page=2') ? pages[2] : pages[1]));
}

const api = (fetch: typeof globalThis.fetch) =>
  new AccessManagementApi(createHttpClient({ fetch, clock: new FakeClock() }), 'https://platform.test', () => 't');

/** The list as the sync reads it: the clients handed on in batches, or unchanged. */
async function readList(am: AccessManagementApi, before: PageMark[] | null) {
  const items: KeptClient[] = [];
  const { marks, unchanged } = await am.readClientsUnlessUnchanged('f', before, (batch) => items.push(...batch));
  return { marks, items: unchanged ? ('unchanged' as const) : items };
}

const first = { links: { next: NEXT }, data: [entry('310000001', 'ALFA AS')] };
const second = { links: { next: null }, data: [entry('310000002', 'BETA AS')] };

describe('the client list read against the marks of the read before', () => {
  it('with no marks, reads every page and marks each', async () => {
    const read = await readList(api(twoPages({ 1: first, 2: second })), null);
    expect(read.items === 'unchanged' ? [] : read.items.map((c) => c.orgNumber)).toEqual(['310000001', '310000002']);
    expect(read.marks).toHaveLength(2);
    expect(read.marks[0]!.next).toBe(NEXT);
    expect(read.marks[1]!.next).toBeNull();
    expect(read.marks[0]!.digest).not.toBe(read.marks[1]!.digest);
  });

  it('answers unchanged when every page is the same bytes, following the marked links', async () => {
    const before = (await readList(api(twoPages({ 1: first, 2: second })), null)).marks;
    const fetch = twoPages({ 1: first, 2: second });
    const again = await readList(api(fetch), before);
    expect(again.items).toBe('unchanged');
    expect(again.marks).toEqual(before);
    expect(fetch.seen.map((r) => r.url.includes('page=2'))).toEqual([false, true]);
  });

  it('reads every page, the unchanged first one included, when a later page differs', async () => {
    const before = (await readList(api(twoPages({ 1: first, 2: second })), null)).marks;
    const renamed = { links: { next: null }, data: [entry('310000002', 'BETA NY AS')] };
    const again = await readList(api(twoPages({ 1: first, 2: renamed })), before);
    expect(again.items === 'unchanged' ? [] : again.items.map((c) => c.name)).toEqual(['ALFA AS', 'BETA NY AS']);
    expect(again.marks[0]).toEqual(before[0]);
    expect(again.marks[1]!.digest).not.toBe(before[1]!.digest);
  });

  it('a change of a single byte (the same JSON written otherwise) counts as a change', async () => {
    const one = { links: { next: null }, data: [entry('310000001', 'ALFA AS')] };
    const before = (await readList(api(scriptedFetch(() => json(200, one))), null)).marks;
    const spaced = scriptedFetch(() => text(200, JSON.stringify(one, null, 1)));
    const again = await readList(api(spaced), before);
    expect(again.items === 'unchanged' ? 'unchanged' : again.items.map((c) => c.orgNumber)).toEqual(['310000001']);
  });

  it('a mark that promised a second page which no longer comes is a change', async () => {
    const marks: PageMark[] = [
      { digest: 'not-this', next: null },
      { digest: 'nor-this', next: null },
    ];
    const again = await readList(api(scriptedFetch(() => json(200, second))), marks);
    expect(again.items === 'unchanged' ? 'unchanged' : again.items.length).toBe(1);
  });

  it('still refuses a page it cannot read, rather than calling it unchanged', async () => {
    const before = (await readList(api(twoPages({ 1: first, 2: second })), null)).marks;
    const broken = scriptedFetch((req) => (req.url.includes('page=2') ? text(200, '{"data": [') : json(200, first)));
    await expect(readList(api(broken), before)).rejects.toMatchObject({ code: 'BAD_RESPONSE' });
  });
});
