// The demo world's ID-porten stand-in, driven over HTTP the way a browser would: open the authorize page,
// submit the "choose test person" form with a pid, and pick the code out of the 302 Location. Everything
// after that (state check, code exchange with PKCE) is the same as a real login.
import { LocalCodes, ServiceError } from '../../platform/errors';
import type { HttpClient, HttpResponse } from '../../platform/http/http-client';
import {
  buildAuthorizationRequest,
  codeFromAuthorizationResponse,
  exchangeAuthorizationCode,
  type IdportenClient,
  type IdportenEndpoints,
  type IdportenTokens,
} from './idporten-login';

export interface DemoLoginOptions {
  http: HttpClient;
  endpoints: IdportenEndpoints;
  client: IdportenClient;
  /** The test person's national id, e.g. Morten 14857110014. */
  pid: string;
  /** Never listened on: the 302 is read, not followed. Any loopback URI is acceptable (RFC 8252). */
  redirectUri?: string;
}

export async function loginDemoPerson(options: DemoLoginOptions): Promise<IdportenTokens> {
  const { http, endpoints, client } = options;
  const request = buildAuthorizationRequest(endpoints, client, options.redirectUri ?? 'http://127.0.0.1:49152/callback');

  const page = await http.send({ service: 'idporten', operation: 'authorize', method: 'GET', url: request.url, manualRedirect: true });
  if (page.status >= 400) throw loginFailed(page, 'The demo ID-porten did not show its login page.');
  const cookie = sessionCookie(page);
  const form = readLoginForm(page.bodyText, request.url);
  form.fields.set('pid', options.pid);

  const submitted = await http.send({
    service: 'idporten',
    operation: 'login',
    method: 'POST',
    url: form.action ?? new URL('/authorize/login', endpoints.authorizationEndpoint).toString(),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...(cookie ? { Cookie: cookie } : {}) },
    body: form.fields.toString(),
    manualRedirect: true,
  });
  const location = submitted.headers.get('location');
  if (submitted.status < 300 || submitted.status > 399 || !location) {
    throw loginFailed(submitted, 'The demo ID-porten did not accept the test person.');
  }
  const code = codeFromAuthorizationResponse(new URL(location, request.redirectUri).searchParams, request.state);
  return exchangeAuthorizationCode(http, endpoints, client, request, code);
}

interface LoginForm {
  action?: string;
  fields: URLSearchParams;
}

/**
 * The hidden inputs of the page's form carry the authorization request forward; when the page has none
 * (a session cookie holds it instead), the original query is sent along so either design works.
 */
function readLoginForm(html: string, authorizeUrl: string): LoginForm {
  const fields = new URLSearchParams();
  const formTag = /<form\b[^>]*>/i.exec(html)?.[0];
  const actionAttr = formTag ? attribute(formTag, 'action') : undefined;
  for (const input of html.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attribute(input, 'name');
    if (name && attribute(input, 'type')?.toLowerCase() === 'hidden') fields.set(name, decodeEntities(attribute(input, 'value') ?? ''));
  }
  if ([...fields.keys()].length === 0) for (const [k, v] of new URL(authorizeUrl).searchParams) fields.set(k, v);
  return { action: actionAttr ? new URL(decodeEntities(actionAttr), authorizeUrl).toString() : undefined, fields };
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
}

function decodeEntities(s: string): string {
  return s
    .replace(/&amp;/g, '&')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>');
}

function sessionCookie(res: HttpResponse): string | undefined {
  const cookies = res.headers.getSetCookie();
  return cookies.length > 0 ? cookies.map((c) => c.split(';')[0]).join('; ') : undefined;
}

function loginFailed(res: HttpResponse, message: string): ServiceError {
  return new ServiceError({
    service: 'idporten',
    code: LocalCodes.LoginFailed,
    status: res.status,
    correlationId: res.correlationId,
    message,
  });
}
