import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../../electron/platform/errors';
import { parseRetryAfterMs, backoffDelayMs } from '../../../electron/platform/http/backoff';
import { createHttpClient, type Exchange } from '../../../electron/platform/http/http-client';
import { FakeClock, json, scriptedFetch, text } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('http client', () => {
  it('retries a 503 and honours Retry-After in seconds', async () => {
    const clock = new FakeClock();
    const fetch = scriptedFetch((_r, i) => (i === 0 ? text(503, 'busy', { 'Retry-After': '2' }) : json(200, { ok: true })));
    const http = createHttpClient({ fetch, clock });
    const res = await http.send({ service: 'altinn', method: 'GET', url: 'https://x.test/a' });
    expect(res.status).toBe(200);
    expect(res.attempts).toBe(2);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('retries a 429 and honours Retry-After as an HTTP date', async () => {
    const clock = new FakeClock();
    const at = new Date(clock.now() + 3000).toUTCString();
    const fetch = scriptedFetch((_r, i) => (i === 0 ? text(429, '', { 'Retry-After': at }) : json(200, {})));
    const res = await createHttpClient({ fetch, clock }).send({ service: 'skatteetaten', method: 'GET', url: 'https://x.test/a' });
    expect(res.status).toBe(200);
    expect(clock.sleeps[0]).toBeGreaterThanOrEqual(2000);
    expect(clock.sleeps[0]).toBeLessThanOrEqual(3000);
  });

  it('backs off exponentially with jitter when no Retry-After is sent, and gives up after maxAttempts', async () => {
    const clock = new FakeClock();
    const fetch = scriptedFetch(() => text(502, 'bad gateway'));
    const res = await createHttpClient({ fetch, clock, random: () => 1, backoff: { baseMs: 100, maxMs: 1000 } }).send({
      service: 'altinn',
      method: 'GET',
      url: 'https://x.test/a',
      maxAttempts: 4,
    });
    expect(res.status).toBe(502);
    expect(fetch.seen).toHaveLength(4);
    expect(clock.sleeps).toEqual([100, 200, 400]);
    expect(backoffDelayMs(1, { baseMs: 100, maxMs: 1000 }, () => 0)).toBe(50);
    expect(backoffDelayMs(10, { baseMs: 100, maxMs: 1000 }, () => 1)).toBe(1000);
  });

  it('does not retry a 400', async () => {
    const fetch = scriptedFetch(() => json(400, { code: 'X' }));
    const res = await createHttpClient({ fetch, clock: new FakeClock() }).send({
      service: 'altinn',
      method: 'GET',
      url: 'https://x.test/a',
    });
    expect(res.status).toBe(400);
    expect(fetch.seen).toHaveLength(1);
  });

  it('does not retry a POST unless it is marked idempotent, and calls the body factory per attempt', async () => {
    const clock = new FakeClock();
    const plain = scriptedFetch(() => text(503, ''));
    await createHttpClient({ fetch: plain, clock }).send({ service: 'altinn', method: 'POST', url: 'https://x.test/a', body: '{}' });
    expect(plain.seen).toHaveLength(1);

    let n = 0;
    const marked = scriptedFetch((_r, i) => (i < 2 ? text(503, '') : json(200, {})));
    await createHttpClient({ fetch: marked, clock }).send({
      service: 'maskinporten',
      method: 'POST',
      url: 'https://x.test/token',
      idempotent: true,
      body: () => `grant=${++n}`,
    });
    expect(marked.seen.map((r) => r.body)).toEqual(['grant=1', 'grant=2', 'grant=3']);
  });

  it('fires the timeout and reports it as a typed error', async () => {
    const hanging = ((_u: unknown, init?: RequestInit) =>
      new Promise((_res, rej) =>
        init?.signal?.addEventListener('abort', () => rej(new DOMException('aborted', 'AbortError'))),
      )) as typeof fetch;
    const error = await createHttpClient({ fetch: hanging, clock: new FakeClock() })
      .send({ service: 'skatteetaten', method: 'GET', url: 'https://x.test/a', timeoutMs: 30, maxAttempts: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('TIMEOUT');
    expect((error as ServiceError).retryable).toBe(true);
  });

  it('puts one X-Correlation-ID on every attempt of a call and reports redacted exchanges', async () => {
    const exchanges: Exchange[] = [];
    const fetch = scriptedFetch((_r, i) =>
      i === 0 ? text(503, '') : json(200, { access_token: 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln' }),
    );
    const res = await createHttpClient({ fetch, clock: new FakeClock(), onExchange: (e) => exchanges.push(e) }).send({
      service: 'maskinporten',
      method: 'POST',
      url: 'https://x.test/token',
      idempotent: true,
      body: 'grant_type=x&assertion=eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln',
      operation: 'token',
    });
    const ids = fetch.seen.map((r) => r.headers['x-correlation-id']);
    expect(ids[0]).toMatch(UUID);
    expect(ids[1]).toBe(ids[0]);
    expect(res.correlationId).toBe(ids[0]);
    expect(exchanges.map((e) => [e.status, e.willRetry])).toEqual([
      [503, true],
      [200, false],
    ]);
    expect(JSON.stringify(exchanges)).not.toContain('eyJzdWIiOiJ4In0');
    expect(exchanges[1]!.operation).toBe('token');
  });

  describe('against a real socket', () => {
    let server: Server;
    let base: string;
    let hits = 0;
    beforeAll(async () => {
      server = createServer((req, res) => {
        hits++;
        // The first request's connection is dropped without an answer.
        if (hits === 1) return req.socket.destroy();
        res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"ok":true}');
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('retries a GET whose connection was dropped', async () => {
      const res = await createHttpClient({ backoff: { baseMs: 1, maxMs: 5 } }).send({ service: 'altinn', method: 'GET', url: `${base}/x` });
      expect(res.status).toBe(200);
      expect(res.attempts).toBe(2);
    });
  });
});

describe('the logged body of a large answer', () => {
  it('redacts a token that straddles the clip, keeps the whole body for the caller and reports its full length', async () => {
    const token = `eyJhbGciOiJSUzI1NiJ9.${'eyJzdWIiOiJ4In0'.repeat(40)}.c2ln`;
    // The token starts just before the 8,000 characters the log keeps; the body runs on for 300,000 more.
    const body = `${'a'.repeat(7_950)} ${token} ${'b'.repeat(300_000)}`;
    const exchanges: Exchange[] = [];
    const fetch = scriptedFetch(() => text(200, body));
    const res = await createHttpClient({ fetch, clock: new FakeClock(), onExchange: (e) => exchanges.push(e) }).send({
      service: 'altinn',
      method: 'GET',
      url: 'https://x.test/clients',
    });
    expect(res.bodyText).toBe(body);
    const logged = exchanges[0]!.responseBody!;
    expect(logged).not.toContain('eyJzdWIiOiJ4In0');
    expect(logged.endsWith(`… (${Buffer.byteLength(body)} bytes)`)).toBe(true);
    expect(logged.length).toBeLessThan(8_100);
  });
});

describe('the body of an answer', () => {
  it('is there as the bytes that arrived until it is first read as text, which then lets the bytes go', async () => {
    const body = '{"name":"FJELLBEKK RØRLEGGERSERVICE"}';
    const res = await createHttpClient({ fetch: scriptedFetch(() => text(200, body)), clock: new FakeClock() }).send({
      service: 'altinn',
      method: 'GET',
      url: 'https://x.test/clients',
    });
    expect(Buffer.from(res.bodyBytes!).toString('utf8')).toBe(body);
    expect(res.bodyText).toBe(body);
    expect(res.bodyBytes).toBeUndefined();
    expect(res.bodyText).toBe(body);
  });
});

describe('Retry-After', () => {
  it('parses delta seconds and HTTP dates, ignores garbage', () => {
    expect(parseRetryAfterMs('5', 0)).toBe(5000);
    expect(parseRetryAfterMs('Wed, 21 Oct 2015 07:28:05 GMT', Date.parse('Wed, 21 Oct 2015 07:28:00 GMT'))).toBe(5000);
    expect(parseRetryAfterMs('soon', 0)).toBeUndefined();
    expect(parseRetryAfterMs(null, 0)).toBeUndefined();
  });
});
