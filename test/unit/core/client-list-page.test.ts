// A client-list page read in runs as its bytes arrive must read exactly as the whole page parsed at once:
// the same clients in the same order, the same refusals, and "not JSON" for everything JSON.parse refuses.
import { describe, expect, it } from 'vitest';
import { ClientPageReader, readClientPage, type ClientPageOutcome } from '../../../electron/services/altinn/client-list-page';
import { firmClientSchema, pageSchema, type FirmClient } from '../../../electron/services/altinn/schemas';

const entry = (i: number, name = `Firma ${i} AS`) => ({
  client: { id: `uuid-${i}`, name, organizationIdentifier: String(310000000 + i), variant: 'AS', parent: null },
  access: [{ role: { code: 'regnskapsforer' }, packages: [{ urn: 'urn:altinn:accesspackage:regnskapsforer-lonn', children: null }] }],
});

const encode = (text: string) => new TextEncoder().encode(text);

/** Feeds the bytes in pieces of the given sizes (cycled), as a socket would hand them over. */
function readInPieces(
  bytes: Uint8Array,
  sizes: number[],
  batchSize = 3,
): { clients: FirmClient[]; batches: number; outcome: ClientPageOutcome } {
  const clients: FirmClient[] = [];
  let batches = 0;
  const reader = new ClientPageReader((batch) => {
    batches++;
    clients.push(...batch);
  }, batchSize);
  for (let at = 0, k = 0; at < bytes.length; k++) {
    const size = sizes[k % sizes.length]!;
    reader.write(bytes.slice(at, at + size));
    at += size;
  }
  const outcome = reader.finish();
  return { clients, batches, outcome };
}

/** What the whole-body schema reads, for comparison: the clients, or that the page fails. */
function schemaReading(text: string): { clients: FirmClient[] } | 'fails' | 'not json' {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'not json';
  }
  const page = pageSchema(firmClientSchema).safeParse(body);
  return page.success ? { clients: page.data.items } : 'fails';
}

const PIECES = [[1], [2, 5], [7, 1, 64], [4096], [100000]];

describe('reading a client-list page in runs', () => {
  it('hands on the same clients in the same order as the whole parse, however the bytes are cut', () => {
    const text = JSON.stringify({ links: { next: 'https://x/next?token=7' }, data: Array.from({ length: 11 }, (_, i) => entry(i)) });
    const whole = schemaReading(text);
    for (const sizes of PIECES) {
      const read = readInPieces(encode(text), sizes);
      expect(read.outcome).toEqual({ ok: true, next: 'https://x/next?token=7' });
      expect(read.clients).toEqual((whole as { clients: FirmClient[] }).clients);
      // Runs of three: three whole batches while the bytes arrive, the last two at the end.
      expect(read.batches).toBe(4);
    }
  });

  it('reads a page of many megabytes in socket-sized pieces as in one piece, letting go of what it has read', () => {
    const text = JSON.stringify({ data: Array.from({ length: 40000 }, (_, i) => entry(i, `Firma ${i} "Ø" [AS]`)), links: { next: 'z' } });
    expect(text.length).toBeGreaterThan(8 << 20);
    const whole: FirmClient[] = [];
    expect(readClientPage(encode(text), (b) => whole.push(...b), 2000)).toEqual({ ok: true, next: 'z' });
    const read = readInPieces(encode(text), [65536, 1000, 300000], 2000);
    expect(read.outcome).toEqual({ ok: true, next: 'z' });
    expect(read.clients).toEqual(whole);
  });

  it('keeps strings that hold brackets, commas, quotes, backslashes and Norwegian letters', () => {
    const names = ['Ærlig, Øvre & Å {AS}', 'Quote "inside" [x]', 'Back\\slash\\', 'Ends with \\"', '😀 ]},'];
    const text = `\ufeff {"Data" : [ ${names.map((n, i) => JSON.stringify(entry(i, n))).join(' ,\n ')} ] , "LINKS":{"next":null} }  `;
    for (const sizes of PIECES) {
      const read = readInPieces(encode(text), sizes, 2);
      expect(read.outcome).toEqual({ ok: true, next: undefined });
      expect(read.clients.map((c) => c.name)).toEqual(names);
    }
  });

  it('says "not JSON" for every page JSON.parse refuses, cut anywhere', () => {
    const good = JSON.stringify(entry(1));
    const bad = [
      `{"data":[${good},]}`,
      `{"data":[,${good}]}`,
      `{"data":[${good},,${good}]}`,
      `{"data":[${good}`,
      `{"data":[${good}]`,
      `{"data":[${good}]}x`,
      `{"data":[${good} ${good}]}`,
      `{"data":[${good}], "links": {"next": nul}}`,
      `{"data":[{"client": tru}]}`,
    ];
    for (const text of bad) {
      expect(schemaReading(text)).toBe('not json');
      for (const sizes of PIECES) expect(readInPieces(encode(text), sizes).outcome, text).toEqual({ ok: false, notJson: true });
    }
  });

  it('refuses what the schema refuses, naming the same entries', () => {
    const text = JSON.stringify({ data: [entry(0), { client: { name: 'no id' } }, entry(2), { client: 5 }, 'x', { client: null }] });
    expect(schemaReading(text)).toBe('fails');
    const read = readClientPage(encode(text), () => undefined);
    expect(read).toEqual({
      ok: false,
      refused: 'data.1: ClientDto.client.id: missing; data.3: ClientDto.client: expected an object; data.4: ClientDto: expected an object',
    });
    expect(readInPieces(encode(text), [3]).outcome).toEqual(read);
  });

  it('reads the shapes the runs do not take as a whole, as the schema does', () => {
    const cases = [
      JSON.stringify({ data: null, links: { next: null } }),
      JSON.stringify({ links: { next: 'n' } }),
      JSON.stringify({}),
      '',
      JSON.stringify([entry(0)]),
      JSON.stringify({ data: { not: 'a list' } }),
    ];
    for (const text of cases) {
      const whole = schemaReading(text);
      const read = readInPieces(encode(text), [2]);
      if (whole === 'fails' || (text === '' && whole === 'not json')) expect(read.outcome.ok).toBe(false);
      else expect(read.outcome.ok).toBe(true);
    }
    expect(readClientPage(encode(JSON.stringify({ links: { next: 'n' } })), () => undefined)).toEqual({ ok: true, next: 'n' });
  });

  it('refuses a page that names its data twice, whose entries a whole parse would take from the last', () => {
    const text = `{"data":[${JSON.stringify(entry(0))}],"DATA":[${JSON.stringify(entry(1))}]}`;
    expect(readClientPage(encode(text), () => undefined)).toEqual({ ok: false, refused: 'data: named twice' });
  });

  it('reads the links whether they come before or after the list', () => {
    const before = `{"links":{"next":"a"},"data":[${JSON.stringify(entry(0))}]}`;
    const after = `{"data":[${JSON.stringify(entry(0))}],"links":{"next":"b"}}`;
    expect(readClientPage(encode(before), () => undefined)).toEqual({ ok: true, next: 'a' });
    expect(readClientPage(encode(after), () => undefined)).toEqual({ ok: true, next: 'b' });
  });
});
