// Skatteetaten "Krav og betalinger" simulator (krav-og-betalinger.md §9). Every call: token against
// Maskinporten's JWKS, scope, the per-organisation concurrency limit, input rules, then Altinn's PDP.
import { isValidNationalId, isValidOrgNumber } from '../../../shared/domain/orgnr';
import type { WorldContext } from '../context';
import { json, text, type Reply } from '../http/reply';
import { Router, type RequestContext } from '../http/router';
import type { ServiceHooks } from '../http/server';
import { isRecord } from '../jwt';
import { addYears, isIsoDate } from '../seed/dates';
import { KB_SCOPE } from '../seed/identifiers';
import { kbError } from './errors';
import { ConcurrencyLimiter } from './limiter';
import type { PdpClient } from './pdp-client';
import { openClaimsBody, periodBody, type PeriodEndpoint } from './responses';
import type { MaskinportenKeys } from './token-validation';
import { toXml } from './xml';

const ENDPOINTS = ['aapnekrav', 'krav', 'innbetalinger', 'utbetalinger'] as const;
type Endpoint = (typeof ENDPOINTS)[number];

/** JSON unless the client asks for XML; null for anything else (406 KB-008). */
function negotiate(accept: string | undefined): 'json' | 'xml' | null {
  if (!accept) return 'json';
  const types = accept.split(',').map((t) => t.split(';')[0]!.trim().toLowerCase());
  if (types.some((t) => t === 'application/json' || t === '*/*' || t === 'application/*')) return 'json';
  if (types.some((t) => t === 'application/xml' || t === 'text/xml')) return 'xml';
  return null;
}

function systemUserOf(claims: Record<string, unknown>): string | null {
  const details = claims.authorization_details;
  const first: unknown = Array.isArray(details) ? details[0] : undefined;
  if (!isRecord(first) || first.type !== 'urn:altinn:systemuser' || !Array.isArray(first.systemuser_id)) return null;
  const id: unknown = first.systemuser_id[0];
  return typeof id === 'string' ? id : null;
}

function consumerOf(claims: Record<string, unknown>): string {
  const c = claims.consumer;
  return isRecord(c) ? String(c.ID ?? c.id ?? 'unknown') : 'unknown';
}

const validParty = (id: string): boolean => (/^\d{9}$/.test(id) ? isValidOrgNumber(id) : /^\d{11}$/.test(id) && isValidNationalId(id));

/** The period rules; a message for KB-006 or null when the period is fine. */
function periodProblem(from: string | null, to: string | null): string | null {
  if (!from || !to) return 'fraOgMed og tilOgMed må oppgis';
  if (!isIsoDate(from) || !isIsoDate(to)) return 'Ugyldig dato: bruk formatet ÅÅÅÅ-MM-DD';
  if (from > to) return 'Ugyldig periode: fraOgMed er etter tilOgMed';
  if (to > addYears(from, 1)) return 'Ugyldig periode: perioden kan ikke være lengre enn ett år';
  return null;
}

export function skatteetatenRoutes(w: WorldContext, keys: MaskinportenKeys, pdp: PdpClient): Router {
  const limiter = new ConcurrencyLimiter();
  const router = new Router();

  router.get('/v1/:pakke/:part/:endpoint', async (ctx) => {
    const { pakke, part, endpoint } = ctx.params as { pakke: string; part: string; endpoint: string };
    const korr = ctx.correlationId;
    const format = negotiate(ctx.header('accept'));
    const xml = format === 'xml';
    if (!['finans', 'regnskapssystem'].includes(pakke) || !(ENDPOINTS as readonly string[]).includes(endpoint)) {
      return kbError(404, 'KB-003', 'Ukjent URL', korr, xml);
    }
    const token = ctx.bearer();
    if (!token) return kbError(401, 'KB-004', 'Autentiseringsfeil: mangler token', korr, xml);
    let claims: Record<string, unknown> | null;
    try {
      claims = await keys.verify(token, korr);
    } catch {
      return kbError(500, 'DAS-003', 'Tjenesten er midlertidig utilgjengelig, prøv igjen senere', korr, xml);
    }
    if (!claims) return kbError(401, 'KB-004', 'Autentiseringsfeil: ugyldig token', korr, xml);
    // Skatteetaten takes tokens with no audience: one minted for another resource is not for this API.
    if (claims.aud !== undefined) return kbError(401, 'KB-004', 'Autentiseringsfeil: tokenet er utstedt for en annen mottaker', korr, xml);
    const scopes = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
    if (!scopes.includes(KB_SCOPE)) return kbError(403, 'DAS-008', 'Ikke autorisert for forespurt ressurs', korr, xml);

    const release = limiter.tryAcquire(consumerOf(claims));
    if (!release) return kbError(429, 'DEMO-429', 'For mange samtidige kall', korr, xml, { 'retry-after': '1' });
    try {
      return await answer(ctx, { pakke, part, endpoint: endpoint as Endpoint, claims, format, korr });
    } finally {
      release();
    }
  });

  async function answer(
    ctx: RequestContext,
    a: { pakke: string; part: string; endpoint: Endpoint; claims: Record<string, unknown>; format: 'json' | 'xml' | null; korr: string },
  ): Promise<Reply> {
    const xml = a.format === 'xml';
    if (a.format === null) return kbError(406, 'KB-008', 'Formatet støttes ikke; bruk application/json eller application/xml', a.korr);
    if (a.pakke === 'finans') return kbError(403, 'KB-005', 'Feil med samtykketoken', a.korr, xml);
    if (!validParty(a.part)) return kbError(400, 'KB-006', `Ugyldig partIdentifikator: ${a.part}`, a.korr, xml);
    const from = ctx.query.get('fraOgMed');
    const to = ctx.query.get('tilOgMed');
    if (a.endpoint !== 'aapnekrav') {
      const problem = periodProblem(from, to);
      if (problem) return kbError(400, 'KB-006', problem, a.korr, xml);
    }
    const systemUserId = systemUserOf(a.claims);
    if (!systemUserId) return kbError(403, 'DAS-008', 'Ikke autorisert for forespurt ressurs', a.korr, xml);

    const decision = await pdp.decide(systemUserId, a.part, a.korr);
    if (decision === 'unavailable' || decision === 'Indeterminate') {
      return kbError(500, 'DAS-003', 'Tjenesten er midlertidig utilgjengelig, prøv igjen senere', a.korr, xml);
    }
    if (decision !== 'Permit') return kbError(403, 'DAS-008', 'Ikke autorisert for forespurt ressurs', a.korr, xml);

    const fixture = w.claimsFor(a.part);
    if (!fixture) return kbError(404, 'KB-009', `Ingen treff på identifikator ${a.part}`, a.korr, xml);
    const body =
      a.endpoint === 'aapnekrav'
        ? openClaimsBody(fixture, a.part, w.demoDate)
        : periodBody(fixture, a.endpoint as PeriodEndpoint, from!, to!);
    if (!body) return kbError(404, 'KB-007', 'Fant ingen krav eller betalinger for identifikator og periode', a.korr, xml);
    return xml ? text(200, toXml(a.endpoint, body), 'application/xml; charset=utf-8') : json(200, body);
  }

  return router;
}

export const skatteetatenHooks: ServiceHooks = {
  notFound: (ctx) => kbError(404, 'KB-003', 'Ukjent URL', ctx.correlationId),
  serverError: (ctx, status) =>
    status === 500
      ? kbError(500, 'KB-001', 'Uventet feil i tjenesten', ctx.correlationId)
      : text(status, status === 502 ? 'Bad Gateway' : 'Service Unavailable'),
  rateLimited: (ctx, retryAfter) =>
    kbError(429, 'DEMO-429', 'For mange samtidige kall', ctx.correlationId, false, { 'retry-after': String(retryAfter) }),
};
