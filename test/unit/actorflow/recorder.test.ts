import { SignJWT, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Exchange as HttpExchange } from '../../../electron/platform/http/http-client';
import { ExchangeRecorder, worldTrafficMark, worldTrafficSince } from '../../../electron/features/actorflow/recorder';
import type { DemoWorldLike, TrafficEntry } from '../../../electron/features/actorflow/world';

const T0 = Date.parse('2026-11-24T10:00:00.000Z');

function call(overrides: Partial<HttpExchange>): HttpExchange {
  return {
    correlationId: 'c-1',
    service: 'maskinporten',
    method: 'POST',
    url: 'http://mp/token',
    attempt: 1,
    startedAt: T0,
    durationMs: 5,
    status: 200,
    willRetry: false,
    ...overrides,
  };
}

function entry(overrides: Partial<TrafficEntry>): TrafficEntry {
  return {
    id: 1,
    time: new Date(T0 + 1).toISOString(),
    service: 'altinn',
    method: 'GET',
    path: '/x',
    status: 200,
    durationMs: 1,
    correlationId: 'c-1',
    ...overrides,
  };
}

function worldWith(entries: TrafficEntry[]): DemoWorldLike {
  return {
    urls: { maskinporten: 'http://mp', idporten: 'http://id', altinn: 'http://altinn', skatteetaten: 'http://skd', admin: 'http://admin' },
    traffic: { list: (since = 0) => entries.filter((e) => e.id > since) },
  } as unknown as DemoWorldLike;
}

async function signedGrant(): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return new SignJWT({ scope: 's', authorization_details: [{ type: 'urn:altinn:systemuser' }] })
    .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
    .setJti('j-1')
    .sign(privateKey);
}

describe('the exchange recorder', () => {
  it('draws each call from the lane the app was acting as, and decodes the grant onto its token call', async () => {
    let id = 0;
    const recorder = new ExchangeRecorder('vendor', 0, () => ++id);
    const grant = await signedGrant();
    recorder.onGrantSigned(grant);
    recorder.onExchange(call({}));
    recorder.noteAccessToken(grant);
    recorder.actingAs = 'enduser';
    recorder.onExchange(call({ correlationId: 'c-2', service: 'altinn', url: 'http://altinn/agents', method: 'GET', startedAt: T0 + 10 }));
    const [token, altinn] = recorder.finish(null);
    expect(token).toMatchObject({ from: 'vendor', to: 'maskinporten', kind: 'app', id: 1 });
    expect(token!.decoded.map((d) => d.label)).toEqual(['request.assertion', 'response.access_token']);
    expect(token!.decoded[0]!.header).toEqual({ alg: 'RS256', kid: 'k1' });
    expect(token!.decoded[0]!.claims.jti).toBe('j-1');
    expect(JSON.stringify(token)).not.toContain(grant);
    expect(altinn).toMatchObject({ from: 'enduser', to: 'altinn', decoded: [] });
  });

  it('adds the world’s internal hops caused by this step’s calls, in time order, and nothing else', async () => {
    const traffic = [
      entry({ id: 1, correlationId: 'before', caller: 'maskinporten' }),
      entry({
        id: 2,
        service: 'maskinporten',
        path: '/token',
        correlationId: 'c-1',
        decodedJwt: [{ where: 'request.assertion', header: { alg: 'RS256' }, claims: { iss: 'seen-by-mp' } }],
      }),
      entry({
        id: 3,
        caller: 'maskinporten',
        path: '/authentication/api/v1/systemuser/byExternalId',
        correlationId: 'c-1',
        responseBody: { id: 'su' },
      }),
      entry({ id: 4, caller: 'skatteetaten', correlationId: 'someone-else' }),
    ];
    const world = worldWith(traffic);
    const recorder = new ExchangeRecorder('vendor', 1, () => 0);
    recorder.onExchange(call({}));
    const exchanges = recorder.finish(world, await worldTrafficSince(world, recorder.mark));
    expect(exchanges.map((e) => `${e.kind} ${e.from}->${e.to}`)).toEqual(['app vendor->maskinporten', 'internal maskinporten->altinn']);
    // What the service decoded wins over our own decoding.
    expect(exchanges[0]!.decoded[0]!.claims).toEqual({ iss: 'seen-by-mp' });
    expect(exchanges[1]!.url).toBe('http://altinn/authentication/api/v1/systemuser/byExternalId');
    expect(JSON.parse(exchanges[1]!.responseBody!)).toEqual({ id: 'su' });
  });

  it('marks the world’s log so a step reads only its own traffic', async () => {
    expect(await worldTrafficMark(null)).toBe(0);
    expect(await worldTrafficMark(worldWith([entry({ id: 7 }), entry({ id: 9 })]))).toBe(9);
  });
});
