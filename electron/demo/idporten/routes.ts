// ID-porten stand-in: authorization code + PKCE with a "choose test person" page (like TestID), loopback
// redirects only. The login form is plain HTML so the app can automate it with the same HTTP a browser sends:
// GET /authorize, POST /authorize/login with `pid` and the original parameters, read the 302 Location.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { idportenIssuer, type WorldContext } from '../context';
import { h, page } from '../html';
import { html, json, redirect, type Reply } from '../http/reply';
import { Router, type RequestContext } from '../http/router';
import type { ServiceHooks } from '../http/server';
import { signJwt } from '../jwt';
import { IDPORTEN_APP_CLIENT_ID, IDPORTEN_APP_SCOPES, IDPORTEN_PORTAL_CLIENT_ID, SCOPES } from '../seed/identifiers';
import { PERSONS, personByPid } from '../seed/people';

const ACCESS_TOKEN_LIFETIME = 3600;
const CODE_LIFETIME_MS = 120_000;
const ACR = 'idporten-loa-substantial';

const IDPORTEN_CLIENTS: Record<string, readonly string[]> = {
  [IDPORTEN_APP_CLIENT_ID]: IDPORTEN_APP_SCOPES,
  [IDPORTEN_PORTAL_CLIENT_ID]: ['openid', SCOPES.portalEnduser],
};

interface PendingCode {
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string;
  pid: string;
  nonce?: string;
  expiresAt: number;
}

const AUTHORIZE_PARAMS = [
  'response_type',
  'client_id',
  'redirect_uri',
  'scope',
  'state',
  'code_challenge',
  'code_challenge_method',
  'nonce',
] as const;

/** Loopback redirect URIs only (RFC 8252 §7.3): the demo never sends a code off the machine. */
export function isLoopbackRedirect(uri: string): boolean {
  try {
    const u = new URL(uri);
    return u.protocol === 'http:' && (u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]') && u.hash === '';
  } catch {
    return false;
  }
}

type AuthorizeCheck = { ok: true; params: Record<string, string>; granted: string[] } | { ok: false; reply: Reply };

function checkAuthorize(get: (k: string) => string | null): AuthorizeCheck {
  const params: Record<string, string> = {};
  for (const k of AUTHORIZE_PARAMS) {
    const v = get(k);
    if (v !== null) params[k] = v;
  }
  const clientId = params.client_id ?? '';
  const redirectUri = params.redirect_uri ?? '';
  const allowed = IDPORTEN_CLIENTS[clientId];
  // Without a trusted client and redirect URI the error must not be redirected anywhere.
  if (!allowed) return { ok: false, reply: errorPage(400, 'invalid_client', 'Unknown client_id') };
  if (!isLoopbackRedirect(redirectUri))
    return {
      ok: false,
      reply: errorPage(
        400,
        'invalid_request',
        'redirect_uri must be a loopback http URI (http://127.0.0.1:PORT/… or http://localhost:PORT/…)',
      ),
    };
  const back = (error: string, description: string): AuthorizeCheck => {
    const u = new URL(redirectUri);
    u.searchParams.set('error', error);
    u.searchParams.set('error_description', description);
    if (params.state) u.searchParams.set('state', params.state);
    return { ok: false, reply: redirect(u.toString()) };
  };
  if (params.response_type !== 'code') return back('unsupported_response_type', 'response_type must be code');
  if (!params.code_challenge || params.code_challenge_method !== 'S256')
    return back('invalid_request', 'PKCE with code_challenge_method=S256 is required');
  // Like ID-porten, grant what was asked for among what the client is registered for, and drop the rest.
  const granted = [...new Set((params.scope ?? '').split(' ').filter((s) => allowed.includes(s)))];
  if (granted.length === 0) return back('invalid_scope', 'None of the requested scopes is allowed for this client');
  return { ok: true, params, granted };
}

function errorPage(status: number, error: string, description: string): Reply {
  return html(status, page('ID-porten (demo)', h`<h1>Innlogging feilet</h1><p class="error"><code>${error}</code> ${description}</p>`));
}

function loginPage(params: Record<string, string>): string {
  return page(
    'ID-porten (demo) – velg testperson',
    h`<h1>Logg inn med testperson</h1>
<p>Velg hvem du vil logge inn som. Tjenesten ba om: <code>${params.scope}</code></p>
<form method="post" action="/authorize/login">
${AUTHORIZE_PARAMS.filter((k) => params[k] !== undefined).map((k) => h`<input type="hidden" name="${k}" value="${params[k]}">\n`)}
<fieldset><legend>Testperson</legend>
${PERSONS.map((p, i) => h`<label><input type="radio" name="pid" value="${p.pid}"${i === 0 ? h` checked` : ''}> ${p.name} (${p.pid})</label>\n`)}
</fieldset>
<button type="submit">Logg inn</button>
</form>`,
  );
}

export function idportenRoutes(w: WorldContext): Router {
  const codes = new Map<string, PendingCode>();
  const router = new Router();

  router.get('/.well-known/openid-configuration', () => {
    const base = w.urls.idporten;
    return json(200, {
      issuer: idportenIssuer(w),
      authorization_endpoint: `${base}/authorize`,
      token_endpoint: `${base}/token`,
      jwks_uri: `${base}/jwk`,
      response_types_supported: ['code'],
      response_modes_supported: ['query'],
      grant_types_supported: ['authorization_code'],
      code_challenge_methods_supported: ['S256'],
      token_endpoint_auth_methods_supported: ['none', 'private_key_jwt'],
      id_token_signing_alg_values_supported: ['RS256'],
      acr_values_supported: ['idporten-loa-substantial', 'idporten-loa-high'],
      scopes_supported: [...new Set(Object.values(IDPORTEN_CLIENTS).flat())],
      subject_types_supported: ['pairwise'],
    });
  });

  router.get('/jwk', () => json(200, { keys: [w.keys.idporten.publicJwk] }));

  router.get('/authorize', (ctx) => {
    const check = checkAuthorize((k) => ctx.query.get(k));
    return check.ok ? html(200, loginPage(check.params)) : check.reply;
  });

  router.post('/authorize/login', (ctx) => {
    const form = ctx.bodyForm();
    const check = checkAuthorize((k) => form.get(k));
    if (!check.ok) return check.reply;
    const person = personByPid(form.get('pid') ?? '');
    if (!person) return errorPage(400, 'invalid_request', 'Unknown test person');
    const code = randomBytes(24).toString('base64url');
    codes.set(code, {
      clientId: check.params.client_id!,
      redirectUri: check.params.redirect_uri!,
      scope: check.granted.join(' '),
      codeChallenge: check.params.code_challenge!,
      pid: person.pid,
      ...(check.params.nonce ? { nonce: check.params.nonce } : {}),
      expiresAt: w.clock.nowMs() + CODE_LIFETIME_MS,
    });
    const back = new URL(check.params.redirect_uri!);
    back.searchParams.set('code', code);
    if (check.params.state) back.searchParams.set('state', check.params.state);
    return redirect(back.toString());
  });

  router.post('/token', (ctx) => token(w, codes, ctx));
  return router;
}

const oauthError = (status: number, error: string, description: string): Reply =>
  json(status, { error, error_description: description }, { 'cache-control': 'no-store' });

async function token(w: WorldContext, codes: Map<string, PendingCode>, ctx: RequestContext): Promise<Reply> {
  if (!(ctx.header('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return oauthError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded');
  }
  const form = ctx.bodyForm();
  if (form.get('grant_type') !== 'authorization_code')
    return oauthError(400, 'unsupported_grant_type', 'grant_type must be authorization_code');
  const code = form.get('code') ?? '';
  const pending = codes.get(code);
  // A code is single-use: it is gone after the first attempt, whether that attempt succeeds or not.
  codes.delete(code);
  if (!pending || pending.expiresAt < w.clock.nowMs()) return oauthError(400, 'invalid_grant', 'Invalid or expired authorization code');
  if (form.get('client_id') !== pending.clientId)
    return oauthError(400, 'invalid_grant', 'client_id does not match the authorization request');
  if (form.get('redirect_uri') !== pending.redirectUri)
    return oauthError(400, 'invalid_grant', 'redirect_uri does not match the authorization request');
  const verifier = form.get('code_verifier') ?? '';
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) return oauthError(400, 'invalid_grant', 'code_verifier is missing or malformed');
  const challenge = createHash('sha256').update(verifier).digest('base64url');
  if (challenge !== pending.codeChallenge) return oauthError(400, 'invalid_grant', 'PKCE verification failed');

  const now = w.clock.nowSeconds();
  const sub = createHash('sha256').update(`${pending.clientId}:${pending.pid}`).digest('base64url').slice(0, 43);
  const sid = randomUUID();
  const common = { iss: idportenIssuer(w), sub, pid: pending.pid, acr: ACR, amr: ['TestID'], iat: now, exp: now + ACCESS_TOKEN_LIFETIME };
  const accessToken = await signJwt(
    w.keys.idporten,
    { ...common, client_id: pending.clientId, scope: pending.scope, jti: randomUUID() },
    { typ: 'at+jwt' },
  );
  const idToken = await signJwt(w.keys.idporten, {
    ...common,
    aud: pending.clientId,
    sid,
    auth_time: now,
    locale: 'nb',
    ...(pending.nonce ? { nonce: pending.nonce } : {}),
    jti: randomUUID(),
  });
  return json(
    200,
    { access_token: accessToken, id_token: idToken, token_type: 'Bearer', expires_in: ACCESS_TOKEN_LIFETIME, scope: pending.scope },
    { 'cache-control': 'no-store' },
  );
}

export const idportenHooks: ServiceHooks = {
  notFound: () => oauthError(404, 'not_found', 'Not found'),
  serverError: (_ctx, status) => oauthError(status, 'server_error', 'Internal server error'),
  rateLimited: (_ctx, retryAfter) => ({ status: 429, headers: { 'retry-after': String(retryAfter) }, body: '' }),
};
