// Every channel of the contract, fed hostile input through the real wrapper and the real core: each call must
// end in a typed answer, never a crash, an internal error, or a polluted prototype.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type ChannelName } from '../../../shared/contract';
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
