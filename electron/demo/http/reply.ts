// What handlers return. The server writes it and the traffic log reads it; handlers never touch `res`.
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
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
