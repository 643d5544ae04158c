// Access Management's client-administration reads (altinn.md §10): the firm's clients with the roles and packages
// each gives it, its agents, and who has which client. Quirks kept: the role key `"legacyurn "` with a trailing
// space, lower-case `partyid`, nulls written, `links.next: null`, paging headers accepted and ignored.
import { packageCode } from '../../../shared/domain/packages';
import type { WorldContext } from '../context';
import { json } from '../http/reply';
import type { Router } from '../http/router';
import { AGENT_ROLE, packageInfo, type RoleInfo } from '../seed/catalogue';
import { accessJson, accessThroughRoles, AM_BASE, firmAgents, firmAuth, orgEntity, page, roleJson, roleMatching } from './am-agents';
import { clientListBody } from './client-list-body';
import { validationProblem } from './problems';

const notFound = (param: string) => validationProblem([{ code: 'AM.VLD-00006', title: 'Entity do not exists.', paths: [`?${param}`] }]);

export function accessManagementRoutes(w: WorldContext, router: Router): void {
  router.get(`${AM_BASE}/clients`, async (ctx) => {
    const auth = await firmAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const roles: RoleInfo[] = [];
    for (const v of ctx.query
      .getAll('roles')
      .flatMap((x) => x.split(','))
      .filter(Boolean)) {
      const role = roleMatching(v);
      if (!role) return validationProblem([{ code: 'AM.VLD-00029', title: 'Invalid Role.', paths: ['?roles'] }]);
      roles.push(role);
    }
    const packages = ctx.query
      .getAll('packages')
      .flatMap((x) => x.split(','))
      .filter(Boolean)
      .map(packageCode);
    if (packages.some((p) => !packageInfo(p)?.delegable))
      return validationProblem([{ code: 'AM.VLD-00030', title: 'Invalid Package.', paths: ['?packages'] }]);
    const body = clientListBody(
      w,
      (access) =>
        (!roles.length || access.some((a) => roles.includes(a.role))) &&
        (!packages.length || access.some((a) => a.packages.some((p) => packages.includes(p)))),
    );
    return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body };
  });

  // Like Altinn, the list names each agent with the agent role and no packages: what they hold comes per agent.
  router.get(`${AM_BASE}/agents`, async (ctx) => {
    const auth = await firmAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const agentRole = [{ role: roleJson(AGENT_ROLE), packages: [] }];
    return json(200, page(firmAgents(w).map((a) => ({ agent: a.entity, agentAddedAt: a.addedAt, access: agentRole }))));
  });

  router.get(`${AM_BASE}/agents/accesspackages`, async (ctx) => {
    const auth = await firmAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const to = (ctx.query.get('to') ?? '').toLowerCase();
    const agent = firmAgents(w).find((a) => a.id.toLowerCase() === to);
    if (!agent) return notFound('to');
    const data = [...agent.clients].flatMap(([orgNo, packages]) => {
      const c = w.directory.clientByOrgNo.get(orgNo);
      return c ? [{ client: orgEntity(w, c.org), access: accessJson(accessThroughRoles(c, packages)) }] : [];
    });
    return json(200, page(data));
  });

  router.get(`${AM_BASE}/clients/accesspackages`, async (ctx) => {
    const auth = await firmAuth(w, ctx);
    if (!auth.ok) return auth.reply;
    const from = w.directory.partyByUuid(ctx.query.get('from') ?? '');
    const client = from?.kind === 'organisation' ? w.directory.clientByOrgNo.get(from.org.orgNo) : undefined;
    if (!client) return notFound('from');
    const data = firmAgents(w)
      .filter((a) => a.clients.has(client.org.orgNo))
      .map((a) => ({
        agent: a.entity,
        agentAddedAt: a.addedAt,
        access: accessJson(accessThroughRoles(client, a.clients.get(client.org.orgNo)!)),
      }));
    return json(200, page(data));
  });
}
