// What a browser does with a confirmUrl: the portal sends it through the ID-porten login, the test person
// is picked, the callback sets the portal's session cookie, and the page comes back with its form.
import { expect } from 'vitest';

export interface PortalPage {
  cookie: string;
  url: string;
  html: string;
}

const hidden = (html: string, name: string): string | undefined =>
  new RegExp(`<input type="hidden" name="${name}" value="([^"]*)"`).exec(html)?.[1];

export async function openSignedIn(confirmUrl: string, pid: string): Promise<PortalPage> {
  const first = await fetch(confirmUrl, { redirect: 'manual' });
  expect(first.status).toBe(302);
  const authorize = first.headers.get('location')!;
  const login = await (await fetch(authorize)).text();
  const fields = new URLSearchParams();
  for (const m of login.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g))
    fields.set(m[1]!, m[2]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"'));
  fields.set('pid', pid);
  const posted = await fetch(new URL('/authorize/login', authorize), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: fields.toString(),
    redirect: 'manual',
  });
  const callback = await fetch(posted.headers.get('location')!, { redirect: 'manual' });
  expect(callback.status).toBe(302);
  const cookie = callback.headers.get('set-cookie')!.split(';')[0]!;
  const url = new URL(callback.headers.get('location')!, confirmUrl).toString();
  const pageRes = await fetch(url, { headers: { cookie } });
  expect(pageRes.status).toBe(200);
  return { cookie, url, html: await pageRes.text() };
}

export interface DecideOptions {
  accept?: string;
  /** Override the form's CSRF token (undefined keeps the page's). */
  csrf?: string | null;
  cookie?: string | null;
  extra?: Record<string, string>;
  origin?: string;
}

/** Submits the page's form with one of its buttons. */
export async function submitDecision(p: PortalPage, decision: string, o: DecideOptions = {}): Promise<Response> {
  const action = /<form method="post" action="([^"]+)"/.exec(p.html)![1]!.replace(/&amp;/g, '&');
  const body = new URLSearchParams({ id: hidden(p.html, 'id')!, decision, ...o.extra });
  const csrf = o.csrf === undefined ? hidden(p.html, 'csrf') : o.csrf;
  if (csrf !== null && csrf !== undefined) body.set('csrf', csrf);
  const cookie = o.cookie === undefined ? p.cookie : o.cookie;
  return fetch(new URL(action, p.url), {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      ...(cookie ? { cookie } : {}),
      ...(o.accept ? { accept: o.accept } : {}),
      ...(o.origin ? { origin: o.origin } : {}),
    },
    body: body.toString(),
    redirect: 'manual',
  });
}

/** Opens confirmUrl as `pid` and takes the decision, the way the person would in a browser. */
export async function decideAs(confirmUrl: string, pid: string, decision: string, o: DecideOptions = {}): Promise<Response> {
  return submitDecision(await openSignedIn(confirmUrl, pid), decision, o);
}
