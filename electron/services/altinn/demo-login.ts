// The demo world's ID-porten stand-in, driven over HTTP the way a browser would: open the authorize page,
// submit the "choose test person" form with a pid, and pick the code out of the 302 Location. Everything
// after that (state check, code exchange with PKCE) is the same as a real login.
import { LocalCodes, ServiceError } from '../../platform/errors';
import { cookiesSet, postForm, readHtmlForm, type HtmlForm } from '../../platform/http/form';
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
  const cookie = cookiesSet(page);
  const form = readLoginForm(page.bodyText, request.url);
  form.fields.set('pid', options.pid);

  const submitted = await postForm(http, {
    service: 'idporten',
    operation: 'login',
    url: form.action ?? new URL('/authorize/login', endpoints.authorizationEndpoint).toString(),
    form: form.fields,
    cookie,
    manualRedirect: true,
  });
  const location = submitted.headers.get('location');
  if (submitted.status < 300 || submitted.status > 399 || !location) {
    throw loginFailed(submitted, 'The demo ID-porten did not accept the test person.');
  }
  const code = codeFromAuthorizationResponse(new URL(location, request.redirectUri).searchParams, request.state);
  return exchangeAuthorizationCode(http, endpoints, client, request, code);
}

/**
 * The hidden inputs of the page's form carry the authorization request forward; when the page has none
 * (a session cookie holds it instead), the original query is sent along so either design works.
 */
function readLoginForm(html: string, authorizeUrl: string): HtmlForm {
  const form = readHtmlForm(html, authorizeUrl);
  if ([...form.fields.keys()].length === 0) for (const [k, v] of new URL(authorizeUrl).searchParams) form.fields.set(k, v);
  return form;
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
