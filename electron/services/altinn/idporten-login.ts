// The client administrator's ID-porten login: authorization code with PKCE, the system browser, and a
// loopback redirect (RFC 8252). Opening the browser is injected because only Electron's main can do it.
import { LocalCodes, ServiceError } from '../../platform/errors';
import { postForm } from '../../platform/http/form';
import type { HttpClient } from '../../platform/http/http-client';
import { parseJsonOrUndefined, readIfFits } from '../../platform/http/lenient-json';
import { redactText } from '../../platform/http/redact';
import { openLoopbackRedirect } from './loopback-redirect';
import { createPkce, randomState, type PkcePair } from './pkce';
import { idportenTokenResponseSchema } from './schemas';

export interface IdportenEndpoints {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
}

export interface IdportenClient {
  clientId: string;
  scopes: readonly string[];
}

export interface IdportenTokens {
  accessToken: string;
  idToken?: string;
  expiresInSeconds?: number;
  scope?: string;
}

export interface AuthorizationRequest {
  url: string;
  state: string;
  pkce: PkcePair;
  redirectUri: string;
}

export function buildAuthorizationRequest(endpoints: IdportenEndpoints, client: IdportenClient, redirectUri: string): AuthorizationRequest {
  const pkce = createPkce();
  const state = randomState();
  const url = new URL(endpoints.authorizationEndpoint);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: client.clientId,
    redirect_uri: redirectUri,
    scope: client.scopes.join(' '),
    state,
    nonce: randomState(),
    code_challenge: pkce.challenge,
    code_challenge_method: pkce.method,
    acr_values: 'idporten-loa-substantial',
    ui_locales: 'nb',
  }).toString();
  return { url: url.toString(), state, pkce, redirectUri };
}

/** Checks the redirect's state and error parameters and returns the authorization code. */
export function codeFromAuthorizationResponse(params: URLSearchParams, expectedState: string): string {
  const error = params.get('error');
  if (error) {
    const cancelled = error === 'access_denied';
    throw new ServiceError({
      service: 'idporten',
      code: cancelled ? LocalCodes.LoginCancelled : LocalCodes.LoginFailed,
      message: cancelled ? 'The login was cancelled.' : `ID-porten refused the login (${error}).`,
      remoteMessage: params.get('error_description') ?? undefined,
    });
  }
  if (params.get('state') !== expectedState) {
    // Another tab or a forged redirect: never exchange a code we did not ask for.
    throw new ServiceError({
      service: 'idporten',
      code: LocalCodes.LoginFailed,
      message: 'The login answer did not match the login that was started.',
    });
  }
  const code = params.get('code');
  if (!code)
    throw new ServiceError({ service: 'idporten', code: LocalCodes.LoginFailed, message: 'ID-porten returned no authorization code.' });
  return code;
}

export async function exchangeAuthorizationCode(
  http: HttpClient,
  endpoints: IdportenEndpoints,
  client: IdportenClient,
  request: AuthorizationRequest,
  code: string,
): Promise<IdportenTokens> {
  const res = await postForm(http, {
    service: 'idporten',
    operation: 'code exchange',
    url: endpoints.tokenEndpoint,
    accept: 'application/json',
    form: {
      grant_type: 'authorization_code',
      code,
      redirect_uri: request.redirectUri,
      client_id: client.clientId,
      code_verifier: request.pkce.verifier,
    },
  });
  // A body that does not fit is read as no token, which is the refusal below.
  const body = readIfFits(idportenTokenResponseSchema, parseJsonOrUndefined(res.bodyText));
  const accessToken = body?.access_token;
  if (!res.ok || !accessToken) {
    const error = body?.error;
    throw new ServiceError({
      service: 'idporten',
      code: error ?? LocalCodes.LoginFailed,
      status: res.status,
      correlationId: res.correlationId,
      message: `ID-porten did not issue a token${error ? ` (${error})` : ''}.`,
      remoteMessage: body?.error_description !== undefined ? redactText(body.error_description) : undefined,
    });
  }
  return { accessToken, idToken: body?.id_token, expiresInSeconds: body?.expires_in, scope: body?.scope };
}

export interface SystemBrowserLoginOptions {
  http: HttpClient;
  endpoints: IdportenEndpoints;
  client: IdportenClient;
  openExternal: (url: string) => void | Promise<void>;
  timeoutMs?: number;
  signal?: AbortSignal;
}

export async function loginWithSystemBrowser(options: SystemBrowserLoginOptions): Promise<IdportenTokens> {
  const loopback = await openLoopbackRedirect({ timeoutMs: options.timeoutMs ?? 5 * 60_000, signal: options.signal });
  try {
    const request = buildAuthorizationRequest(options.endpoints, options.client, loopback.redirectUri);
    await options.openExternal(request.url);
    const code = codeFromAuthorizationResponse(await loopback.response, request.state);
    return await exchangeAuthorizationCode(options.http, options.endpoints, options.client, request, code);
  } finally {
    await loopback.close();
  }
}
