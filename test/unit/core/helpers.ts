// Test doubles for the core services: a clock that never sleeps and a scripted fetch.
import type { Clock } from '../../../electron/platform/http/clock';

export class FakeClock implements Clock {
  readonly sleeps: number[] = [];
  constructor(public ms: number = Date.parse('2026-11-24T10:00:00Z')) {}
  now(): number {
    return this.ms;
  }
  async sleep(ms: number): Promise<void> {
    this.sleeps.push(ms);
    this.ms += ms;
  }
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

export interface SeenRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

export type Responder = (req: SeenRequest, index: number) => Response | Promise<Response>;

/** A fetch that records every request and answers with `responder`. */
export function scriptedFetch(responder: Responder): typeof fetch & { seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fn = (async (input: string | URL | Request, init?: RequestInit) => {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((v, k) => (headers[k] = v));
    const req: SeenRequest = {
      url: String(input),
      method: init?.method ?? 'GET',
      headers,
      body: typeof init?.body === 'string' ? init.body : '',
    };
    seen.push(req);
    return responder(req, seen.length - 1);
  }) as typeof fetch & { seen: SeenRequest[] };
  fn.seen = seen;
  return fn;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

export const text = (status: number, body: string, headers: Record<string, string> = {}): Response =>
  new Response(body === '' ? null : body, { status, headers });

/** Fast scrypt for tests; production uses DEFAULT_SCRYPT. */
export const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };
