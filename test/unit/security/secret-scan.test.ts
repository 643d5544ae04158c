// The scanner the secrets suite relies on must catch what it claims to catch, or a clean scan means nothing.
// Each case plants a real secret (a signed JWT, a PEM, a private JWK) and shows the scanner finds it, and that
// the app's redaction is what makes the same text pass: without it, the suite would fail.
import { generateKeyPairSync } from 'node:crypto';
import { exportJWK, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { redactText, redactValue } from '../../../electron/platform/http/redact';
import { scanBytes, scanText } from '../../helpers/secret-scan';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
const signedJwt = (): Promise<string> =>
  new SignJWT({ scope: 'skatteetaten:kravogbetalinger' }).setProtectedHeader({ alg: 'RS256', kid: 'k1' }).setIssuedAt().sign(privateKey);

const kinds = (text: string, known: string[] = []): string[] => scanText('t', text, known).map((f) => f.kind);

describe('the secret scanner', () => {
  it('finds a planted token, PEM, private JWK and token answer', async () => {
    const jwt = await signedJwt();
    expect(kinds(`log line: Bearer ${jwt}`)).toContain('compact JWT');
    expect(kinds(`error: could not read ${pem}`)).toContain('PEM block');
    expect(kinds(JSON.stringify(await exportJWK(privateKey)))).toContain('JWK private member "d"');
    expect(kinds(JSON.stringify({ access_token: jwt, expires_in: 120 }))).toContain('access_token field with a JWT');
    expect(kinds(`grant_type=jwt-bearer&access_token=${jwt}`)).toContain('access_token field with a JWT');
  });

  it('finds a planted token in binary data, as in a SQLite page', async () => {
    const jwt = await signedJwt();
    const page = Buffer.concat([Buffer.from([0x0d, 0x00, 0x00, 0x01, 0xff]), Buffer.from(jwt), Buffer.alloc(32)]);
    expect(scanBytes('page', page).map((f) => f.kind)).toContain('compact JWT');
  });

  it('finds a known secret by value, or by its signature alone, even when it does not look like one', async () => {
    const jwt = await signedJwt();
    const signature = jwt.split('.')[2]!;
    expect(kinds(`…${signature}…`, [jwt])).toEqual(['known live secret']);
    expect(kinds('opaque-token-value-1234567890', ['opaque-token-value-1234567890'])).toEqual(['known live secret']);
  });

  it('passes what the app shows on purpose: a public JWK, decoded claims, redacted bodies', async () => {
    const publicJwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
    expect(kinds(JSON.stringify(publicJwk))).toEqual([]);
    expect(kinds(JSON.stringify({ header: { alg: 'RS256', kid: 'k1' }, claims: { scope: 'x', iat: 1 } }))).toEqual([]);
    expect(kinds('{"access_token":"[REDACTED]","expires_in":120}')).toEqual([]);
  });

  it('would fail the suite without the app’s redaction: the raw texts are caught, the redacted ones pass', async () => {
    const jwt = await signedJwt();
    const privateJwk = { ...(await exportJWK(privateKey)), kid: 'k1' };
    const raw = [
      `grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Ajwt-bearer&assertion=${jwt}`,
      JSON.stringify({ access_token: jwt, token_type: 'Bearer', expires_in: 120 }),
      `Authorization: Bearer ${jwt}`,
      `The key could not be read: ${pem}`,
      JSON.stringify(privateJwk),
    ];
    for (const text of raw) {
      expect(kinds(text, [jwt]).length, text.slice(0, 40)).toBeGreaterThan(0);
      expect(kinds(redactText(text), [jwt]), text.slice(0, 40)).toEqual([]);
    }
    expect(kinds(JSON.stringify(redactValue(privateJwk)))).toEqual([]);
  });
});
