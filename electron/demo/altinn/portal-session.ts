// The simulated portal's login, as the real one: no session, no approval. Opening a portal page without a
// session sends the browser through ID-porten (client `altinn-portal-demo`, code + PKCE); the callback
// trades the code at ID-porten over HTTP and sets an HttpOnly session cookie. Each session has its own
// CSRF token, which every form of the portal carries and every POST must return.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { idportenIssuer, verifyIssuedToken, type WorldContext } from '../context';
import { hop } from '../http/hop';
import type { RequestContext } from '../http/router';
import { isRecord } from '../jwt';
import { IDPORTEN_PORTAL_CLIENT_ID, SCOPES } from '../seed/identifiers';
import { personByPid, type SeedPerson } from '../seed/people';

export const PORTAL_UI = '/accessmanagement/ui';
export const LOGIN_CALLBACK = `${PORTAL_UI}/login/callback`;
const COOKIE = 'altinn-portal-session';
const SESSION_LIFETIME_MS = 30 * 60_000;
const LOGIN_LIFETIME_MS = 10 * 60_000;

export interface PortalSession {
  person: SeedPerson;
  csrf: string;
}

interface StoredSession {
  pid: string;
  csrf: string;
  expiresAt: number;
}

interface PendingLogin {
  verifier: string;
  returnTo: string;
  expiresAt: number;
}

const token = (): string => randomBytes(24).toString('base64url');

export class PortalSessions {
  private readonly sessions = new Map<string, StoredSession>();
  private readonly logins = new Map<string, PendingLogin>();
  private readonly w: WorldContext;

  constructor(w: WorldContext) {
    this.w = w;
  }

  /** The signed-in person of this request, or null. */
  current(ctx: RequestContext): PortalSession | null {
    const id = cookieValue(ctx.header('cookie'), COOKIE);
    const s = id ? this.sessions.get(id) : undefined;
    if (!id || !s) return null;
    if (s.expiresAt < this.w.clock.nowMs()) {
      this.sessions.delete(id);
      return null;
    }
    const person = personByPid(s.pid);
    return person ? { person, csrf: s.csrf } : null;
  }

  /** Constant-time check of a form's CSRF token against the session's. */
  csrfMatches(session: PortalSession, given: string | null): boolean {
    const a = createHash('sha256').update(session.csrf).digest();
    const b = createHash('sha256')
      .update(given ?? '')
      .digest();
    return timingSafeEqual(a, b) && given !== null;
  }

  /** The portal logs out after a decision, as the real one does before it redirects. */
  end(ctx: RequestContext): Record<string, string> {
    const id = cookieValue(ctx.header('cookie'), COOKIE);
    if (id) this.sessions.delete(id);
    return { 'set-cookie': `${COOKIE}=; Path=${PORTAL_UI}; HttpOnly; SameSite=Lax; Max-Age=0` };
  }

  /** Where to send a browser without a session: ID-porten's authorize page, back to `returnTo` after. */
  loginRedirect(returnTo: string): string {
    const state = token();
    const verifier = randomBytes(32).toString('base64url');
    this.logins.set(state, { verifier, returnTo, expiresAt: this.w.clock.nowMs() + LOGIN_LIFETIME_MS });
    const q = new URLSearchParams({
      response_type: 'code',
      client_id: IDPORTEN_PORTAL_CLIENT_ID,
      redirect_uri: `${this.w.urls.altinnPortal}${LOGIN_CALLBACK}`,
      scope: `openid ${SCOPES.portalEnduser}`,
      state,
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    });
    return `${this.w.urls.idporten}/authorize?${q}`;
  }

  /** Finishes a login: the code is traded at ID-porten; the answer is the cookie and where to go next. */
  async finishLogin(ctx: RequestContext): Promise<{ cookie: string; returnTo: string } | null> {
    const state = ctx.query.get('state') ?? '';
    const pending = this.logins.get(state);
    this.logins.delete(state);
    const code = ctx.query.get('code');
    if (!pending || !code || pending.expiresAt < this.w.clock.nowMs()) return null;
    const res = await hop(`${this.w.urls.idporten}/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: `${this.w.urls.altinnPortal}${LOGIN_CALLBACK}`,
        client_id: IDPORTEN_PORTAL_CLIENT_ID,
        code_verifier: pending.verifier,
      }).toString(),
      correlationId: ctx.correlationId,
      caller: 'altinn',
    });
    if (res.status !== 200) return null;
    const body: unknown = JSON.parse(res.text);
    const accessToken = isRecord(body) && typeof body.access_token === 'string' ? body.access_token : null;
    const claims = accessToken ? await verifyIssuedToken(this.w, accessToken, this.w.keys.idporten, idportenIssuer(this.w)) : null;
    if (!claims || typeof claims.pid !== 'string' || !personByPid(claims.pid)) return null;
    const id = token();
    this.sessions.set(id, { pid: claims.pid, csrf: token(), expiresAt: this.w.clock.nowMs() + SESSION_LIFETIME_MS });
    return { cookie: `${COOKIE}=${id}; Path=${PORTAL_UI}; HttpOnly; SameSite=Lax`, returnTo: pending.returnTo };
  }
}

function cookieValue(header: string | undefined, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=');
    if (k === name) return v.join('=');
  }
  return null;
}
