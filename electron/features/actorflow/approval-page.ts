// Morten approving the request in the demo world's portal page, done with the HTTP calls his browser would
// make: open confirmUrl, sign in to the portal through ID-porten, submit the form with his choice. In Test the
// real portal needs a real person, so the view shows the link instead.
import { cookiesSet, postForm, readHtmlForm } from '../../platform/http/form';
import type { HttpClient } from '../../platform/http/http-client';
import { AppError } from '../../../shared/errors';
import { altinnError } from '../../services/altinn/errors';

export interface ApprovalInput {
  confirmUrl: string;
  /** The test person who signs in to the portal (picked on the demo ID-porten's login page). */
  pid: string;
  decision: 'approve' | 'reject';
}

export async function decideInDemoPortal(http: HttpClient, input: ApprovalInput): Promise<void> {
  const page = await openSignedIn(http, input);
  const form = readDecisionForm(page.html, page.url);
  form.fields.set('decision', input.decision);
  const answer = await postForm(http, {
    service: 'altinn',
    operation: 'approve request',
    url: form.action,
    form: form.fields,
    // JSON errors carry Altinn's code (AUTH-00066, AUTH-00013); the success page is HTML either way.
    accept: 'application/json, text/html',
    cookie: page.cookie,
    manualRedirect: true,
  });
  if (answer.status >= 400) throw altinnError(answer, 'vendor');
}

interface PortalPage {
  url: string;
  html: string;
  cookie?: string;
}

/**
 * The portal sends a visitor without a session through ID-porten: the test person is picked on the login page,
 * the callback sets the portal's session cookie, and the confirmUrl then shows its form (with a CSRF token).
 */
async function openSignedIn(http: HttpClient, input: ApprovalInput): Promise<PortalPage> {
  const get = (url: string, operation: string, cookie?: string) =>
    http.send({
      service: 'altinn',
      operation,
      method: 'GET',
      url,
      headers: { Accept: 'text/html', ...(cookie ? { Cookie: cookie } : {}) },
      manualRedirect: true,
    });
  const first = await get(input.confirmUrl, 'approval page');
  if (first.ok) return { url: input.confirmUrl, html: first.bodyText };
  const toLogin = first.headers.get('location');
  if (first.status < 300 || first.status > 399 || !toLogin) throw altinnError(first, 'vendor');

  const authorizeUrl = new URL(toLogin, input.confirmUrl).toString();
  const loginPage = await http.send({
    service: 'idporten',
    operation: 'portal login page',
    method: 'GET',
    url: authorizeUrl,
    headers: { Accept: 'text/html' },
    manualRedirect: true,
  });
  if (!loginPage.ok) throw altinnError(loginPage, 'vendor');
  const login = readDecisionForm(loginPage.bodyText, authorizeUrl);
  login.fields.set('pid', input.pid);
  const chosen = await postForm(http, {
    service: 'idporten',
    operation: 'portal login',
    url: login.action,
    form: login.fields,
    accept: 'text/html',
    manualRedirect: true,
  });
  const callback = chosen.headers.get('location');
  if (!callback) throw altinnError(chosen, 'vendor');

  const signedIn = await get(new URL(callback, authorizeUrl).toString(), 'portal sign-in');
  const cookie = cookiesSet(signedIn);
  const back = signedIn.headers.get('location');
  if (!back || !cookie) throw altinnError(signedIn, 'vendor');
  const url = new URL(back, input.confirmUrl).toString();
  const page = await get(url, 'approval page', cookie);
  if (!page.ok) throw altinnError(page, 'vendor');
  return { url, html: page.bodyText, cookie };
}

interface DecisionForm {
  action: string;
  fields: URLSearchParams;
}

/** The page's one form: its action and hidden inputs (the request id). */
export function readDecisionForm(html: string, pageUrl: string): DecisionForm {
  const { action, fields } = readHtmlForm(html, pageUrl);
  if (!action) throw new AppError('REQUEST_NOT_OPEN', 'The approval page offers no choice: the request is no longer open.');
  return { action, fields };
}
