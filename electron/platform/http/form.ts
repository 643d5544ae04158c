// Form posts and HTML forms: what OAuth token endpoints take, and what the login and approval pages that are
// driven the way a browser would drive them (the demo world's) offer.
import type { HttpClient, HttpRequest, HttpResponse } from './http-client';

export type FormFields = Record<string, string> | URLSearchParams;

export interface FormPost extends Omit<HttpRequest, 'method' | 'body'> {
  /** The fields, or a factory called for each attempt (a token request signs a new grant every time). */
  form: FormFields | (() => Promise<FormFields>);
  accept?: string;
  cookie?: string;
}

export function postForm(http: HttpClient, { form, accept, cookie, headers, ...request }: FormPost): Promise<HttpResponse> {
  const encode = (fields: FormFields) => new URLSearchParams(fields).toString();
  return http.send({
    ...request,
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(accept ? { Accept: accept } : {}),
      ...(cookie ? { Cookie: cookie } : {}),
      ...headers,
    },
    body: typeof form === 'function' ? async () => encode(await form()) : encode(form),
  });
}

export interface HtmlForm {
  /** Absolute; undefined when the page has no form or its form names no action. */
  action?: string;
  /** The hidden inputs, which carry the page's state (a request id, a CSRF token) to the post. */
  fields: URLSearchParams;
}

/** The page's first form: its action and its hidden inputs. */
export function readHtmlForm(html: string, pageUrl: string): HtmlForm {
  const formTag = /<form\b[^>]*>/i.exec(html)?.[0];
  const action = formTag ? attribute(formTag, 'action') : undefined;
  const fields = new URLSearchParams();
  for (const input of html.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attribute(input, 'name');
    if (name && attribute(input, 'type')?.toLowerCase() === 'hidden') fields.set(name, unescapeHtml(attribute(input, 'value') ?? ''));
  }
  return { action: action ? new URL(unescapeHtml(action), pageUrl).toString() : undefined, fields };
}

/** The cookies an answer sets, as the Cookie header that sends them back; undefined when it sets none. */
export function cookiesSet(res: HttpResponse): string | undefined {
  const cookies = res.headers.getSetCookie();
  return cookies.length > 0 ? cookies.map((c) => c.split(';')[0]).join('; ') : undefined;
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
}

// &amp; last, so an escaped entity (&amp;lt;) stays the text it stood for.
function unescapeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
