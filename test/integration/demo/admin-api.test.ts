// The admin API and the services refuse what a browser page or a rebinding name could send them.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoWorld } from '../../../electron/demo/index';
import { generateTestKey, registerKey } from '../../helpers/demo-grants';
import { startTestWorld, VENDOR_CLIENT_ID, type TestWorld } from './world-fixture';

/** A raw request, so the Host header can be anything (fetch always sends the URL's own). */
function rawGet(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

let t: TestWorld;
beforeAll(async () => {
  t = await startTestWorld({ clients: 30 });
});
afterAll(() => t.close());

describe('admin secret', () => {
  it('draws a random 256-bit secret and answers /info only with it', async () => {
    expect(t.world.adminSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const ok = await t.admin('/info');
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { urls: unknown }).urls).toEqual(t.world.urls);
    const none = await fetch(`${t.world.urls.admin}/info`);
    expect(none.status).toBe(401);
    expect(await none.json()).toEqual({ error: expect.stringContaining('Bearer') });
    const wrong = await fetch(`${t.world.urls.admin}/info`, { headers: { authorization: `Bearer ${t.world.adminSecret}x` } });
    expect(wrong.status).toBe(401);
  });

  it('refuses a key registration without the secret, as a page on another loopback port would send it', async () => {
    const key = await generateTestKey('intruder-1');
    const res = await fetch(`${t.world.urls.admin}/jwks`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ clientId: VENDOR_CLIENT_ID, jwk: key.publicJwk }),
    });
    expect(res.status).toBe(401);
    await expect(registerKey(t.world.urls.admin, VENDOR_CLIENT_ID, key.publicJwk)).rejects.toThrow('401');
  });

  it('takes a given secret and refuses a short one', async () => {
    const secret = 'a-long-enough-admin-secret-0123456789';
    const world = await startDemoWorld({ port: 0, quiet: true, clients: 20, adminSecret: secret });
    try {
      expect(world.adminSecret).toBe(secret);
      expect((await fetch(`${world.urls.admin}/info`, { headers: { authorization: `Bearer ${secret}` } })).status).toBe(200);
    } finally {
      await world.close();
    }
    await expect(startDemoWorld({ port: 0, quiet: true, clients: 20, adminSecret: 'short' })).rejects.toThrow('at least 22');
  });
});

describe('JSON only', () => {
  it('answers 415 to a body that is not application/json, even with the secret', async () => {
    const res = await t.admin('/clock', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: '{"advanceSeconds":1}' });
    expect(res.status).toBe(415);
    const form = await t.admin('/reset', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'preset=start',
    });
    expect(form.status).toBe(415);
    expect((await t.admin('/clock', { method: 'POST', body: '{"advanceSeconds":0}' })).status).toBe(200);
  });
});

describe('Host header (DNS rebinding)', () => {
  it('every service and the admin API answer 421 to a Host that is not their own loopback name and port', async () => {
    const secret = { authorization: `Bearer ${t.world.adminSecret}` };
    for (const [name, base] of Object.entries(t.world.urls)) {
      const port = new URL(base).port;
      const path = name === 'admin' ? '/info' : '/';
      expect(await rawGet(`${base}${path}`, { ...secret, host: `evil.example:${port}` }), name).toBe(421);
      expect(await rawGet(`${base}${path}`, { ...secret, host: '127.0.0.1:1' }), name).toBe(421);
      expect(await rawGet(`${base}${path}`, { ...secret, host: `localhost:${port}` }), name).not.toBe(421);
      expect(await rawGet(`${base}${path}`, { ...secret, host: `[::1]:${port}` }), name).not.toBe(421);
    }
  });
});
