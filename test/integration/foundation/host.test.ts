import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../electron/app/event-bus';
import { createDispatcher } from '../../../electron/platform/ipc/dispatch';
import { startHost, SECRET_HEADER, type Host } from '../../../electron/host/server';
import { useTempDirs } from '../../helpers/temp-dir';
import { createEventFrameReader } from '../../../shared/contract/transport';

const temp = useTempDirs();

interface Reply {
  status: number;
  body: string;
}

function send(
  host: Host,
  opts: { path: string; method?: string; headers?: Record<string, string>; body?: string | Buffer },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    if (opts.body) req.write(opts.body);
    req.end();
  });
}

describe('the browser host', () => {
  let host: Host;
  const bus = createEventBus();
  beforeAll(async () => {
    const webRoot = temp.make('web');
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Klientdesk</title>');
    const dispatch = createDispatcher({ 'app.openExternal': () => ({}) });
    host = await startHost({
      dispatch,
      bus,
      webRoot,
      bodyLimit: 64 * 1024,
      openingEvents: () => [{ event: 'app.status', payload: opening }],
    });
  });
  const opening = { environment: 'demo', connected: true, connecting: false, online: true, session: null, lastSyncAt: null };
  afterAll(() => host.close());

  const good = (): Record<string, string> => ({
    host: `127.0.0.1:${host.port}`,
    'content-type': 'application/json',
    [SECRET_HEADER]: host.secret,
  });
  const call = (headers: Record<string, string>, body = '{"url":"https://example.no"}'): Promise<Reply> =>
    send(host, { path: '/api/invoke/app.openExternal', method: 'POST', headers, body });

  it('opens every event stream with where the app stands now', async () => {
    const first = await new Promise<string>((resolve, reject) => {
      const framesOf = createEventFrameReader();
      const req = request({ host: '127.0.0.1', port: host.port, path: '/api/events', headers: good() }, (res) => {
        res.on('data', (c: Buffer) => {
          const frames = framesOf(c.toString());
          if (frames.length > 0) {
            req.destroy();
            resolve(JSON.stringify(frames[0]));
          }
        });
      });
      req.on('error', reject);
      req.end();
    });
    expect(JSON.parse(first)).toEqual({ event: 'app.status', payload: opening });
  });

  it('answers the contract with the secret', async () => {
    const r = await call(good());
    expect(r.status).toBe(200);
    expect(JSON.parse(r.body)).toEqual({ ok: true, value: {} });
  });

  it('refuses a call without the secret or with a wrong one (401)', async () => {
    const { [SECRET_HEADER]: _omit, ...without } = good();
    expect((await call(without)).status).toBe(401);
    expect((await call({ ...good(), [SECRET_HEADER]: 'x'.repeat(host.secret.length) })).status).toBe(401);
  });

  it('refuses a foreign Host header, as in DNS rebinding (403)', async () => {
    expect((await call({ ...good(), host: `evil.example:${host.port}` })).status).toBe(403);
  });

  it('refuses a foreign Origin (403)', async () => {
    expect((await call({ ...good(), origin: 'https://evil.example' })).status).toBe(403);
    expect((await call({ ...good(), origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('refuses an oversized body (413)', async () => {
    const huge = JSON.stringify({ url: 'https://example.no/' + 'a'.repeat(100 * 1024) });
    expect((await call(good(), huge)).status).toBe(413);
  });

  it('gives a typed error for bad JSON and unknown channels, never a crash', async () => {
    expect(JSON.parse((await call(good(), '{not json')).body)).toMatchObject({ ok: false, error: { code: 'BAD_INPUT' } });
    const r = await send(host, { path: '/api/invoke/no.such', method: 'POST', headers: good(), body: '{}' });
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
  });

  it('serves the renderer with a strict CSP and never files outside its folder', async () => {
    const page = await send(host, { path: '/', headers: { host: `127.0.0.1:${host.port}` } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('Klientdesk');
    const escape = await send(host, { path: '/..%2f..%2f..%2fetc%2fpasswd', headers: { host: `127.0.0.1:${host.port}` } });
    expect(escape.body).not.toContain('root:');
  });
});
