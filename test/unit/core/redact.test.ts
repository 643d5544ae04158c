import { describe, expect, it } from 'vitest';
import { redactHeaders, redactText, redactValue, REDACTED } from '../../../electron/platform/http/redact';

const JWT = 'eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.eyJpc3MiOiJ4In0.c2lnbmF0dXJlLXBhcnQ';

describe('redact', () => {
  it('removes JWTs, bearer tokens and PEM blocks from text', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg\n-----END PRIVATE KEY-----';
    const out = redactText(`token ${JWT} and Authorization: Bearer abc.def-ghi and ${pem} end`);
    expect(out).not.toContain('eyJhbGci');
    expect(out).not.toContain('abc.def-ghi');
    expect(out).not.toContain('MIIEvQ');
    expect(out).toContain('end');
  });

  it('removes secret form fields but keeps the others', () => {
    const out = redactText(`grant_type=urn%3Aietf&assertion=${JWT}&client_id=abc`);
    expect(out).toBe(`grant_type=urn%3Aietf&assertion=${REDACTED}&client_id=abc`);
    expect(redactText('https://x/cb?code=SECRETCODE&state=s1')).toBe(`https://x/cb?code=${REDACTED}&state=s1`);
    expect(redactText('code_verifier=v3r1f13r&x=1')).toBe(`code_verifier=${REDACTED}&x=1`);
  });

  it('removes token fields and private JWK members from JSON text, keeping error codes', () => {
    const body = JSON.stringify({ access_token: 'opaque-token', expires_in: 120, code: 'AUTH-00080' });
    const out = redactText(body);
    expect(out).not.toContain('opaque-token');
    expect(out).toContain('AUTH-00080');
    expect(out).toContain('120');
    const jwk = redactText(JSON.stringify({ kty: 'RSA', n: 'modulus', e: 'AQAB', d: 'private-exponent', p: 'pp', qi: 'qq' }));
    expect(jwk).not.toMatch(/private-exponent|"pp"|"qq"/);
    expect(jwk).toContain('modulus');
  });

  it('redacts values deeply and headers by name', () => {
    const v = redactValue({ nested: { access_token: 'x', list: [JWT] }, jwk: { kty: 'RSA', d: 'secret', n: 'n' }, keep: 'plain' });
    expect(v).toEqual({ nested: { access_token: REDACTED, list: [REDACTED] }, jwk: { kty: 'RSA', d: REDACTED, n: 'n' }, keep: 'plain' });
    expect(redactHeaders({ Authorization: 'Bearer x', 'Ocp-Apim-Subscription-Key': 'k', Accept: 'application/json' })).toEqual({
      Authorization: REDACTED,
      'Ocp-Apim-Subscription-Key': REDACTED,
      Accept: 'application/json',
    });
  });
});
