// Access Management's client-administration writes (altinn.md §10, v1): add and remove the firm's agents, and
// delegate or remove a client's access packages to a person agent. The checks follow Altinn's order: input, then
// the parties, then the agent assignment, then per role whether the client gives the firm that package.
import { packageCode } from '../../../shared/domain/packages';
import type { WorldContext } from '../context';
import { empty, json, type Reply } from '../http/reply';
import type { RequestContext, Router } from '../http/router';
import { isRecord } from '../jwt';
import { packageInfo, type RoleInfo } from '../seed/catalogue';
import { employeeByPid, lookupEmployee } from '../seed/employees';
import type { PersonAgentAccess } from '../state/model';
import { AGENT_ROLE } from '../seed/catalogue';
import { AM_BASE, clientAccess, firmAuth, roleMatching } from './am-agents';
import { arrayField, stringField } from './body';
import { altinnProblem, isGuid, type ValidationError, validationProblem } from './problems';

/** Profile lookups that miss, per caller, before Altinn answers 429 for a while (guessing ids is throttled). */
const FAILED_LOOKUP_LIMIT = 5;
const FAILED_LOOKUP_WINDOW_MS = 60 * 60_000;

const vld = (code: string, title: string, ...paths: string[]): ValidationError => ({ code, title, paths });

/** Removing a delegation that still holds packages needs cascade=true; without it, one error per package held. */
function withoutCascade(ctx: RequestContext, held: readonly unknown[]): Reply | null {
  if (held.length === 0 || ctx.query.get('cascade')?.toLowerCase() === 'true') return null;
  const error = vld(
    'AM.VLD-00031',
    'The delegation has one or more active access packages associated with it. Set cascade to true to remove the delegation and its active access packages.',
    '?cascade',
  );
  return validationProblem(held.map(() => error));
}
const MISSING_ASSIGNMENT = 'Assignment of role do not exist.';

interface PackageInput {
  role: RoleInfo;
  roleIndex: number;
  packages: Array<{ code: string; index: number }>;
}

/** `DelegationBatchInputDto`: roles and packages by code, URN or legacy code; every bad entry is named. */
function parseDelegationInput(body: unknown): { ok: true; values: PackageInput[] } | { ok: false; reply: Reply } {
  if (!isRecord(body) || !Array.isArray(Object.entries(body).find(([k]) => k.toLowerCase() === 'values')?.[1]))
    return { ok: false, reply: validationProblem([vld('STD.VLD-00000', 'The field is required.', '/values')]) };
  const errors: ValidationError[] = [];
  const values: PackageInput[] = [];
  arrayField(body, 'values').forEach((entry, roleIndex) => {
    const roleText = isRecord(entry) ? (stringField(entry, 'role') ?? '') : '';
    const role = roleMatching(roleText);
    if (!role) errors.push(vld('AM.VLD-00029', 'Invalid Role.', `/values[${roleIndex}]/role`));
    const packages: PackageInput['packages'] = [];
    (isRecord(entry) ? arrayField(entry, 'packages') : []).forEach((p, index) => {
      const code = typeof p === 'string' ? packageCode(p) : '';
      const info = packageInfo(code);
      if (!info) errors.push(vld('AM.VLD-00030', 'Invalid Package.', `/values[${roleIndex}]/packages[${index}]`));
      else if (!info.delegable) errors.push(vld('AM.VLD-00033', 'Package is not delegable.', `/values[${roleIndex}]/packages[${index}]`));
      else packages.push({ code, index });
    });
    if (role) values.push({ role, roleIndex, packages });
  });
  return errors.length ? { ok: false, reply: validationProblem(errors) } : { ok: true, values };
}

export function clientAdministrationRoutes(w: WorldContext, router: Router): void {
  const failedLookups = new Map<string, number[]>();
  const agentOf = (pid: string): PersonAgentAccess | undefined => w.store.personAgents.find((a) => a.pid === pid);
  const assignment = (firmUuid: string, pid: string) => ({
    id: w.store.assignmentId(firmUuid, pid),
    roleId: AGENT_ROLE.id,
    fromId: firmUuid,
    toId: w.directory.personPartyUuid(pid),
  });

  /** Which party `to` names, and whether Altinn would accept it as an agent at all. */
  function agentTarget(to: string | null): { pid: string } | { error: ValidationError } {
    if (!isGuid(to)) return { error: vld('STD.VLD-00000', 'The field is required.', '?to') };
    const party = w.directory.partyByUuid(to);
    if (party?.kind === 'person')
      return employeeByPid(party.pid) ? { pid: party.pid } : { error: vld('AM.VLD-00006', 'Entity do not exists.', '?to') };
    if (party?.kind === 'organisation') return { error: vld('AM.VLD-00008', 'This entity type is not allowed here.', '?to') };
    // Agent system users get their client packages through Authentication's client delegation (altinn.md §9) here.
    if (w.store.systemUsers.has(to.toLowerCase())) return { error: vld('AM.VLD-00008', 'This entity type is not allowed here.', '?to') };
    return { error: vld('AM.VLD-00006', 'Entity do not exists.', '?to') };
  }

  function throttled(callerPid: string): boolean {
    const since = w.clock.nowMs() - FAILED_LOOKUP_WINDOW_MS;
    const recent = (failedLookups.get(callerPid) ?? []).filter((t) => t > since);
    failedLookups.set(callerPid, recent);
    return recent.length >= FAILED_LOOKUP_LIMIT;
  }

  router.post(`${AM_BASE}/agents`, async (ctx) => {
    const auth = await firmAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    let pid: string;
    const to = ctx.query.get('to');
    if (to) {
      const target = agentTarget(to);
      if ('error' in target) return validationProblem([target.error]);
      pid = target.pid;
    } else {
      const body = ctx.bodyJson();
      const identifier = isRecord(body) ? (stringField(body, 'personIdentifier') ?? '') : '';
      const lastName = isRecord(body) ? (stringField(body, 'lastName') ?? '') : '';
      const required = [...(identifier.trim() ? [] : ['/personIdentifier']), ...(lastName.trim() ? [] : ['/lastName'])].map((path) =>
        vld('STD.VLD-00000', 'The field is required.', path),
      );
      if (required.length) return validationProblem(required);
      if (throttled(auth.callerPid)) return altinnProblem(429, 'AM-00026', 'There has been too many failed lookups');
      const found = lookupEmployee(identifier, lastName);
      if (!found) {
        failedLookups.get(auth.callerPid)!.push(w.clock.nowMs());
        return validationProblem([
          vld('AM.VLD-00034', 'Given external identifiers yielded empty result.', '/personIdentifier', '/lastName'),
        ]);
      }
      pid = found.pid;
    }
    // Adding an agent twice gives back the assignment that exists.
    if (!agentOf(pid)) {
      w.store.personAgents.push({ pid, addedAt: new Date(w.clock.nowMs()).toISOString().replace(/\.\d{3}Z$/, 'Z'), access: {} });
      w.store.changed();
    }
    return json(200, assignment(auth.firmUuid, pid));
  });

  router.delete(`${AM_BASE}/agents`, async (ctx) => {
    const auth = await firmAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const target = agentTarget(ctx.query.get('to'));
    if ('error' in target) return validationProblem([target.error]);
    const agent = agentOf(target.pid);
    if (!agent) return empty(204);
    const held = Object.entries(agent.access).filter(([, p]) => p.length);
    const refused = withoutCascade(ctx, held);
    if (refused) return refused;
    w.store.personAgents = w.store.personAgents.filter((a) => a !== agent);
    w.store.changed();
    return empty(204);
  });

  router.delete(`${AM_BASE}/agents/clients`, async (ctx) => {
    const auth = await firmAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const target = agentTarget(ctx.query.get('to'));
    const from = ctx.query.get('from');
    const client = isGuid(from) ? w.directory.partyByUuid(from) : undefined;
    const errors = [
      ...('error' in target ? [target.error] : []),
      ...(client ? [] : [vld('AM.VLD-00006', 'Entity do not exists.', '?from')]),
    ];
    if (errors.length || 'error' in target || client?.kind !== 'organisation') return validationProblem(errors);
    const agent = agentOf(target.pid);
    const held = agent?.access[client.org.orgNo] ?? [];
    if (!agent || held.length === 0) return empty(204);
    const refused = withoutCascade(ctx, held);
    if (refused) return refused;
    delete agent.access[client.org.orgNo];
    w.store.changed();
    return empty(204);
  });

  const changePackages = (op: 'add' | 'remove') => async (ctx: RequestContext) => {
    const auth = await firmAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const input = parseDelegationInput(ctx.bodyJson());
    if (!input.ok) return input.reply;
    const fromParam = ctx.query.get('from');
    const fromParty = isGuid(fromParam) ? w.directory.partyByUuid(fromParam) : undefined;
    const client = fromParty?.kind === 'organisation' ? w.directory.clientByOrgNo.get(fromParty.org.orgNo) : undefined;
    const target = agentTarget(ctx.query.get('to'));
    const errors: ValidationError[] = [];
    if (!fromParty) errors.push(vld('AM.VLD-00006', 'Entity do not exists.', '?from'));
    if ('error' in target) errors.push(target.error);
    if (errors.length || 'error' in target) return validationProblem(errors);
    const agent = agentOf(target.pid);
    if (!agent) return validationProblem([vld('AM.VLD-00032', MISSING_ASSIGNMENT, '?to')]);
    const fromUuid = fromParam!.toLowerCase();
    const toUuid = w.directory.personPartyUuid(target.pid);
    // An organisation that is not a client holds no role towards the firm: nothing it could pass on.
    const given = client ? clientAccess(client) : [];
    const held = new Set(client ? (agent.access[client.org.orgNo] ?? []) : []);
    const results: unknown[] = [];
    for (const value of input.values) {
      const viaRole = given.find((a) => a.role.id === value.role.id);
      if (!viaRole) {
        if (op === 'add') errors.push(vld('AM.VLD-00032', MISSING_ASSIGNMENT, `/values[${value.roleIndex}]/role`));
        continue;
      }
      for (const p of value.packages) {
        if (op === 'add' && !viaRole.packages.includes(p.code)) {
          errors.push(vld('AM.VLD-00026', 'User not authorized for operation.', `/values[${value.roleIndex}]/packages[${p.index}]`));
          continue;
        }
        const changed = op === 'add' ? !held.has(p.code) : held.has(p.code);
        if (op === 'add') held.add(p.code);
        else held.delete(p.code);
        results.push({
          roleId: value.role.id,
          packageId: packageInfo(p.code)!.id,
          viaId: auth.firmUuid,
          fromId: fromUuid,
          toId: toUuid,
          changed,
        });
      }
    }
    // Altinn saves nothing from a request with any refused entry.
    if (errors.length) return validationProblem(errors);
    if (client) {
      if (held.size) agent.access[client.org.orgNo] = [...held];
      else delete agent.access[client.org.orgNo];
      w.store.changed();
    }
    return json(200, results);
  };
  router.post(`${AM_BASE}/agents/accesspackages`, changePackages('add'));
  router.delete(`${AM_BASE}/agents/accesspackages`, changePackages('remove'));
}
