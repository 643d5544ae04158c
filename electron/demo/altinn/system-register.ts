// System register, vendor side (altinn.md §5): a vendor registers its system with packages and client ids.
import { randomUUID } from 'node:crypto';
import { isValidOrgNumber } from '../../../shared/domain/orgnr';
import { packageCode, PACKAGE_URN_PREFIX } from '../../../shared/domain/packages';
import type { WorldContext } from '../context';
import { json, type Reply } from '../http/reply';
import type { Router, RequestContext } from '../http/router';
import { isRecord } from '../jwt';
import { packageInfo } from '../seed/catalogue';
import { RESOURCE_ID, SCOPES } from '../seed/identifiers';
import type { RegisteredSystem, RightRef } from '../state/model';
import { hasScope, identifyCaller, type Caller } from './auth';
import { arrayField, field, localized, packageUrns, recordField, stringField } from './body';
import { altinnProblem, bareText, forbidden, unauthorized, validationProblem, type ValidationError } from './problems';
import { registeredSystemDto, registeredSystemResponse } from './wire';

const BASE = '/authentication/api/v1/systemregister';
const KNOWN_RESOURCES = new Set([RESOURCE_ID]);

type VendorAuth = { ok: true; orgNo: string; caller: Caller } | { ok: false; reply: Reply };

async function vendorAuth(w: WorldContext, ctx: RequestContext): Promise<VendorAuth> {
  const caller = await identifyCaller(w, ctx);
  if (!caller) return { ok: false, reply: unauthorized() };
  if (caller.kind !== 'organisation' || !hasScope(caller, SCOPES.systemRegisterWrite, 'altinn:authentication/systemregister.admin')) {
    return { ok: false, reply: forbidden() };
  }
  if (!caller.orgNo) return { ok: false, reply: unauthorized() };
  return { ok: true, orgNo: caller.orgNo, caller };
}

interface ParsedSystem {
  system: Omit<RegisteredSystem, 'internalId' | 'created' | 'changelog' | 'isDeleted'>;
  errors: ValidationError[];
}

function parseRights(list: unknown[], errors: ValidationError[]): RightRef[] {
  const rights: RightRef[] = [];
  const seen = new Set<string>();
  list.forEach((r, i) => {
    const resource = isRecord(r) ? arrayField(r, 'resource') : [];
    const refs = resource.filter(isRecord).map((x) => ({ id: String(field(x, 'id') ?? ''), value: String(field(x, 'value') ?? '') }));
    for (const ref of refs) {
      if (ref.id !== 'urn:altinn:resource')
        errors.push({
          code: 'AUTH.VLD-00009',
          title: 'The resource id is not in the expected urn:altinn:resource form',
          paths: [`/rights[${i}]/resource`],
        });
      else if (!KNOWN_RESOURCES.has(ref.value))
        errors.push({
          code: 'AUTH.VLD-00003',
          title: 'One or more resources specified in rights were not found in the Resource Registry',
          paths: [`/rights[${i}]/resource`],
        });
    }
    const key = JSON.stringify(refs);
    if (seen.has(key)) errors.push({ code: 'AUTH.VLD-00006', title: 'One or more duplicate rights found', paths: [`/rights[${i}]`] });
    seen.add(key);
    const action = isRecord(r) ? stringField(r, 'action') : undefined;
    rights.push({ ...(action ? { action } : {}), resource: refs });
  });
  return rights;
}

function parsePackages(list: unknown[], errors: ValidationError[], path = '/accessPackages'): string[] {
  const urns = packageUrns(list);
  const seen = new Set<string>();
  urns.forEach((urn, i) => {
    const info = urn.startsWith(PACKAGE_URN_PREFIX) ? packageInfo(packageCode(urn)) : undefined;
    if (!info || !info.delegable) {
      errors.push({
        code: 'AUTH.VLD-00008',
        title: 'One or more access packages were not found or are not delegable',
        paths: [`${path}[${i}]`],
      });
    }
    if (seen.has(urn))
      errors.push({ code: 'AUTH.VLD-00007', title: 'One or more duplicate access packages found', paths: [`${path}[${i}]`] });
    seen.add(urn);
  });
  return urns;
}

function parseSystem(w: WorldContext, body: unknown, existingId?: string): ParsedSystem {
  const errors: ValidationError[] = [];
  const b = isRecord(body) ? body : {};
  const id = stringField(b, 'id') ?? '';
  const vendor = recordField(b, 'vendor') ?? {};
  const vendorId = String(field(vendor, 'ID') ?? '');
  const vm = /^0192:(\d{9})$/.exec(vendorId);
  const vendorOrgNo = vm && isValidOrgNumber(vm[1]!) ? vm[1]! : '';
  if (!vendorOrgNo)
    errors.push({ code: 'AUTH.VLD-00000', title: 'The vendor id is not a valid ISO6523 identifier', paths: ['/vendor/ID'] });
  if (/\s/.test(id)) errors.push({ code: 'AUTH.VLD-00013', title: 'The system id can not contain spaces', paths: ['/id'] });
  else if (!vendorOrgNo || !id.startsWith(`${vendorOrgNo}_`) || id.length <= vendorOrgNo.length + 1) {
    errors.push({ code: 'AUTH.VLD-00001', title: 'The system id does not match the format orgnumber_xxxx', paths: ['/id'] });
  }
  if (existingId !== undefined && id !== existingId)
    errors.push({ code: 'AUTH.VLD-00012', title: 'The system id in the body does not match the one in the path', paths: ['/id'] });

  const rights = parseRights(arrayField(b, 'rights'), errors);
  const urns = parsePackages(arrayField(b, 'accessPackages'), errors);
  const clientIds = arrayField(b, 'clientId').map(String);
  if (new Set(clientIds).size !== clientIds.length)
    errors.push({ code: 'AUTH.VLD-00011', title: 'One or more duplicate client ids found', paths: ['/clientId'] });
  for (const other of w.store.systems.values()) {
    if (other.isDeleted || other.id === (existingId ?? id)) continue;
    if (clientIds.some((c) => other.clientId.includes(c))) {
      errors.push({ code: 'AUTH.VLD-00004', title: 'The client id is already used by another system', paths: ['/clientId'] });
      break;
    }
  }
  const redirects = arrayField(b, 'allowedRedirectUrls').map(String);
  redirects.forEach((u, i) => {
    if (!/^https:\/\/[^\s/]+/.test(u))
      errors.push({ code: 'AUTH.VLD-00005', title: 'The redirect url is not valid', paths: [`/allowedRedirectUrls[${i}]`] });
  });
  const visible = field(b, 'isVisible');
  const isVisible = typeof visible === 'boolean' ? visible : true;
  if (isVisible && urns.some((u) => packageInfo(packageCode(u))?.assignable === false)) {
    errors.push({
      code: 'AUTH.VLD-00018',
      title: 'A system with non-assignable access packages can not be visible',
      paths: ['/isVisible'],
    });
  }
  return {
    errors,
    system: {
      id,
      vendorOrgNo,
      name: localized(field(b, 'name')),
      description: localized(field(b, 'description')),
      rights,
      accessPackages: urns.map((urn) => ({ urn })),
      clientId: clientIds,
      isVisible,
      allowedRedirectUrls: redirects,
    },
  };
}

const systemNotFound = (): Reply => altinnProblem(404, 'AUTH-00011', 'System not found');

/** The vendor's own, non-deleted system, or the reply that refuses it. */
function ownSystem(w: WorldContext, id: string, orgNo: string): RegisteredSystem | Reply {
  const s = w.store.systems.get(id);
  if (!s || s.isDeleted) return systemNotFound();
  if (s.vendorOrgNo !== orgNo) return forbidden();
  return s;
}

const isReply = (v: RegisteredSystem | Reply): v is Reply => 'status' in v;

export function systemRegisterRoutes(w: WorldContext, router: Router): void {
  /** A vendor's call on one of its own systems: the caller checked and the system found, or the reply saying why not. */
  const onOwnSystem =
    (handle: (s: RegisteredSystem, orgNo: string, ctx: RequestContext) => Reply) =>
    async (ctx: RequestContext): Promise<Reply> => {
      const auth = await vendorAuth(w, ctx);
      if (!auth.ok) return auth.reply;
      const s = ownSystem(w, ctx.params.systemId!, auth.orgNo);
      return isReply(s) ? s : handle(s, auth.orgNo, ctx);
    };
  const changed = (s: RegisteredSystem, changeType: string, by: string): void => {
    s.changelog.push({ changeType, changedAt: w.clock.nowIso(), changedBy: `0192:${by}` });
    w.store.changed();
  };

  router.post(`${BASE}/vendor`, async (ctx) => {
    const auth = await vendorAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const parsed = parseSystem(w, ctx.bodyJson());
    if (parsed.system.vendorOrgNo && parsed.system.vendorOrgNo !== auth.orgNo) return forbidden();
    const existing = w.store.systems.get(parsed.system.id);
    if (existing && !existing.isDeleted) return bareText(409, `The System already exist: ${parsed.system.id}`);
    if (parsed.errors.length) return validationProblem(parsed.errors);
    const system: RegisteredSystem = {
      ...parsed.system,
      internalId: randomUUID(),
      isDeleted: false,
      created: w.clock.nowIso(),
      changelog: [],
    };
    w.store.systems.set(system.id, system);
    changed(system, 'Create', auth.orgNo);
    return json(200, system.internalId);
  });

  router.get(`${BASE}/vendor`, async (ctx) => {
    const auth = await vendorAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const mine = [...w.store.systems.values()].filter((s) => s.vendorOrgNo === auth.orgNo && !s.isDeleted);
    return json(
      200,
      mine.map((s) => registeredSystemDto(w, s)),
    );
  });

  router.get(
    `${BASE}/vendor/:systemId`,
    onOwnSystem((s) => json(200, registeredSystemResponse(s))),
  );

  router.put(
    `${BASE}/vendor/:systemId`,
    onOwnSystem((s, orgNo, ctx) => {
      const parsed = parseSystem(w, ctx.bodyJson(), s.id);
      if (parsed.errors.length) return validationProblem(parsed.errors);
      Object.assign(s, parsed.system);
      changed(s, 'Update', orgNo);
      return json(200, { succeeded: true });
    }),
  );

  router.put(
    `${BASE}/vendor/:systemId/rights`,
    onOwnSystem((s, orgNo, ctx) => {
      const errors: ValidationError[] = [];
      const body = ctx.bodyJson();
      const rights = parseRights(Array.isArray(body) ? body : [], errors);
      if (errors.length) return validationProblem(errors);
      s.rights = rights;
      changed(s, 'RightsUpdate', orgNo);
      return json(200, { succeeded: true });
    }),
  );

  router.put(
    `${BASE}/vendor/:systemId/accesspackages`,
    onOwnSystem((s, orgNo, ctx) => {
      const errors: ValidationError[] = [];
      const body = ctx.bodyJson();
      const urns = parsePackages(Array.isArray(body) ? body : [], errors, '');
      if (s.isVisible && urns.some((u) => packageInfo(packageCode(u))?.assignable === false)) {
        errors.push({
          code: 'AUTH.VLD-00018',
          title: 'A system with non-assignable access packages can not be visible',
          paths: ['/isVisible'],
        });
      }
      if (errors.length) return validationProblem(errors);
      s.accessPackages = urns.map((urn) => ({ urn }));
      changed(s, 'AccessPackagesUpdate', orgNo);
      return json(200, { succeeded: true });
    }),
  );

  router.delete(
    `${BASE}/vendor/:systemId`,
    onOwnSystem((s, orgNo) => {
      s.isDeleted = true;
      changed(s, 'Delete', orgNo);
      return json(200, { succeeded: true });
    }),
  );

  router.get(`${BASE}/vendor/:systemId/changelog`, async (ctx) => {
    const auth = await vendorAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const s = w.store.systems.get(ctx.params.systemId!);
    if (!s) return systemNotFound();
    if (s.vendorOrgNo !== auth.orgNo) return forbidden();
    return json(
      200,
      s.changelog.map((c) => ({ systemId: s.id, ...c })),
    );
  });
}
