// The browser host's launch: a one-time, short-lived code in the URL, exchanged for an HttpOnly, SameSite=Strict
// cookie. The secret itself never reaches the page, and a secret given in the environment must be strong.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createEventBus } from '../../../electron/app/event-bus';
import { createDispatcher } from '../../../electron/platform/ipc/dispatch';
import { LAUNCH_CODE_TTL_MS, secretBits, SECRET_HEADER, startHost, type Host } from '../../../electron/host/server';
import { send } from './host-http';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();

describe('the browser host’s launch code and session cookie', () => {
  let host: Host;
  let parent: string;
  let clock = 0;

  beforeAll(async () => {
    parent = temp.make('host-session');
    const webRoot = join(parent, 'web');
    mkdirSync(webRoot, { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Klientdesk</title>');
    const dispatch = createDispatcher({
      'app.info': () => ({ name: 'Klientdesk', version: 't', mode: 'browser', platform: 'x', dataDir: '/' }),
    });
    host = await startHost({ dispatch, bus: createEventBus(), webRoot, now: () => clock });
  });
  afterAll(async () => {
    await host.close();
    rmSync(parent, { recursive: true, force: true });
  });
  beforeEach(() => {
    clock = 1_000_000;
  });

  const base = (): Record<string, string> => ({ host: `127.0.0.1:${host.port}`, 'content-type': 'application/json' });
  const exchange = (code: unknown, headers: Record<string, string> = {}) =>
    send({ port: host.port, path: '/api/session', method: 'POST', headers: { ...base(), ...headers }, body: JSON.stringify({ code }) });
  const invoke = (headers: Record<string, string>) =>
    send({ port: host.port, path: '/api/invoke/app.info', method: 'POST', headers: { ...base(), ...headers }, body: '{}' });
  const cookieOf = (setCookie: string | string[] | undefined): string =>
    String(Array.isArray(setCookie) ? setCookie[0] : setCookie).split(';')[0]!;

  it('puts a one-time code in the launch URL, never the secret', () => {
    expect(host.launchUrl).toMatch(/#c=[A-Za-z0-9_-]{43}$/);
    expect(host.launchUrl).not.toContain(host.secret);
  });

  it('exchanges a code once for an HttpOnly, SameSite=Strict, Path=/ cookie that opens the API', async () => {
    const code = host.issueLaunchCode();
    const first = await exchange(code);
    expect(first.status).toBe(200);
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(new RegExp(`^${host.cookieName}=[A-Za-z0-9_-]{43}; HttpOnly; SameSite=Strict; Path=/$`));
    expect(setCookie).not.toContain(host.secret);
    const cookie = cookieOf(first.headers['set-cookie']);
    expect((await invoke({ cookie })).status).toBe(200);
    // Single use: the same code is refused the second time.
    expect((await exchange(code)).status).toBe(401);
    // A made-up session, or none, is refused: it is the cookie that opens the API.
    expect((await invoke({ cookie: `${host.cookieName}=${'A'.repeat(43)}` })).status).toBe(401);
    expect((await invoke({})).status).toBe(401);
    // Cookies of another port's host are not ours.
    expect((await invoke({ cookie: cookie.replace(host.cookieName, 'klientdesk_1') })).status).toBe(401);
  });

  it('lets a code expire after a short while', async () => {
    const code = host.issueLaunchCode();
    clock += LAUNCH_CODE_TTL_MS + 1;
    expect((await exchange(code)).status).toBe(401);
    const fresh = host.issueLaunchCode();
    clock += LAUNCH_CODE_TTL_MS - 1;
    expect((await exchange(fresh)).status).toBe(200);
  });

  it('takes the code only as JSON from an allowed origin, and no code that was never issued', async () => {
    expect((await exchange(host.issueLaunchCode(), { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await exchange(host.issueLaunchCode(), { origin: 'http://localhost:8080' })).status).toBe(403);
    expect((await exchange('made-up-code')).status).toBe(401);
    expect((await exchange(undefined)).status).toBe(401);
    expect((await exchange(host.issueLaunchCode(), { origin: `http://127.0.0.1:${host.port}` })).status).toBe(200);
  });

  it('gives a new launch code to a client holding the secret, and to no one else', async () => {
    const post = (headers: Record<string, string>) =>
      send({ port: host.port, path: '/api/launch-code', method: 'POST', headers: { ...base(), ...headers }, body: '' });
    const withSecret = await post({ [SECRET_HEADER]: host.secret });
    expect(withSecret.status).toBe(200);
    const { code } = JSON.parse(withSecret.body) as { code: string };
    const cookie = cookieOf((await exchange(code)).headers['set-cookie']);
    // A browser session may use the app, but not mint codes for others.
    expect((await post({ cookie })).status).toBe(401);
    expect((await post({})).status).toBe(401);
  });
});

describe('a host secret given in the environment', () => {
  it('must carry at least 128 bits', async () => {
    expect(secretBits('a')).toBe(0);
    expect(secretBits('a'.repeat(64))).toBe(0);
    expect(secretBits('0123456789abcdef0123456789abcdef')).toBe(128);
    expect(secretBits('0123456789abcdef0123456789abcde')).toBeLessThan(128);
    const dispatch = createDispatcher({});
    const webRoot = tmpdir();
    for (const weak of ['a', 'short-secret', '0123456789abcdef0123456789abcde', 'pass word with spaces and more!']) {
      await expect(startHost({ dispatch, bus: createEventBus(), webRoot, secret: weak })).rejects.toThrow(/at least 128 random bits/);
    }
    const strong = await startHost({ dispatch, bus: createEventBus(), webRoot, secret: '3f9c1a7b5d2e8f4a6c0b9d1e7f3a5c8b' });
    await strong.close();
  });
});
