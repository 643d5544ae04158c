// Shared plumbing for Altinn JSON calls: bearer token, JSON parsing, error mapping, and paging that
// follows `links.next` until it is absent or null.
import { createHash } from 'node:crypto';
import { LocalCodes, ServiceError } from '../../platform/errors';
import { parseRetryAfterMs } from '../../platform/http/backoff';
import type { HttpClient, HttpMethod, HttpResponse } from '../../platform/http/http-client';
import type { z } from 'zod';
import { parseJsonOrUndefined, parseResponse, unknownShape } from '../../platform/http/lenient-json';
import { altinnError, type AltinnCallKind } from './errors';
import { pageSchema } from './schemas';

export type TokenProvider = () => string | Promise<string>;

/** One page of an answer as it was read: the digest of its bytes and the link it gave to the next page. */
export interface PageMark {
  digest: string;
  next: string | null;
}

/** The sha256 of the body; for one handed on in pieces, the HTTP layer's digest of it (the body is not kept). */
const digestOf = (res: HttpResponse): string =>
  res.bodySha256 ??
  createHash('sha256')
    .update(res.bodyBytes ?? res.bodyText)
    .digest('base64url');

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
  /** The body's pieces as they arrive (HttpRequest.onBodyPiece). */
  onBodyPiece?: (piece: Uint8Array) => void;
}

/** How a paged read reads each page: whole, once it is known to be needed, or as it arrives. */
export interface PageReader {
  /** Reads a page that has arrived; returns its link to the next. */
  read(res: HttpResponse, at: AltinnCall): string | undefined | Promise<string | undefined>;
  /** For a page that will be read whatever it holds: a reading of it as it arrives. */
  stream?(): { onBodyPiece(piece: Uint8Array): void; finish(res: HttpResponse, at: AltinnCall): Promise<string | undefined> };
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
      onBodyPiece: call.onBodyPiece,
    });
    if (!res.ok) throw withRetryAfter(altinnError(res, this.kind), res);
    return res;
  }

  /** The answer's body as `schema` reads it; a body that is not JSON, or not that shape, is a BAD_RESPONSE. */
  async read<T extends z.ZodType>(call: AltinnCall, schema: T): Promise<z.output<T>> {
    const res = await this.send(call);
    return this.parse(res, call, schema);
  }

  parse<T extends z.ZodType>(res: HttpResponse, call: AltinnCall, schema: T): z.output<T> {
    const body = parseJsonOrUndefined(res.bodyText);
    if (body === undefined && res.bodyText.trim() !== '') throw this.unreadable(res, call, null);
    return parseResponse(schema, body, res, { service: 'altinn', serviceName: 'Altinn', operation: call.operation });
  }

  /** Every item across pages, each read by `item`. */
  async allPages<T extends z.ZodType>(call: AltinnCall, item: T): Promise<z.output<T>[]> {
    const items: z.output<T>[] = [];
    const page = pageSchema(item);
    await this.pagesUnlessUnchanged(call, null, {
      read: (res, at) => {
        const { items: data, next: link }: { items: z.output<T>[]; next: string | undefined } = this.parse(res, at, page);
        // Not push(...data): a spread of 200,000 items overflows the call stack.
        for (const entry of data) items.push(entry);
        return link;
      },
    });
    return items;
  }

  /**
   * Follows the pages, each read by `reader` (which returns its link to the next), unless each page is byte
   * for byte the page `before` marked. An unchanged page's link to the next is the one it gave before, so the
   * pages are followed without reading them; the first page that differs has the ones before it read after all,
   * in order. Once no mark is left to compare with, each page is read as it arrives, where the reader can.
   */
  async pagesUnlessUnchanged(
    call: AltinnCall,
    before: readonly PageMark[] | null,
    reader: PageReader,
  ): Promise<{ marks: PageMark[]; unchanged: boolean }> {
    const marks: PageMark[] = [];
    const unread: { res: HttpResponse; call: AltinnCall }[] = [];
    const seen = new Set<string>();
    let alike = before !== null;
    let next: AltinnCall | undefined = call;
    while (next) {
      const streamed = alike ? undefined : reader.stream?.();
      const res = await this.send(streamed ? { ...next, onBodyPiece: (piece) => streamed.onBodyPiece(piece) } : next);
      const digest = digestOf(res);
      const marked: PageMark | undefined = alike ? before?.[marks.length] : undefined;
      let link: string | undefined;
      if (streamed) link = await streamed.finish(res, next);
      else if (marked?.digest === digest) {
        link = marked.next ?? undefined;
        unread.push({ res, call: next });
      } else {
        if (alike) for (const u of unread.splice(0)) await reader.read(u.res, u.call);
        alike = false;
        link = await reader.read(res, next);
      }
      marks.push({ digest, next: link ?? null });
      // A server that hands back the same link forever must not hang the app.
      if (!link || seen.has(link)) break;
      seen.add(link);
      next = { ...call, path: link, query: undefined };
    }
    // Fewer pages than before is a change too (the marks then differ in length).
    if (alike && marks.length === before?.length) return { marks, unchanged: true };
    for (const u of unread) await reader.read(u.res, u.call);
    return { marks, unchanged: false };
  }

  /** The BAD_RESPONSE for an answer `call` got that is not JSON, or not the shape `described` says. */
  unreadable(res: HttpResponse, call: AltinnCall, described: string | null): ServiceError {
    const where = { service: 'altinn' as const, serviceName: 'Altinn', operation: call.operation };
    if (described !== null) return unknownShape(where, res, described);
    return new ServiceError({
      service: 'altinn',
      code: LocalCodes.BadResponse,
      status: res.status,
      correlationId: res.correlationId,
      message: `Altinn answered ${call.operation} with something that is not JSON.`,
    });
  }
}
