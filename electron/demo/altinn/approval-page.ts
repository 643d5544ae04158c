// The simulated portal page behind `confirmUrl`: shows the request and lets a test person approve,
// reject or escalate it. Plain HTML forms, no scripts; every value escaped.
import { packageCode } from '../../../shared/domain/packages';
import type { WorldContext } from '../context';
import { h, page, type SafeHtml } from '../html';
import { html, redirect, type Reply } from '../http/reply';
import type { RequestContext, Router } from '../http/router';
import { packageInfo } from '../seed/catalogue';
import type { SystemUserRequest } from '../state/model';
import { decide, type Decision } from './approval';
import { LOGIN_CALLBACK, PortalSessions, type PortalSession } from './portal-session';
import { altinnProblem } from './problems';
import { effectiveStatus } from './wire';

const UI = '/accessmanagement/ui/systemuser';
const DECISIONS: readonly Decision[] = ['approve', 'reject', 'escalate'];

const wantsRedirect = (v: string | null): boolean => v === '1' || v === 'true' || v === '302';
const wantsJson = (ctx: RequestContext): boolean => (ctx.header('accept') ?? '').includes('application/json');

function requestSummary(w: WorldContext, r: SystemUserRequest): SafeHtml {
  const system = w.store.systems.get(r.systemId);
  const vendor = system ? w.directory.orgByOrgNo.get(system.vendorOrgNo) : undefined;
  const party = w.directory.orgByOrgNo.get(r.partyOrgNo);
  return h`<dl>
<dt>System</dt><dd>${system?.name.nb ?? r.systemId} (<code>${r.systemId}</code>) fra ${vendor?.name ?? system?.vendorOrgNo ?? ''}</dd>
<dt>Systemtilgang</dt><dd>${r.integrationTitle}</dd>
<dt>For virksomheten</dt><dd>${party?.name ?? ''} (${r.partyOrgNo})</dd>
<dt>Type</dt><dd>${r.kind === 'agent' ? 'Systemtilgang for klientforhold' : 'Systemtilgang'}</dd>
<dt>Status</dt><dd><code>${effectiveStatus(w, r)}</code>${r.escalated ? ' (eskalert)' : ''}</dd>
</dl>
<h2>Tilgangspakker</h2>
<ul>${r.accessPackages.map((p) => h`<li>${packageInfo(packageCode(p.urn))?.name ?? p.urn} <code>${p.urn}</code></li>`)}</ul>`;
}

function requestPage(w: WorldContext, r: SystemUserRequest, session: PortalSession, redirectFlag: boolean): string {
  const open = effectiveStatus(w, r) === 'New';
  const action = `${UI}/${r.kind === 'agent' ? 'agentrequest' : 'request'}/decision${redirectFlag ? '?redirect=1' : ''}`;
  const form = h`<form method="post" action="${action}">
<input type="hidden" name="id" value="${r.id}">
<input type="hidden" name="csrf" value="${session.csrf}">
<p>
<button type="submit" name="decision" value="approve">Godkjenn</button>
<button type="submit" name="decision" value="reject">Avvis</button>
<button type="submit" name="decision" value="escalate">Send til tilgangsstyrer</button>
</p>
</form>`;
  return page(
    'Godkjenn systemtilgang',
    h`<h1>Forespørsel om systemtilgang</h1><p>Logget inn som ${session.person.name}</p>${requestSummary(w, r)}${open ? form : h`<p>Forespørselen er ikke lenger åpen.</p>`}`,
  );
}

function notFound(ctx: RequestContext): Reply {
  if (wantsJson(ctx)) return altinnProblem(404, 'AUTH-00010', 'Request not found');
  return html(
    404,
    page('Fant ikke forespørselen', h`<h1>Fant ikke forespørselen</h1><p class="error"><code>AUTH-00010</code> Request not found</p>`),
  );
}

/** A form POST from a page of another origin is refused before anything else (CSRF, defence in depth). */
function foreignOrigin(w: WorldContext, ctx: RequestContext): boolean {
  const origin = ctx.header('origin');
  return origin !== undefined && origin !== new URL(w.urls.altinnPortal).origin;
}

function refused(ctx: RequestContext, status: 401 | 403, title: string, text: string): Reply {
  if (wantsJson(ctx)) return { status };
  return html(status, page(title, h`<h1>${title}</h1><p class="error">${text}</p>`));
}

export function approvalPageRoutes(w: WorldContext, router: Router): void {
  const sessions = new PortalSessions(w);

  router.get(LOGIN_CALLBACK, async (ctx) => {
    const done = await sessions.finishLogin(ctx);
    if (!done) return html(400, page('Innlogging feilet', h`<h1>Innlogging feilet</h1><p class="error">Start på nytt fra lenken.</p>`));
    return { status: 302, headers: { location: done.returnTo, 'set-cookie': done.cookie } };
  });

  for (const pageName of ['agentrequest', 'request']) {
    router.get(`${UI}/${pageName}`, (ctx) => {
      const session = sessions.current(ctx);
      if (!session) return redirect(sessions.loginRedirect(ctx.url.pathname + ctx.url.search));
      const r = w.store.requests.get(ctx.query.get('id') ?? '');
      if (!r || r.isDeleted) return notFound(ctx);
      return html(200, requestPage(w, r, session, wantsRedirect(ctx.query.get('redirect'))));
    });

    router.post(`${UI}/${pageName}/decision`, (ctx) => {
      if (foreignOrigin(w, ctx)) return refused(ctx, 403, 'Avvist', 'Skjemaet kom fra en annen side.');
      const session = sessions.current(ctx);
      if (!session) return refused(ctx, 401, 'Du er ikke logget inn', 'Åpne lenken på nytt og logg inn med ID-porten.');
      const form = ctx.bodyForm();
      if (!sessions.csrfMatches(session, form.get('csrf')))
        return refused(ctx, 403, 'Avvist', 'Skjemaet er utløpt eller kommer fra en annen side. Åpne lenken på nytt.');
      const r = w.store.requests.get(form.get('id') ?? '');
      if (!r || r.isDeleted) return notFound(ctx);
      const person = session.person;
      const decision = form.get('decision') as Decision | null;
      if (!decision || !DECISIONS.includes(decision)) {
        return html(400, page('Ugyldig valg', h`<h1>Ugyldig valg</h1><p class="error">Godkjenn, avvis eller eskaler.</p>`));
      }
      const result = decide(w, r, person, decision);
      if (!result.ok) {
        if (wantsJson(ctx)) return altinnProblem(result.status, result.code, result.title);
        const escalate =
          result.code === 'AUTH-00066'
            ? h`<p>Du kan be en tilgangsstyrer i virksomheten om å godkjenne.</p>
<form method="post" action="${ctx.path}"><input type="hidden" name="id" value="${r.id}"><input type="hidden" name="csrf" value="${session.csrf}">
<button type="submit" name="decision" value="escalate">Send til tilgangsstyrer</button></form>`
            : '';
        return html(
          result.status,
          page(
            'Kan ikke utføre valget',
            h`<h1>Kan ikke utføre valget</h1><p class="error"><code>${result.code}</code> ${result.title}</p>${escalate}`,
          ),
        );
      }
      if (decision === 'escalate') {
        return html(200, page('Sendt til tilgangsstyrer', h`<h1>Forespørselen er sendt til tilgangsstyrer</h1>${requestSummary(w, r)}`));
      }
      // After approving or rejecting, the portal logs out.
      const logout = sessions.end(ctx);
      const done = decision === 'approve' ? 'godkjent' : 'avvist';
      if (r.redirectUrl && wantsRedirect(ctx.query.get('redirect')))
        return { status: 302, headers: { location: r.redirectUrl, ...logout } };
      const next = r.redirectUrl
        ? h`<p>Portalen ville nå sendt deg videre til <a href="${r.redirectUrl}"><code>${r.redirectUrl}</code></a> (would redirect to ${r.redirectUrl}).</p>`
        : '';
      const reply = html(200, page(`Forespørselen er ${done}`, h`<h1>Forespørselen er ${done}</h1>${requestSummary(w, r)}${next}`));
      return { ...reply, headers: { ...reply.headers, ...logout } };
    });
  }
}
