// Every channel of the contract, fed hostile input through the real wrapper and the real core: each call must
// end in a typed answer, never a crash, an internal error, or a polluted prototype.
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, contract, type ChannelName } from '../../../shared/contract';
import { startTestCore, type TestCore } from '../../helpers/core';

const HUGE = 'x'.repeat(6_000_000);
const hostile: unknown[] = [
  undefined,
  null,
  42,
  'a string',
  [],
  [1, 2, 3],
  { unexpected: true },
  JSON.parse('{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}'),
  { id: HUGE },
  { text: HUGE, content: HUGE, query: { search: HUGE } },
  { orgNumbers: Array.from({ length: 200_000 }, () => '313367002') },
  { url: 'javascript:alert(1)' },
  { offset: -1, limit: 1e9, query: {} },
  { deep: JSON.parse('['.repeat(2000) + ']'.repeat(2000)) },
];

const TYPED = /^[A-Z][A-Z0-9_.-]*$/;

describe('fuzzed input on every channel', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
  }, 60_000);
  afterAll(() => t.close());

  it('covers the whole contract', () => {
    expect(channelNames.length).toBeGreaterThan(40);
  });

  it.each(channelNames.map((c) => [c]))('%s answers hostile input with typed errors', async (channel: ChannelName) => {
    for (const input of hostile) {
      const result = await t.dispatch(channel, input, { trusted: true }, { transport: 'ipc' });
      if (!result.ok) {
        expect(result.error.code).toMatch(TYPED);
        expect(result.error.code).not.toBe('INTERNAL');
        expect(result.error.code).not.toBe('BAD_OUTPUT');
        expect(typeof result.error.message).toBe('string');
        expect(result.error.message.length).toBeLessThan(2000);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(t.internalErrors).toEqual([]);
  });
});

/**
 * Text that has broken text handling before: NUL and other control characters (NUL reached FTS5 and came back
 * INTERNAL), lone surrogates, right-to-left and other invisible format marks, and FTS5's own syntax.
 */
const TRICKY_TEXT = [
  '\u0000',
  'fjell\u0000bekk',
  'abc\u0000',
  '\u0001\u0007\u0008\u001b[31m\u007f\u0085\u009b',
  '\ud800',
  'fjell\udc00bekk',
  '\udfff\ud800abc',
  '\u202Eabc\u202C',
  'fje\u200Fll\u200Ebekk',
  '\u2066\u2067\u2068\u2069\u061C',
  '\uFEFF\u200B\u200D\u2060',
  '" OR * NEAR( col: ^abc',
  'abc"',
  '-- ; DROP TABLE clients;',
];

interface Def {
  type: string;
  shape?: Record<string, unknown>;
  innerType?: unknown;
  element?: unknown;
  options?: unknown[];
  entries?: Record<string, unknown>;
  values?: unknown[];
  in?: unknown;
}
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;
const minOf = (schema: unknown): number => (schema as { minValue?: number | null }).minValue ?? 0;

/** The smallest input the schema may take (optional fields left out), with one string field marked. */
function minimal(schema: unknown, marked: string, at: string, path = ''): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(def.shape ?? {}).flatMap(([key, field]) => {
          const here = `${path}.${key}`;
          const optional = ['optional', 'default'].includes(defOf(field).type);
          if (optional && !at.startsWith(here)) return [];
          return [[key, minimal(field, marked, at, here)]];
        }),
      );
    case 'string':
      return path === at ? marked : 'plain';
    case 'number':
      return Math.max(0, minOf(schema));
    case 'boolean':
      return false;
    case 'array':
      return at.startsWith(`${path}[]`) ? [minimal(def.element, marked, at, `${path}[]`)] : [];
    case 'optional':
    case 'nullable':
    case 'default':
      return minimal(def.innerType, marked, at, path);
    case 'pipe':
      return minimal(def.in, marked, at, path);
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'union':
      return minimal(def.options?.[0], marked, at, path);
    default:
      return undefined;
  }
}

/** Every path to a string in the schema (inside optional fields and arrays too). */
function stringPaths(schema: unknown, path = '', depth = 0): string[] {
  if (depth > 6) return [];
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([key, field]) => stringPaths(field, `${path}.${key}`, depth + 1));
    case 'string':
      return [path];
    case 'array':
      return stringPaths(def.element, `${path}[]`, depth + 1);
    case 'optional':
    case 'nullable':
    case 'default':
      return stringPaths(def.innerType, path, depth + 1);
    case 'pipe':
      return stringPaths(def.in, path, depth + 1);
    case 'union':
      return stringPaths(def.options?.[0], path, depth + 1);
    default:
      return [];
  }
}

describe('control characters, lone surrogates and RTL marks in every text input', () => {
  let t: TestCore;
  beforeAll(async () => {
    t = await startTestCore();
    // Signed in and synced, so the client searches run against a real index rather than stopping at "sign in".
    await t.call('session.signIn', { pid: '14857110014' });
    await t.call('clients.sync', {});
  }, 120_000);
  afterAll(async () => {
    await t.close();
    rmSync(t.dataDir, { recursive: true, force: true });
  });

  const textChannels = channelNames.filter((c) => stringPaths(contract[c].input).length > 0);

  it('reaches the search of the client list, where NUL used to surface as INTERNAL', () => {
    for (const c of ['clients.query', 'clients.matchingOrgNumbers', 'clients.exportCsv'] as const) {
      expect(stringPaths(contract[c].input)).toContain('.query.search');
      expect(contract[c].input.safeParse(minimal(contract[c].input, '\u0000', '.query.search')).success).toBe(true);
    }
  });

  it.each(textChannels.map((c) => [c]))('%s answers with a typed validation error or a normal answer', async (channel: ChannelName) => {
    const before = t.internalErrors.length;
    for (const at of stringPaths(contract[channel].input)) {
      for (const text of TRICKY_TEXT) {
        const input = minimal(contract[channel].input, text, at);
        const result = await t.dispatch(channel, input, { trusted: true }, { transport: 'ipc' });
        if (!result.ok) {
          expect(result.error.code, `${channel} ${at} ${JSON.stringify(text)}: ${result.error.message}`).toMatch(TYPED);
          expect(result.error.code, `${channel} ${at} ${JSON.stringify(text)}: ${result.error.message}`).not.toBe('INTERNAL');
          expect(result.error.code).not.toBe('BAD_OUTPUT');
        }
      }
    }
    expect(t.internalErrors.slice(before)).toEqual([]);
  });

  it('a search with those characters finds what the same search without them finds', async () => {
    const plain = await t.call('clients.query', { query: { search: 'fjellbekk' }, offset: 0, limit: 50 });
    const marked = await t.call('clients.query', { query: { search: 'fjell\u200Fbekk\u0000' }, offset: 0, limit: 50 });
    expect(marked.total).toBe(plain.total);
  });
});
