import { describe, expect, it } from 'vitest';
import type { KeyInfo } from '../../../shared/contract/keys';
import { expiryWarnings, jwksToUpload } from '../../../renderer/src/views/settings/key-expiry';

const key = (kid: string, expiresAt: string, status: KeyInfo['status'] = 'active'): KeyInfo => ({
  kid,
  environment: 'test',
  createdAt: '2025-12-01T00:00:00.000Z',
  expiresAt,
  status,
  signing: status === 'active',
  publicJwk: { kty: 'RSA', n: `n-${kid}`, e: 'AQAB', kid, alg: 'RS256', use: 'sig' },
});

describe('key expiry warnings', () => {
  const now = new Date('2026-11-24T12:00:00Z');

  it('warns 30 days ahead and for expired keys, never for retired ones', () => {
    const keys = [
      key('far', '2027-06-01T00:00:00Z'),
      key('soon', '2026-12-20T00:00:00Z'),
      key('edge', '2026-12-24T12:00:00Z'),
      key('gone', '2026-11-01T00:00:00Z'),
      key('retired-soon', '2026-12-01T00:00:00Z', 'retired'),
    ];
    expect(expiryWarnings(keys, now)).toEqual([
      { kid: 'soon', expiresAt: '2026-12-20T00:00:00Z', expired: false },
      { kid: 'edge', expiresAt: '2026-12-24T12:00:00Z', expired: false },
      { kid: 'gone', expiresAt: '2026-11-01T00:00:00Z', expired: true },
    ]);
  });

  it('puts every active and pending key in the JWKS to upload', () => {
    const jwks = jwksToUpload([
      key('a', '2027-01-01T00:00:00Z'),
      key('b', '2027-01-01T00:00:00Z', 'pending'),
      key('c', '2027-01-01T00:00:00Z', 'retired'),
    ]);
    expect(jwks.keys.map((k) => k.kid)).toEqual(['a', 'b']);
  });
});
