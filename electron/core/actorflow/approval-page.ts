// Morten approving the request in the demo world's portal page, done with the same two HTTP calls his
// browser would make: open confirmUrl, submit the form with his choice. In Test the real portal needs a
// real person, so the view shows the link instead.
import type { HttpClient } from '../http/http-client';
import { AppError } from '../../../shared/errors';
import { altinnError } from '../altinn/errors';

export interface ApprovalInput {
  confirmUrl: string;
  /** The test person's national id; the demo portal's stand-in for being logged in. */
  pid: string;
  decision: 'approve' | 'reject';
}

export async function decideInDemoPortal(http: HttpClient, input: ApprovalInput): Promise<void> {
  const page = await http.send({
    service: 'altinn',
    operation: 'approval page',
    method: 'GET',
    url: input.confirmUrl,
    headers: { Accept: 'text/html' },
  });
  if (!page.ok) throw altinnError(page, 'vendor');
  const form = readDecisionForm(page.bodyText, input.confirmUrl);
  form.fields.set('pid', input.pid);
  form.fields.set('decision', input.decision);
  const answer = await http.send({
    service: 'altinn',
    operation: 'approve request',
    method: 'POST',
    url: form.action,
    // JSON errors carry Altinn's code (AUTH-00066, AUTH-00013); the success page is HTML either way.
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json, text/html' },
    body: form.fields.toString(),
    manualRedirect: true,
  });
  if (answer.status >= 400) throw altinnError(answer, 'vendor');
}

interface DecisionForm {
  action: string;
  fields: URLSearchParams;
}

/** The page's one form: its action and hidden inputs (the request id). */
export function readDecisionForm(html: string, pageUrl: string): DecisionForm {
  const formTag = /<form\b[^>]*>/i.exec(html)?.[0];
  const action = formTag ? attribute(formTag, 'action') : undefined;
  if (!action) throw new AppError('REQUEST_NOT_OPEN', 'The approval page offers no choice: the request is no longer open.');
  const fields = new URLSearchParams();
  for (const input of html.match(/<input\b[^>]*>/gi) ?? []) {
    const name = attribute(input, 'name');
    if (name && attribute(input, 'type')?.toLowerCase() === 'hidden') fields.set(name, unescapeHtml(attribute(input, 'value') ?? ''));
  }
  return { action: new URL(unescapeHtml(action), pageUrl).toString(), fields };
}

function attribute(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\b${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag);
  return m ? (m[2] ?? m[3] ?? m[4]) : undefined;
}

function unescapeHtml(s: string): string {
  return s
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
