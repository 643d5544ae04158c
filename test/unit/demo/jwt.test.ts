// The demo world decodes tokens with jose, and stays as strict as the real services about their shape.
import { describe, expect, it } from 'vitest';
import { decodeJwt, generateSigningKey, signJwt } from '../../../electron/demo/jwt';

const b64 = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('the demo world’s JWT decoding', () => {
  it('reads the header and claims of a signed token', async () => {
    const key = await generateSigningKey('kid-1');
    const token = await signJwt(key, { iss: 'https://mp.test/', scope: 'a b' });
    expect(decodeJwt(token)).toEqual({
      header: { alg: 'RS256', kid: 'kid-1' },
      claims: { iss: 'https://mp.test/', scope: 'a b' },
    });
  });

  it('refuses what the real services refuse: no alg, JWE, a payload that is not an object, stray characters', () => {
    expect(decodeJwt(`${b64({ typ: 'JWT' })}.${b64({ a: 1 })}.sig`)).toBeNull();
    expect(decodeJwt(`${b64({ alg: 'RSA-OAEP' })}.key.iv.text.tag`)).toBeNull();
    expect(decodeJwt(`${b64({ alg: 'RS256' })}.${b64(['list'])}.sig`)).toBeNull();
    expect(decodeJwt(`${b64({ alg: 'RS256' })}.${b64({ a: 1 })}.si g`)).toBeNull();
    expect(decodeJwt(`${b64({ alg: 'RS256' })}.bm90IGpzb24.sig`)).toBeNull();
    expect(decodeJwt(`${b64({ alg: 'RS256' })}.${b64({ a: 1 })}.sig`)).toEqual({ header: { alg: 'RS256' }, claims: { a: 1 } });
  });
});
