// Test-side helpers for the demo world, written independently of the app (electron/core): they sign
// Maskinporten grants with jose and drive the ID-porten stand-in the way a browser would.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';

export interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JWK & { kid: string };
}

export async function generateTestKey(kid: string): Promise<TestKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048 });
  const jwk = await exportJWK(publicKey);
  return { kid, privateKey, publicJwk: { ...jwk, kid, alg: 'RS256', use: 'sig' } };
}

export interface GrantOptions {
  clientId: string;
  audience: string;
  scope?: string;
  /** Seconds since epoch; default now. */
  iat?: number;
  lifetime?: number;
  jti?: string;
  authorizationDetails?: unknown;
  kid?: string;
  extraClaims?: Record<string, unknown>;
  extraHeader?: Record<string, unknown>;
}

export async function signGrant(key: TestKey, o: GrantOptions): Promise<string> {
  const iat = o.iat ?? Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { ...o.extraClaims };
  if (o.scope !== undefined) claims.scope = o.scope;
  if (o.authorizationDetails !== undefined) claims.authorization_details = o.authorizationDetails;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? key.kid, ...o.extraHeader })
    .setIssuer(o.clientId)
    .setAudience(o.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + (o.lifetime ?? 60))
    .setJti(o.jti ?? randomUUID())
    .sign(key.privateKey);
}

export const systemUserDetails = (ownerOrgNo: string, externalRef?: string) => [
  {
    type: 'urn:altinn:systemuser',
    systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${ownerOrgNo}` },
    ...(externalRef !== undefined ? { externalRef } : {}),
  },
];

export function postToken(tokenEndpoint: string, assertion: string): Promise<Response> {
  return fetch(tokenEndpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', assertion }).toString(),
  });
}

/** `adminSecret` is the world's admin bearer secret (`world.adminSecret`); the admin API refuses calls without it. */
export async function registerKey(adminUrl: string, clientId: string, jwk: JWK, adminSecret?: string): Promise<void> {
  const res = await fetch(`${adminUrl}/jwks`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(adminSecret ? { authorization: `Bearer ${adminSecret}` } : {}) },
    body: JSON.stringify({ clientId, jwk }),
  });
  if (res.status !== 200) throw new Error(`register key: ${res.status} ${await res.text()}`);
}

/** Fetches a Maskinporten token; throws with the error body when the world refuses. */
export async function maskinportenToken(
  key: TestKey,
  o: { maskinporten: string; clientId: string; scope: string; authorizationDetails?: unknown },
): Promise<string> {
  const assertion = await signGrant(key, {
    clientId: o.clientId,
    audience: `${o.maskinporten}/`,
    scope: o.scope,
    authorizationDetails: o.authorizationDetails,
  });
  const res = await postToken(`${o.maskinporten}/token`, assertion);
  const body = (await res.json()) as { access_token?: string };
  if (res.status !== 200 || !body.access_token) throw new Error(`token: ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

export function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

export interface LoginOptions {
  idporten: string;
  clientId: string;
  pid: string;
  scope: string;
  redirectUri?: string;
}

/** What a browser does: GET /authorize, POST the login form with `pid`, follow nothing, read Location. */
export async function loginCode(
  o: LoginOptions,
  challenge: string,
  state: string = randomUUID(),
): Promise<{ code: string; state: string; redirectUri: string }> {
  const redirectUri = o.redirectUri ?? 'http://127.0.0.1:53682/callback';
  const params = {
    response_type: 'code',
    client_id: o.clientId,
    redirect_uri: redirectUri,
    scope: o.scope,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  };
  const page = await fetch(`${o.idporten}/authorize?${new URLSearchParams(params)}`);
  if (page.status !== 200) throw new Error(`authorize: ${page.status}`);
  await page.text();
  const login = await fetch(`${o.idporten}/authorize/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...params, pid: o.pid }).toString(),
    redirect: 'manual',
  });
  const location = new URL(login.headers.get('location') ?? '');
  return { code: location.searchParams.get('code') ?? '', state: location.searchParams.get('state') ?? '', redirectUri };
}

export async function idportenToken(o: LoginOptions): Promise<string> {
  const { verifier, challenge } = pkcePair();
  const { code, redirectUri } = await loginCode(o, challenge);
  const res = await fetch(`${o.idporten}/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      client_id: o.clientId,
      code_verifier: verifier,
    }).toString(),
  });
  const body = (await res.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`idporten token: ${res.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

export async function exchangeToken(altinn: string, provider: 'id-porten' | 'maskinporten', token: string): Promise<string> {
  const res = await fetch(`${altinn}/authentication/api/v1/exchange/${provider}`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`exchange: ${res.status}`);
  return (await res.text()).trim();
}

export const decodePayload = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
