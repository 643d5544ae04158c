// The recorded traffic as a HAR 1.2 file (http://www.softwareishard.com/blog/har-12-spec/), so a run can be
// opened in a browser's network panel or shared with a vendor. Headers are left out on purpose: the ones
// worth anything (Authorization, subscription keys) are the ones that must never be shared. Who called whom
// and the decoded tokens travel in `_`-prefixed fields, which HAR reserves for extensions.
import type { Exchange } from '../../../shared/contract/actorflow';
import { safeText } from './redaction';

export interface HarOptions {
  creatorVersion: string;
  environment: string;
}

export function toHar(exchanges: readonly Exchange[], options: HarOptions): string {
  const entries = exchanges.map((e) => {
    const url = safeText(e.url)!;
    return {
      startedDateTime: e.startedAt,
      time: e.durationMs,
      request: {
        method: e.method,
        url,
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: [],
        queryString: queryString(url),
        headersSize: -1,
        bodySize: e.requestBody === null ? 0 : -1,
        ...(e.requestBody !== null ? { postData: { mimeType: mimeTypeOf(e.requestBody), text: safeText(e.requestBody)! } } : {}),
      },
      response: {
        status: e.status ?? 0,
        statusText: '',
        httpVersion: 'HTTP/1.1',
        cookies: [],
        headers: [],
        content: {
          size: e.responseBody?.length ?? 0,
          mimeType: e.responseBody === null ? 'x-unknown' : mimeTypeOf(e.responseBody),
          ...(e.responseBody !== null ? { text: safeText(e.responseBody)! } : {}),
        },
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait: e.durationMs, receive: 0 },
      ...(e.error ? { comment: safeText(e.error)! } : {}),
      _from: e.from,
      _to: e.to,
      _kind: e.kind,
      _operation: e.operation,
      _correlationId: e.correlationId,
      _decodedJwt: e.decoded,
    };
  });
  const har = {
    log: {
      version: '1.2',
      creator: { name: 'Klientdesk actor flow', version: options.creatorVersion },
      comment: `Environment: ${options.environment}. Tokens, grants, codes and keys are redacted; decoded token claims are kept.`,
      entries,
    },
  };
  return JSON.stringify(har, null, 2);
}

function queryString(url: string): Array<{ name: string; value: string }> {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function mimeTypeOf(body: string): string {
  const t = body.trimStart();
  if (t.startsWith('{') || t.startsWith('[') || t.startsWith('"')) return 'application/json';
  if (t.startsWith('<')) return 'text/html';
  if (/^[\w.%~-]+=[^&]*(&[\w.%~-]+=[^&]*)*$/.test(t)) return 'application/x-www-form-urlencoded';
  return 'text/plain';
}
