import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../../shared/contract/actorflow';
import { insightsFrom } from '../../../electron/features/actorflow/insights';

const internal = (url: string, status: number, responseBody: string): Exchange => ({
  id: 1,
  startedAt: '',
  kind: 'internal',
  from: 'skatteetaten',
  to: 'altinn',
  operation: null,
  method: 'POST',
  url,
  status,
  durationMs: 1,
  correlationId: null,
  error: null,
  requestBody: null,
  responseBody,
  decoded: [],
});

describe('insights from internal hops', () => {
  it('reads the PDP decision behind a Skatteetaten answer', () => {
    const pdp = internal('http://a/authorization/api/v1/authorize', 200, '{"Response":[{"Decision":"NotApplicable"}]}');
    expect(insightsFrom([pdp])).toEqual([{ key: 'pdpDecision', value: 'NotApplicable' }]);
  });

  it('says which system user Maskinporten found, or the status when it found none', () => {
    const found = internal('http://a/authentication/api/v1/systemuser/byExternalId?clientId=x', 200, '{"id":"su-1"}');
    const missed = internal('http://a/authentication/api/v1/systemuser/byExternalId?clientId=x', 404, '');
    expect(insightsFrom([found, missed])).toEqual([
      { key: 'systemUserLookup', value: 'su-1' },
      { key: 'systemUserLookup', value: '404' },
    ]);
  });

  it('ignores the app’s own calls', () => {
    expect(
      insightsFrom([{ ...internal('http://a/authorization/api/v1/authorize', 200, '{"Response":[{"Decision":"Permit"}]}'), kind: 'app' }]),
    ).toEqual([]);
  });
});
