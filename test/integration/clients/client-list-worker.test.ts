// The client list read on the worker thread the app is built with (out/node/client-list-worker.js): pieces
// handed over as they arrive, the clients back in batches in order, refusals and failures told as on the
// calling thread, and a closed reader failing the page it was reading instead of leaving it waiting.
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createClientListParser, useClientListWorker } from '../../../electron/services/altinn/client-list-parser';
import type { KeptClient } from '../../../electron/services/altinn/kept-clients';
import { ensureWorldBundle } from '../../helpers/world-process';

const entry = (i: number) => ({
  client: { id: `uuid-${i}`, name: `Firma ${i} AS`, organizationIdentifier: String(310000000 + i), variant: 'AS', parent: null },
  access: [{ role: { code: 'regnskapsforer' }, packages: [{ urn: 'urn:altinn:accesspackage:regnskapsforer-lonn' }] }],
});
const bytes = (body: unknown) => new TextEncoder().encode(typeof body === 'string' ? body : JSON.stringify(body));

afterEach(() => useClientListWorker(null));

/** Reads `body` on the given parser in pieces of `size` bytes. */
async function readOn(parser: ReturnType<typeof createClientListParser>, body: Uint8Array, size: number) {
  const clients: KeptClient[] = [];
  const page = parser.open((batch) => clients.push(...batch));
  for (let at = 0; at < body.length; at += size) page.write(body.subarray(at, at + size));
  return { outcome: await page.end(body), clients };
}

describe('the client-list worker', () => {
  // Some 2.5 MB: more than one parcel of pieces reaches the worker.
  it('reads a page in pieces on the worker as the calling thread does, and as many pages as it is given', async () => {
    useClientListWorker(join(dirname(ensureWorldBundle()), 'client-list-worker.js'));
    const body = bytes({
      data: [...Array.from({ length: 12000 }, (_, i) => entry(i)), { client: { id: 'person', name: 'No org' } }],
      links: { next: 'n' },
    });
    const worker = createClientListParser();
    try {
      const first = await readOn(worker, body, 777);
      const second = await readOn(worker, body, body.length);
      useClientListWorker(null);
      const here = await readOn(createClientListParser(), body, 777);
      expect(first.outcome).toEqual({ ok: true, next: 'n' });
      expect(first.clients).toHaveLength(12000);
      expect(first.clients[11999]).toEqual({
        partyUuid: 'uuid-11999',
        orgNumber: '310011999',
        name: 'Firma 11999 AS',
        variant: 'AS',
        parentOrgNumber: null,
        relationships: ['REGN'],
        packages: ['regnskapsforer-lonn'],
      });
      expect(second).toEqual(first);
      expect(here).toEqual(first);
    } finally {
      worker.close();
    }
  });

  it('tells a refusal and a body that is not JSON as the calling thread does', async () => {
    useClientListWorker(join(dirname(ensureWorldBundle()), 'client-list-worker.js'));
    const worker = createClientListParser();
    try {
      const refused = await readOn(worker, bytes({ data: [entry(1), { client: {} }] }), 10);
      expect(refused.outcome).toEqual({ ok: false, refused: 'data.1: ClientDto.client.id: missing' });
      const broken = await readOn(worker, bytes('{"data":[{"client":'), 5);
      expect(broken.outcome).toEqual({ ok: false, notJson: true });
    } finally {
      worker.close();
    }
  });

  it('fails the page it is reading when closed, and reads on the calling thread when the worker file is missing', async () => {
    useClientListWorker(join(dirname(ensureWorldBundle()), 'client-list-worker.js'));
    const worker = createClientListParser();
    const page = worker.open(() => undefined);
    page.write(bytes('{"data":['));
    const ending = page.end(new Uint8Array(0));
    worker.close();
    await expect(ending).rejects.toThrow(/closed/);

    useClientListWorker('/nowhere/client-list-worker.js');
    const here = await readOn(createClientListParser(), bytes({ data: [entry(2)] }), 3);
    expect(here.clients.map((c) => c.orgNumber)).toEqual(['310000002']);
  });
});
