// What handlers return. The server writes it and the traffic log reads it; handlers never touch `res`.
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer | StreamedBody;
}

/**
 * A body written while it is sent, chunk by chunk, so that a large one is never held whole. Its length is
 * known before the first byte and sent as Content-Length, as for any other body.
 */
export interface StreamedBody {
  readonly byteLength: number;
  /**
   * The body's bytes in order; every call writes the same bytes anew. A chunk is the reader's only until it asks
   * for the next: the writer may reuse its memory.
   */
  chunks(): Iterable<Buffer>;
}

export const isStreamed = (body: Reply['body']): body is StreamedBody => typeof body === 'object' && !Buffer.isBuffer(body);

/** The whole body at once, for the bodies small enough to hold. */
export function wholeBody(body: StreamedBody): Buffer {
  const whole = Buffer.allocUnsafe(body.byteLength);
  let at = 0;
  // Copied as they come: the writer may reuse a chunk's memory for the next.
  for (const chunk of body.chunks()) at += chunk.copy(whole, at);
  if (at !== body.byteLength) throw new Error(`a streamed body of ${body.byteLength} bytes wrote ${at}`);
  return whole;
}

export const json = (status: number, value: unknown, headers: Record<string, string> = {}): Reply => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(value),
});

/** RFC 7807 bodies, as ASP.NET writes them. */
export const problemJson = (status: number, value: unknown): Reply => ({
  status,
  headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  body: JSON.stringify(value),
});

export const text = (status: number, body: string, contentType = 'text/plain; charset=utf-8'): Reply => ({
  status,
  headers: { 'content-type': contentType },
  body,
});

export const html = (status: number, page: string): Reply => ({
  status,
  // The pages have no scripts at all; the policy makes sure an injected one would not run either.
  headers: {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://127.0.0.1:* http://localhost:*",
  },
  body: page,
});

export const empty = (status: number, headers: Record<string, string> = {}): Reply => ({ status, headers });

export const redirect = (location: string, status = 302): Reply => ({ status, headers: { location } });
