// A small method + path router. Literal segments match case-insensitively, as ASP.NET routes do.
import type { IncomingHttpHeaders } from 'node:http';
import type { Reply } from './reply';

export interface RequestContext {
  method: string;
  url: URL;
  path: string;
  query: URLSearchParams;
  params: Record<string, string>;
  headers: IncomingHttpHeaders;
  rawBody: Buffer;
  correlationId: string;
  header(name: string): string | undefined;
  bodyText(): string;
  /** undefined when the body is not valid JSON. */
  bodyJson(): unknown;
  bodyForm(): URLSearchParams;
  /** The bearer token of the Authorization header, or null. */
  bearer(): string | null;
}

export type Handler = (ctx: RequestContext) => Reply | Promise<Reply>;

interface Route {
  method: string;
  segments: string[];
  handler: Handler;
}

export type RouteMatch = { kind: 'found'; handler: Handler; params: Record<string, string> } | { kind: 'wrong-method' } | { kind: 'none' };

const split = (path: string): string[] => path.split('/').filter((s) => s !== '');

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method: method.toUpperCase(), segments: split(pattern), handler });
    return this;
  }

  get = (pattern: string, h: Handler): this => this.add('GET', pattern, h);
  post = (pattern: string, h: Handler): this => this.add('POST', pattern, h);
  put = (pattern: string, h: Handler): this => this.add('PUT', pattern, h);
  delete = (pattern: string, h: Handler): this => this.add('DELETE', pattern, h);

  /** Routes are tried in the order they were added, so literal routes go before parameterised ones. */
  match(method: string, path: string): RouteMatch {
    const parts = split(path);
    let pathMatched = false;
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method.toUpperCase()) return { kind: 'found', handler: route.handler, params };
      pathMatched = true;
    }
    return pathMatched ? { kind: 'wrong-method' } : { kind: 'none' };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const p = pattern[i]!;
    let part: string;
    try {
      part = decodeURIComponent(parts[i]!);
    } catch {
      return null;
    }
    if (p.startsWith(':')) params[p.slice(1)] = part;
    else if (p.toLowerCase() !== part.toLowerCase()) return null;
  }
  return params;
}
