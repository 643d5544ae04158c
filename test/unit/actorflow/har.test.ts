import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../shared/contract/actorflow';
import { toHar } from '../../../electron/features/actorflow/har';

const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJlLXBhcnQ';

function exchange(overrides: Partial<Exchange> = {}): Exchange {
  return {
    id: 1,
    startedAt: '2026-11-24T10:00:00.000Z',
    kind: 'app',
    from: 'vendor',
    to: 'maskinporten',
    operation: 'token',
    method: 'POST',
    url: 'http://127.0.0.1:1/token?x=1',
    status: 200,
    durationMs: 12,
    correlationId: 'c-1',
    error: null,
    requestBody: 'grant_type=jwt&assertion=abc',
    responseBody: '{"access_token":"abc","expires_in":120}',
    decoded: [{ label: 'response.access_token', header: { alg: 'RS256' }, claims: { scope: 'skatteetaten:kravogbetalinger' } }],
    ...overrides,
  };
}

describe('the HAR export', () => {
  it('is HAR 1.2 with one entry per exchange, who called whom and the decoded claims', () => {
    const har = JSON.parse(
      toHar([exchange(), exchange({ id: 2, kind: 'internal', from: 'maskinporten', to: 'altinn', method: 'GET', requestBody: null })], {
        creatorVersion: '1',
        environment: 'demo',
      }),
    );
    expect(har.log.version).toBe('1.2');
    expect(har.log.entries).toHaveLength(2);
    expect(har.log.entries[0].request.queryString).toEqual([{ name: 'x', value: '1' }]);
    expect(har.log.entries[0].request.postData.mimeType).toBe('application/x-www-form-urlencoded');
    expect(har.log.entries[0].response.content.mimeType).toBe('application/json');
    expect(har.log.entries[1]).toMatchObject({ _from: 'maskinporten', _to: 'altinn', _kind: 'internal' });
    expect(har.log.entries[1].request.postData).toBeUndefined();
    expect(har.log.entries[0]._decodedJwt[0].claims.scope).toBe('skatteetaten:kravogbetalinger');
  });

  it('redacts again whatever secret slipped into a body, a URL or an error', () => {
    const leaky = exchange({
      url: `http://127.0.0.1:1/cb?code=secret-code&state=s`,
      requestBody: `assertion=${JWT}`,
      responseBody: `{"access_token":"${JWT}","d":"private-exponent"}`,
      error: `-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----`,
    });
    const text = toHar([leaky], { creatorVersion: '1', environment: 'demo' });
    expect(text).not.toContain(JWT);
    expect(text).not.toContain('secret-code');
    expect(text).not.toContain('private-exponent');
    expect(text).not.toContain('PRIVATE KEY');
  });
});
