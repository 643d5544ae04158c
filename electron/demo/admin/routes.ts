// The loopback admin API: test and demo hooks that no real service has (register a JWK, reset, faults,
// clock, traffic, delegations). JSON in, JSON out; never logged to the traffic log.
import { z } from 'zod';
import { json, empty, type Reply } from '../http/reply';
import { Router } from '../http/router';
import { faultSpecsSchema } from '../faults';
import type { DemoWorld, DemoWorldInfo, JsonWebKey, Preset } from '../types';

const jwkSchema = z.object({ kty: z.literal('RSA'), n: z.string().min(16), e: z.string().min(1), kid: z.string().min(1) }).passthrough();
const registerSchema = z.object({ clientId: z.string().min(1), jwk: jwkSchema }).strict();
const resetSchema = z.object({ preset: z.enum(['start', 'ready']).optional() }).strict();
const clockSchema = z.object({ advanceSeconds: z.number().finite() }).strict();
const settingsSchema = z
  .object({
    maskinportenErrors: z.enum(['real', 'documented']).optional(),
    requestTimeoutDays: z.number().int().min(1).max(3650).optional(),
  })
  .strict();
const clientRelationSchema = z
  .object({
    orgNo: z.string().regex(/^\d{9}$/),
    roles: z
      .array(z.enum(['REGN', 'REVI', 'FFØR']))
      .min(1)
      .optional(),
  })
  .strict();
const scopeAccessSchema = z.object({ scope: z.string().min(1), orgNo: z.string().regex(/^\d{9}$/), granted: z.boolean() }).strict();

export interface AdminExtras {
  setScopeAccess(scope: string, orgNo: string, granted: boolean): void;
  faultList(): unknown[];
  worldNow(): string;
}

const badRequest = (error: string, details?: unknown): Reply => json(400, { error, ...(details !== undefined ? { details } : {}) });

function parse<T>(schema: z.ZodType<T>, body: unknown): { ok: true; value: T } | { ok: false; reply: Reply } {
  const r = schema.safeParse(body);
  return r.success ? { ok: true, value: r.data } : { ok: false, reply: badRequest('invalid body', r.error.issues) };
}

export function adminRoutes(world: () => DemoWorld, info: () => DemoWorldInfo, extras: AdminExtras): Router {
  const router = new Router();
  router.get('/', () => json(200, info()));
  router.get('/info', () => json(200, info()));

  router.post('/jwks', (ctx) => {
    const p = parse(registerSchema, ctx.bodyJson());
    if (!p.ok) return p.reply;
    try {
      world().admin.registerJwk(p.value.clientId, p.value.jwk as JsonWebKey & { kid: string });
    } catch (err) {
      return badRequest(err instanceof Error ? err.message : String(err));
    }
    return json(200, { registered: p.value.jwk.kid, clientId: p.value.clientId });
  });

  router.post('/reset', async (ctx) => {
    const p = parse(resetSchema, ctx.rawBody.length ? ctx.bodyJson() : {});
    if (!p.ok) return p.reply;
    await world().admin.reset(p.value.preset as Preset | undefined);
    return json(200, { reset: true, preset: p.value.preset ?? info().preset });
  });

  router.get('/faults', () => json(200, extras.faultList()));
  router.put('/faults', (ctx) => {
    const p = parse(faultSpecsSchema, ctx.bodyJson());
    if (!p.ok) return p.reply;
    world().admin.setFaults(p.value);
    return json(200, p.value);
  });
  router.delete('/faults', () => {
    world().admin.clearFaults();
    return empty(204);
  });

  router.post('/clock', (ctx) => {
    const p = parse(clockSchema, ctx.bodyJson());
    if (!p.ok) return p.reply;
    world().admin.advanceClock(p.value.advanceSeconds);
    return json(200, { advancedSeconds: p.value.advanceSeconds, now: extras.worldNow() });
  });

  router.get('/settings', () => json(200, world().admin.settings()));
  router.put('/settings', (ctx) => {
    const p = parse(settingsSchema, ctx.bodyJson());
    if (!p.ok) return p.reply;
    world().admin.setSettings(p.value);
    return json(200, world().admin.settings());
  });

  router.get('/traffic', (ctx) => json(200, world().traffic.list(Number(ctx.query.get('since') ?? '0') || 0)));

  router.get('/delegations', (ctx) => {
    const systemUser = ctx.query.get('systemUser');
    if (!systemUser) return badRequest('systemUser is required');
    return json(200, { systemUser, clients: world().admin.delegatedClients(systemUser) });
  });

  for (const change of ['leave', 'join'] as const) {
    router.post(`/clients/${change}`, (ctx) => {
      const p = parse(clientRelationSchema, ctx.bodyJson());
      if (!p.ok) return p.reply;
      const result = world().admin.clientRelation(change, p.value.orgNo, p.value.roles);
      return result.ok ? json(200, { orgNo: p.value.orgNo, change }) : badRequest(result.error);
    });
  }

  router.post('/scope-access', (ctx) => {
    const p = parse(scopeAccessSchema, ctx.bodyJson());
    if (!p.ok) return p.reply;
    extras.setScopeAccess(p.value.scope, p.value.orgNo, p.value.granted);
    return json(200, p.value);
  });
  return router;
}
