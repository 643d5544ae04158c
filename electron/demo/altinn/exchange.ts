// Token exchange (altinn.md §4): an ID-porten or Maskinporten token in, a raw Altinn JWT out (text body).
import { randomUUID } from 'node:crypto';
import type { JWTPayload } from 'jose';
import { altinnIssuer, idportenIssuer, maskinportenIssuer, verifyIssuedToken, type WorldContext } from '../context';
import { empty, text, type Reply } from '../http/reply';
import type { RequestContext } from '../http/router';
import { signJwt } from '../jwt';
import { personByPid } from '../seed/people';
import { consumerOrgNo } from './auth';

const MASKINPORTEN_EXCHANGE_MINUTES = 30;

const AUTH_LEVEL: Record<string, string> = { 'idporten-loa-low': '0', 'idporten-loa-substantial': '3', 'idporten-loa-high': '4' };

function without(claims: JWTPayload, drop: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(Object.entries(claims).filter(([k]) => !drop.includes(k)));
}

export async function exchange(w: WorldContext, ctx: RequestContext): Promise<Reply> {
  const provider = (ctx.params.provider ?? '').toLowerCase();
  if (ctx.header('x-altinn-enterpriseuser-authentication') !== undefined) return empty(410);
  if (provider !== 'id-porten' && provider !== 'maskinporten') {
    return text(
      400,
      provider === 'altinnstudio'
        ? 'Token exchange from altinnstudio is not supported by the demo world'
        : `Invalid provider ${ctx.params.provider ?? ''}`,
    );
  }
  const token = ctx.bearer();
  if (!token) return empty(401);
  const now = w.clock.nowSeconds();
  const added = { iss: altinnIssuer(w), sid: randomUUID(), iat: now, nbf: now };

  if (provider === 'id-porten') {
    const claims = await verifyIssuedToken(w, token, w.keys.idporten, idportenIssuer(w));
    if (!claims || typeof claims.pid !== 'string') return empty(401);
    const person = personByPid(claims.pid);
    if (!person) return empty(401); // no Altinn user in Register
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (!scopes.some((s) => s.startsWith('altinn:'))) return empty(403);
    const acr = String(claims.acr ?? '');
    const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
    const altinnToken = await signJwt(w.keys.altinn, {
      ...without(claims, ['aud', 'iss', 'at_hash', 'sid', 'sub']),
      nameid: String(person.userId),
      'urn:altinn:userid': String(person.userId),
      'urn:altinn:username': '',
      'urn:altinn:partyid': String(person.partyId),
      'urn:altinn:party:uuid': w.directory.personPartyUuid(person.pid),
      'urn:altinn:authenticatemethod': amr[0] ?? 'NotDefined',
      'urn:altinn:authlevel': AUTH_LEVEL[acr] ?? acr.slice(-1),
      ...added,
      exp: claims.exp, // the exchanged token dies with the ID-porten token
    });
    return text(200, altinnToken);
  }

  const claims = await verifyIssuedToken(w, token, w.keys.maskinporten, maskinportenIssuer(w));
  if (!claims) return empty(401);
  const orgNo = consumerOrgNo(claims);
  if (!orgNo) return empty(401);
  const altinnToken = await signJwt(w.keys.altinn, {
    ...without(claims, ['aud', 'iss', 'client_amr', 'sid']),
    'urn:altinn:orgNumber': orgNo,
    'urn:altinn:authenticatemethod': 'maskinporten',
    'urn:altinn:authlevel': '3',
    ...added,
    exp: now + MASKINPORTEN_EXCHANGE_MINUTES * 60,
  });
  return text(200, altinnToken);
}
