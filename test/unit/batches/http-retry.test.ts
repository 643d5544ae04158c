// The HTTP layer's retry policy for writes, and the one hold per service that every slot respects.
import { describe, expect, it } from 'vitest';
import { createHttpClient, NOT_SENT_CODE } from '../../../electron/platform/http/http-client';
import { FakeClock, json, scriptedFetch, text } from '../core/helpers';

const refused = (): never => {
  throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
};
const reset = (): never => {
  throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }) });
};

describe('writes after an unknown outcome', () => {
  it('does not resend an idempotent POST whose connection dropped after it was sent', async () => {
    const fetch = scriptedFetch(reset);
    const http = createHttpClient({ fetch, clock: new FakeClock() });
    await expect(http.send({ service: 'altinn', method: 'POST', url: 'https://x.test/clients', idempotent: true })).rejects.toMatchObject({
      code: 'NETWORK',
    });
    expect(fetch.seen).toHaveLength(1);
  });

  it('does not resend a DELETE that timed out', async () => {
    const fetch = (async (_url: string, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
      )) as typeof globalThis.fetch;
    let calls = 0;
    const counting = (async (url: string, init?: RequestInit) => {
      calls++;
      return fetch(url, init);
    }) as typeof globalThis.fetch;
    const http = createHttpClient({ fetch: counting, clock: new FakeClock(), defaultTimeoutMs: 20 });
    await expect(http.send({ service: 'altinn', method: 'DELETE', url: 'https://x.test/clients' })).rejects.toMatchObject({
      code: 'TIMEOUT',
    });
    expect(calls).toBe(1);
  });

  it('still retries a GET whose connection dropped', async () => {
    const fetch = scriptedFetch((_r, i) => (i === 0 ? reset() : json(200, {})));
    const res = await createHttpClient({ fetch, clock: new FakeClock() }).send({
      service: 'altinn',
      method: 'GET',
      url: 'https://x.test/a',
    });
    expect(res.status).toBe(200);
    expect(fetch.seen).toHaveLength(2);
  });

  it('resends a write that provably never arrived (connection refused), and names it as not sent', async () => {
    const ok = scriptedFetch((_r, i) => (i === 0 ? refused() : json(200, {})));
    const res = await createHttpClient({ fetch: ok, clock: new FakeClock() }).send({
      service: 'altinn',
      method: 'POST',
      url: 'https://x.test/clients',
      idempotent: true,
    });
    expect(res.status).toBe(200);
    expect(ok.seen).toHaveLength(2);
    const never = scriptedFetch(refused);
    await expect(
      createHttpClient({ fetch: never, clock: new FakeClock() }).send({
        service: 'altinn',
        method: 'DELETE',
        url: 'https://x.test/c',
        maxAttempts: 2,
      }),
    ).rejects.toMatchObject({ code: NOT_SENT_CODE });
  });

  it('resends a write that was turned away (503) but not one answered with a 502', async () => {
    const turned = scriptedFetch((_r, i) => (i === 0 ? text(503, 'busy') : json(200, {})));
    expect(
      (
        await createHttpClient({ fetch: turned, clock: new FakeClock() }).send({
          service: 'altinn',
          method: 'DELETE',
          url: 'https://x.test/c',
        })
      ).status,
    ).toBe(200);
    const gateway = scriptedFetch(() => text(502, 'bad gateway'));
    expect(
      (
        await createHttpClient({ fetch: gateway, clock: new FakeClock() }).send({
          service: 'altinn',
          method: 'DELETE',
          url: 'https://x.test/c',
        })
      ).status,
    ).toBe(502);
    expect(gateway.seen).toHaveLength(1);
  });
});

describe('the hold per service', () => {
  it('holds back every caller of the service after a 429 with Retry-After, not only the one that got it', async () => {
    const clock = new FakeClock();
    const times: number[] = [];
    const fetch = scriptedFetch((_r, i) => {
      times.push(clock.now());
      return i === 0 ? text(429, '', { 'Retry-After': '3' }) : json(200, {});
    });
    const http = createHttpClient({ fetch, clock, maxRetryAfterMs: 10_000 });
    await http.send({ service: 'altinn', method: 'POST', url: 'https://x.test/a', idempotent: true, maxAttempts: 1 });
    const refusedAt = clock.now();
    expect(http.holdUntil?.('altinn')).toBe(refusedAt + 3000);
    // Another slot's call, and a call to another service.
    await http.send({ service: 'altinn', method: 'GET', url: 'https://x.test/b' });
    expect(times[1]).toBe(refusedAt + 3000);
    expect(http.holdUntil?.('skatteetaten')).toBeNull();
  });

  it('holds the service after a run of 503s without Retry-After', async () => {
    const clock = new FakeClock();
    const fetch = scriptedFetch(() => text(503, 'down'));
    const http = createHttpClient({ fetch, clock, random: () => 1, backoff: { baseMs: 400, maxMs: 4000 } });
    for (let i = 0; i < 2; i++) await http.send({ service: 'altinn', method: 'POST', url: 'https://x.test/a', maxAttempts: 1 });
    expect(http.holdUntil?.('altinn')).toBeNull();
    await http.send({ service: 'altinn', method: 'POST', url: 'https://x.test/a', maxAttempts: 1 });
    expect(http.holdUntil?.('altinn')).toBe(clock.now() + 400);
  });
});
