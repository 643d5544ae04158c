// The fuzz test of fuzz-channels.test.ts, carried over the browser host: the same kind of hostile bodies sent to
// /api/invoke/<channel> for every channel of the contract, against a real core. Each answer must be a typed JSON
// answer or a 4xx, never a 500 or a dropped connection, and the host must still answer afterwards.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channelNames, type ChannelName } from '../../../shared/contract';
import { startHost, SECRET_HEADER, type Host } from '../../../electron/host/server';
import { startTestCore, type TestCore } from '../../helpers/core';
import { send } from './host-http';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const BODY_LIMIT = 256 * 1024;
const BIG = 'x'.repeat(200_000);

/** Raw request bodies: JSON of every shape, JSON that is not JSON, and bodies over the limit. */
const hostileBodies: string[] = [
  '',
  'null',
  '42',
  '"a string"',
  '[]',
  '[1,2,3]',
  '{"unexpected":true}',
  '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}',
  JSON.stringify({ id: BIG }),
  JSON.stringify({ text: BIG, query: { search: BIG } }),
  JSON.stringify({ orgNumbers: Array.from({ length: 20_000 }, () => '313367002') }),
  JSON.stringify({ url: 'javascript:alert(1)' }),
  JSON.stringify({ offset: -1, limit: 1e9, query: {} }),
  '['.repeat(5000) + ']'.repeat(5000),
  '{"a":',
  '\u0000\u0001\u0002',
  '\uFEFF{}',
  '{"pid":"14857110014"}'.repeat(3),
  JSON.stringify({ content: 'y'.repeat(BODY_LIMIT + 1) }),
];

const TYPED = /^[A-Z][A-Z0-9_.-]*$/;

describe('the browser host under hostile bodies on every channel', () => {
  let t: TestCore;
  let host: Host;
  const headers = (): Record<string, string> => ({
    host: `127.0.0.1:${host.port}`,
    'content-type': 'application/json',
    [SECRET_HEADER]: host.secret,
  });

  beforeAll(async () => {
    t = await startTestCore();
    const webRoot = temp.make('web');
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Klientdesk</title>');
    host = await startHost({ dispatch: t.dispatch, bus: t.core.bus, webRoot, bodyLimit: BODY_LIMIT });
  }, 60_000);
  afterAll(async () => {
    await host?.close();
    await t?.close();
  });

  it.each(channelNames.map((c) => [c]))('%s answers typed JSON or a 4xx', async (channel: ChannelName) => {
    for (const body of hostileBodies) {
      const r = await send({ port: host.port, path: `/api/invoke/${channel}`, method: 'POST', headers: headers(), body });
      const where = `${channel} with ${body.slice(0, 30)}`;
      expect(r.status, where).not.toBeGreaterThanOrEqual(500);
      const answer = JSON.parse(r.body) as { ok?: boolean; error?: unknown };
      if (r.status >= 400) {
        expect(r.status, where).toBeLessThan(500);
        expect(answer.error, where).toBeDefined();
        continue;
      }
      expect(r.status, where).toBe(200);
      if (answer.ok === false) {
        const error = answer.error as { code: string; message: string };
        expect(error.code, where).toMatch(TYPED);
        expect(error.code, where).not.toBe('INTERNAL');
        expect(error.code, where).not.toBe('BAD_OUTPUT');
      } else {
        expect(answer.ok, where).toBe(true);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(t.internalErrors).toEqual([]);
  });

  it('still answers the contract after all of it', async () => {
    const r = await send({ port: host.port, path: '/api/invoke/app.info', method: 'POST', headers: headers(), body: '{}' });
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, value: { name: 'Klientdesk', mode: 'browser' } });
  });
});
