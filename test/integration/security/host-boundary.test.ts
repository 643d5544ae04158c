// What the browser host refuses, beyond the basics of foundation/host.test.ts. Every refusal is paired with the
// same request done right, which succeeds: the refusal comes from the check under test, not from a broken request.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../electron/app/event-bus';
import { createDispatcher } from '../../../electron/platform/ipc/dispatch';
import { startHost, SECRET_HEADER, type Host } from '../../../electron/host/server';
import { send } from './host-http';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

const OUTSIDE_SECRET = 'outside-the-web-root-7f3a';

describe('the browser host’s boundary', () => {
  let host: Host;
  const bus = createEventBus();

  beforeAll(async () => {
    // A file beside the web root that no path may reach.
    const parent = temp.make('host');
    writeFileSync(join(parent, 'private.txt'), OUTSIDE_SECRET);
    const webRoot = join(parent, 'web');
    mkdirSync(join(webRoot, 'assets'), { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Klientdesk</title>');
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("app")');
    const dispatch = createDispatcher({
      'app.info': () => ({ name: 'Klientdesk', version: 't', mode: 'browser', platform: 'x', dataDir: '/' }),
    });
    host = await startHost({ dispatch, bus, webRoot, bodyLimit: 64 * 1024 });
  });
  afterAll(() => host.close());

  const hostHeader = (): Record<string, string> => ({ host: `127.0.0.1:${host.port}` });
  const good = (): Record<string, string> => ({ ...hostHeader(), 'content-type': 'application/json', [SECRET_HEADER]: host.secret });
  const invoke = (headers: Record<string, string>, body = '{}', path = '/api/invoke/app.info') =>
    send({ port: host.port, path, method: 'POST', headers, body });
  const events = (headers: Record<string, string>) => send({ port: host.port, path: '/api/events', headers, headersOnly: true });

  it('opens the event stream only with the secret', async () => {
    const { [SECRET_HEADER]: _omit, ...without } = good();
    expect((await events(without)).status).toBe(401);
    expect((await events({ ...good(), [SECRET_HEADER]: `${host.secret}x` })).status).toBe(401);
    const ok = await events(good());
    expect(ok.status).toBe(200);
    expect(ok.headers['content-type']).toContain('text/event-stream');
  });

  it('refuses the event stream to a foreign page or host name', async () => {
    expect((await events({ ...good(), origin: 'https://evil.example' })).status).toBe(403);
    expect((await events({ ...good(), host: `attacker.example:${host.port}` })).status).toBe(403);
    expect((await events({ ...good(), origin: `http://localhost:${host.port}` })).status).toBe(200);
  });

  it('takes the secret only from its header, exactly', async () => {
    const { [SECRET_HEADER]: _omit, ...without } = good();
    expect((await invoke(without, '{}', `/api/invoke/app.info?k=${host.secret}`)).status).toBe(401);
    expect((await invoke({ ...without, authorization: `Bearer ${host.secret}` })).status).toBe(401);
    expect((await invoke({ ...without, cookie: `k=${host.secret}` })).status).toBe(401);
    expect((await invoke({ ...good(), [SECRET_HEADER]: host.secret.toUpperCase() })).status).toBe(401);
    expect((await invoke({ ...good(), [SECRET_HEADER]: host.secret.slice(0, -1) })).status).toBe(401);
    expect((await invoke(good())).status).toBe(200);
  });

  it('refuses a missing Host header and look-alike host names', async () => {
    const { host: _h, ...noHost } = good();
    // Node's HTTP parser turns an HTTP/1.1 request without Host away (400) before the host's own check (403).
    expect([400, 403]).toContain((await invoke(noHost)).status);
    for (const name of [`127.0.0.1.evil.example:${host.port}`, `127.0.0.1:${host.port + 1}`, '127.0.0.1', `[::1]:${host.port}`]) {
      expect((await invoke({ ...good(), host: name })).status, name).toBe(403);
    }
    expect((await invoke({ ...good(), host: `localhost:${host.port}` })).status).toBe(200);
  });

  it('refuses foreign and odd origins, the string "null" included', async () => {
    for (const origin of [
      'null',
      'http://127.0.0.1',
      `https://127.0.0.1:${host.port}`,
      `http://127.0.0.1:${host.port}.evil.example`,
      'file://',
    ]) {
      expect((await invoke({ ...good(), origin })).status, origin).toBe(403);
    }
    expect((await invoke({ ...good(), origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('accepts only JSON bodies', async () => {
    // The three types a foreign page may send without a CORS preflight, and none at all.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', '']) {
      const headers = { ...good(), 'content-type': type };
      if (type === '') delete (headers as Record<string, string>)['content-type'];
      const r = await invoke(headers);
      expect(r.status, type || '(none)').toBe(415);
    }
    expect((await invoke({ ...good(), 'content-type': 'application/json; charset=utf-8' })).status).toBe(200);
    // A look-alike media type is not JSON.
    expect((await invoke({ ...good(), 'content-type': 'application/jsonp' })).status).toBe(415);
  });

  it('refuses an oversized body whether or not its length is declared', async () => {
    const big = JSON.stringify({ x: 'a'.repeat(70 * 1024) });
    expect((await invoke(good(), big)).status).toBe(413);
    // Chunked: no Content-Length, so the limit has to be counted while reading.
    expect((await invoke({ ...good(), 'transfer-encoding': 'chunked' }, big)).status).toBe(413);
    // The same framing within the limit is served: the 413 above is the limit, not the chunking.
    const small = JSON.stringify({ x: 'a'.repeat(1000) });
    expect((await invoke({ ...good(), 'transfer-encoding': 'chunked' }, small)).status).toBe(200);
  });

  it('answers only POST on the contract routes and only GET or HEAD elsewhere', async () => {
    expect((await send({ port: host.port, path: '/api/invoke/app.info', headers: good() })).status).toBe(404);
    expect((await send({ port: host.port, path: '/api/invoke/app.info', method: 'PUT', headers: good(), body: '{}' })).status).toBe(404);
    expect((await send({ port: host.port, path: '/index.html', method: 'POST', headers: hostHeader(), body: '{}' })).status).toBe(405);
    expect((await send({ port: host.port, path: '/index.html', method: 'DELETE', headers: hostHeader() })).status).toBe(405);
    expect((await send({ port: host.port, path: '/index.html', headers: hostHeader() })).status).toBe(200);
  });

  it('never serves a file outside its folder, however the path is spelled', async () => {
    const variants = [
      '/../private.txt',
      '/..%2fprivate.txt',
      '/%2e%2e/private.txt',
      '/%2e%2e%2fprivate.txt',
      '/assets/../../private.txt',
      '/assets/..%2f..%2fprivate.txt',
      '/..%5cprivate.txt',
      '/%252e%252e%252fprivate.txt',
      '//..//private.txt',
      '/.%2e/private.txt',
      '/private.txt%00.html',
      `/${'..%2f'.repeat(12)}etc/passwd`,
    ];
    for (const path of variants) {
      const r = await send({ port: host.port, path, headers: hostHeader() });
      expect(r.body, path).not.toContain(OUTSIDE_SECRET);
      expect(r.body, path).not.toContain('root:');
      expect(r.status, path).toBeLessThan(500);
    }
    // The same server does serve files inside its folder.
    expect((await send({ port: host.port, path: '/assets/app.js', headers: hostHeader() })).body).toContain('console.log');
  });

  it('answers a malformed percent-encoding with a client error, not a crash', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/assets/%zz.js']) {
      const r = await send({ port: host.port, path, headers: hostHeader() });
      expect(r.status, path).toBeLessThan(500);
    }
    expect((await invoke(good())).status).toBe(200);
  });

  it('sends its security headers on the page and on refusals alike', async () => {
    for (const r of [
      await send({ port: host.port, path: '/', headers: hostHeader() }),
      await invoke({ ...good(), [SECRET_HEADER]: 'no' }),
    ]) {
      expect(r.headers['content-security-policy']).toContain("default-src 'none'");
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
    }
  });
});
