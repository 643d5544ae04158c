// Maskinporten simulator: metadata, JWKS and the JWT-bearer token endpoint (maskinporten.md §4, §7).
import { randomBytes } from 'node:crypto';
import { maskinportenIssuer, type WorldContext } from '../context';
import { json, type Reply } from '../http/reply';
import { Router, type RequestContext } from '../http/router';
import type { ServiceHooks } from '../http/server';
import { signJwt } from '../jwt';
import { inForm, invalidRequest, mpError } from './errors';
import { TOKEN_LIFETIME_SECONDS } from './clients';
import { JtiRegistry, verifyGrant, type VerifiedGrant } from './grant';
import { lookupSystemUser } from './system-user-lookup';

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

export function maskinportenRoutes(w: WorldContext, jtis: JtiRegistry): Router {
  const router = new Router();

  router.get('/.well-known/oauth-authorization-server', () =>
    json(200, {
      authorization_details_types_supported: ['urn:altinn:systemuser', 'urn:altinn:consent'],
      grant_types_supported: [JWT_BEARER],
      issuer: maskinportenIssuer(w),
      jwks_uri: `${w.urls.maskinporten}/jwk`,
      token_endpoint: `${w.urls.maskinporten}/token`,
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
      token_endpoint_auth_signing_alg_values_supported: ['RS256', 'RS384', 'RS512'],
    }),
  );

  router.get('/jwk', () => json(200, { keys: [w.keys.maskinporten.publicJwk] }));

  router.post('/token', async (ctx) => inForm(await token(w, jtis, ctx), w.settings.maskinportenErrors, ctx.correlationId));
  return router;
}

async function token(w: WorldContext, jtis: JtiRegistry, ctx: RequestContext): Promise<Reply> {
  if (!(ctx.header('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    return mpError(400, 'invalid_request', 'Content-Type must be application/x-www-form-urlencoded (MP-011)');
  }
  const form = ctx.bodyForm();
  if (form.get('grant_type') !== JWT_BEARER)
    return mpError(400, 'unsupported_grant_type', `Unsupported grant_type ${form.get('grant_type') ?? '(none)'}`);
  const assertion = form.get('assertion');
  if (!assertion) return invalidRequest('assertion is missing');

  const result = await verifyGrant(w, assertion, jtis);
  if (!result.ok) return result.reply;
  const grant = result.grant;

  let authorizationDetails: unknown[] | undefined;
  if (grant.systemUser) {
    const externalRef = grant.systemUser.externalRef ?? grant.systemUser.ownerOrgNo;
    const found = await lookupSystemUser(
      w,
      { clientId: grant.client.clientId, vendorOrgNo: grant.client.ownerOrgNo, ownerOrgNo: grant.systemUser.ownerOrgNo, externalRef },
      ctx.correlationId,
    );
    if (found.kind === 'unavailable')
      return mpError(503, 'temporarily_unavailable', 'Could not look up the system user in Altinn. Try again later.');
    if (found.kind === 'miss') {
      return mpError(
        400,
        'invalid_altinn_customer_configuration',
        `Invalid authorization details values: no approved system user for systemuser_org 0192:${grant.systemUser.ownerOrgNo}, externalRef ${externalRef} and this client (MP-303)`,
      );
    }
    authorizationDetails = [
      {
        type: 'urn:altinn:systemuser',
        systemuser_org: { authority: 'iso6523-actorid-upis', ID: `0192:${grant.systemUser.ownerOrgNo}` },
        systemuser_id: [found.systemUser.id],
        system_id: found.systemUser.systemId,
        externalRef: found.systemUser.externalRef,
      },
    ];
  }
  return issue(w, grant, authorizationDetails);
}

async function issue(w: WorldContext, grant: VerifiedGrant, authorizationDetails: unknown[] | undefined): Promise<Reply> {
  const now = w.clock.nowSeconds();
  const scope = grant.scopes.join(' ');
  const accessToken = await signJwt(w.keys.maskinporten, {
    iss: maskinportenIssuer(w),
    client_amr: 'private_key_jwt',
    token_type: 'Bearer',
    client_id: grant.client.clientId,
    consumer: { authority: 'iso6523-actorid-upis', ID: `0192:${grant.client.ownerOrgNo}` },
    scope,
    ...(authorizationDetails ? { authorization_details: authorizationDetails } : {}),
    ...(grant.resource ? { aud: grant.resource.length === 1 ? grant.resource[0] : grant.resource } : {}),
    iat: now,
    exp: now + TOKEN_LIFETIME_SECONDS,
    jti: randomBytes(24).toString('base64url'),
  });
  return json(
    200,
    { access_token: accessToken, token_type: 'Bearer', expires_in: TOKEN_LIFETIME_SECONDS, scope },
    { 'cache-control': 'no-store' },
  );
}

export const maskinportenHooks: ServiceHooks = {
  notFound: () => json(404, { error: 'not_found', error_description: 'Not found' }),
  serverError: (_ctx, status) =>
    status === 500
      ? mpError(500, 'server_error', 'Internal server error')
      : { status, headers: { 'content-type': 'text/plain' }, body: status === 502 ? 'Bad Gateway' : 'Service Unavailable' },
  rateLimited: (_ctx, retryAfter) => ({
    status: 429,
    headers: { 'retry-after': String(retryAfter), 'content-type': 'text/plain' },
    body: 'Too Many Requests',
  }),
};
