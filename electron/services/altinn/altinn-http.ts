// Shared plumbing for Altinn JSON calls: bearer token, JSON parsing, error mapping, and paging that
// follows `links.next` until it is absent or null.
import { LocalCodes, ServiceError } from '../../platform/errors';
import { parseRetryAfterMs } from '../../platform/http/backoff';
import type { HttpClient, HttpMethod, HttpResponse } from '../../platform/http/http-client';
import { arr, field, parseJsonOrUndefined, str } from '../../platform/http/lenient-json';
import { altinnError, type AltinnCallKind } from './errors';

export type TokenProvider = () => string | Promise<string>;

export interface AltinnCall {
  method: HttpMethod;
  /** Absolute, or relative to the platform URL. */
  path: string;
  query?: Record<string, string | readonly string[] | undefined>;
  body?: unknown;
  idempotent?: boolean;
  operation: string;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Instead of the HTTP layer's default, for answers that are large by nature (a whole firm's client list). */
  timeoutMs?: number;
}

/** A 429 or 503 that outlived the HTTP layer's retries still tells a batch runner how long to hold off. */
function withRetryAfter(error: ServiceError, res: HttpResponse): ServiceError {
  const waitMs = parseRetryAfterMs(res.headers.get('retry-after'), Date.now());
  if (waitMs === undefined) return error;
  return new ServiceError({
    service: error.service,
    code: error.code,
    message: error.message,
    status: error.status,
    retryable: error.retryable,
    correlationId: error.correlationId,
    traceId: error.traceId,
    remoteMessage: error.remoteMessage,
    params: error.params,
    subErrors: error.subErrors,
    retryAfterSeconds: Math.ceil(waitMs / 1000),
  });
}

export class AltinnHttp {
  constructor(
    private readonly http: HttpClient,
    readonly platformUrl: string,
    private readonly token: TokenProvider,
    private readonly kind: AltinnCallKind,
  ) {}

  async send(call: AltinnCall): Promise<HttpResponse> {
    const url = new URL(call.path, `${this.platformUrl}/`);
    for (const [k, v] of Object.entries(call.query ?? {})) {
      if (v === undefined) continue;
      for (const item of typeof v === 'string' ? [v] : v) url.searchParams.append(k, item);
    }
    const headers: Record<string, string> = { Authorization: `Bearer ${await this.token()}`, Accept: 'application/json', ...call.headers };
    if (call.body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await this.http.send({
      service: 'altinn',
      operation: call.operation,
      method: call.method,
      url: url.toString(),
      headers,
      body: call.body === undefined ? undefined : JSON.stringify(call.body),
      idempotent: call.idempotent,
      signal: call.signal,
      timeoutMs: call.timeoutMs,
    });
    if (!res.ok) throw withRetryAfter(altinnError(res, this.kind), res);
    return res;
  }

  async json(call: AltinnCall): Promise<unknown> {
    const res = await this.send(call);
    const body = parseJsonOrUndefined(res.bodyText);
    if (body === undefined && res.bodyText.trim() !== '') {
      throw new ServiceError({
        service: 'altinn',
        code: LocalCodes.BadResponse,
        status: res.status,
        correlationId: res.correlationId,
        message: `Altinn answered ${call.operation} with something that is not JSON.`,
      });
    }
    return body;
  }

  /** Every `data` item across pages. */
  async allPages(call: AltinnCall): Promise<unknown[]> {
    const items: unknown[] = [];
    const seen = new Set<string>();
    let next: AltinnCall | undefined = call;
    while (next) {
      const page = await this.json(next);
      // Not push(...data): a spread of 200,000 items overflows the call stack.
      for (const item of arr(page, 'data')) items.push(item);
      const link = str(field(page, 'links'), 'next');
      // A server that hands back the same link forever must not hang the app.
      if (!link || seen.has(link)) break;
      seen.add(link);
      next = { ...call, path: link, query: undefined };
    }
    return items;
  }
}
