// One loopback HTTP server per simulated service: reads the request, applies latency and faults, routes,
// writes the reply and records the exchange in the traffic log.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { WorldClock } from '../clock';
import type { FaultInjector } from '../faults';
import { decodeJwt } from '../jwt';
import { loggableBody, redactUrl, type TrafficLog } from '../traffic';
import type { DecodedJwt, ServiceName, TrafficEntry } from '../types';
import { CALLER_HEADER, CORRELATION_HEADER } from './hop';
import { empty, type Reply } from './reply';
import type { RequestContext, Router } from './router';
import { isOwnLoopbackHost } from './host-check';
import { listenOnLoopback } from './loopback';
import { sendReply } from './send';

const MAX_BODY = 5 * 1024 * 1024;
const SERVICES: readonly string[] = ['maskinporten', 'idporten', 'altinn', 'skatteetaten'];

export interface ServiceHooks {
  /** The body a service answers with when routing finds nothing. */
  notFound(ctx: RequestContext): Reply;
  /** The body of an injected error or of an unexpected exception. */
  serverError(ctx: RequestContext, status: number): Reply;
  /** The body of an injected 429. */
  rateLimited(ctx: RequestContext, retryAfterSeconds: number): Reply;
}

export interface ServiceServerOptions {
  service: ServiceName;
  router: Router;
  hooks: ServiceHooks;
  traffic: TrafficLog;
  faults: FaultInjector;
  clock: WorldClock;
  latencyMs: number;
  log: (line: string) => void;
}

export interface ServiceServer {
  listen(port: number): Promise<string>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) {
        resolve(null);
        req.resume();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(size > MAX_BODY ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function makeContext(req: IncomingMessage, rawBody: Buffer, correlationId: string): RequestContext {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  const header = (name: string): string | undefined => {
    const v = req.headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
  };
  return {
    method: (req.method ?? 'GET').toUpperCase(),
    url,
    path: url.pathname,
    query: url.searchParams,
    params: {},
    headers: req.headers,
    rawBody,
    correlationId,
    header,
    bodyText: () => rawBody.toString('utf8'),
    bodyJson: () => {
      try {
        return JSON.parse(rawBody.toString('utf8')) as unknown;
      } catch {
        return undefined;
      }
    },
    bodyForm: () => new URLSearchParams(rawBody.toString('utf8')),
    bearer: () => {
      const m = /^Bearer\s+(\S+)\s*$/i.exec(header('authorization') ?? '');
      return m ? m[1]! : null;
    },
  };
}

export function createServiceServer(opts: ServiceServerOptions): ServiceServer {
  const hanging = new Set<ServerResponse>();
  const heldBack = new Set<() => void>();

  /** Waits `ms`, or less when the client gives up or the world closes. */
  function holdBack(res: ServerResponse, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        heldBack.delete(done);
        res.off('close', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      heldBack.add(done);
      res.on('close', done);
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!isOwnLoopbackHost(req, server)) {
      req.resume();
      res.writeHead(421, { 'content-type': 'text/plain; charset=utf-8' }).end('Misdirected Request');
      return;
    }
    const started = performance.now();
    const time = opts.clock.nowIso();
    const correlationId = (req.headers[CORRELATION_HEADER] as string | undefined) ?? randomUUID();
    const callerHeader = req.headers[CALLER_HEADER];
    const caller = typeof callerHeader === 'string' && SERVICES.includes(callerHeader) ? (callerHeader as ServiceName) : undefined;
    const rawBody = await readBody(req);
    const ctx = makeContext(req, rawBody ?? Buffer.alloc(0), correlationId);
    const found: DecodedJwt[] = [];
    const bearer = ctx.bearer();
    if (bearer) {
      const decoded = decodeJwt(bearer);
      if (decoded) found.push({ where: 'request.authorization', ...decoded });
    }
    const requestBody = loggableBody(ctx.rawBody, ctx.header('content-type'), 'request', found);

    const record = (status: number | null, fault?: TrafficEntry['fault'], reply?: Reply): void => {
      const responseBody = reply?.headers?.location
        ? { location: redactUrl(reply.headers.location) }
        : loggableBody(reply?.body, reply?.headers?.['content-type'], 'response', found);
      opts.traffic.add({
        time,
        service: opts.service,
        method: ctx.method,
        path: redactUrl(ctx.url.pathname + ctx.url.search),
        status,
        durationMs: Math.round(performance.now() - started),
        correlationId,
        ...(caller ? { caller } : {}),
        ...(fault ? { fault } : {}),
        ...(requestBody !== undefined ? { requestBody } : {}),
        ...(responseBody !== undefined ? { responseBody } : {}),
        ...(found.length ? { decodedJwt: found } : {}),
      });
    };

    const decision = opts.faults.decide(opts.service, ctx.method, ctx.path);
    const delay = opts.latencyMs + decision.latencyMs;
    if (delay > 0) await sleep(delay);
    let fault: TrafficEntry['fault'] = decision.latencyMs > 0 ? 'latency' : undefined;
    let reply: Reply;
    switch (decision.action.kind) {
      case 'hang':
        hanging.add(res);
        res.on('close', () => {
          hanging.delete(res);
          record(null, 'hang');
        });
        return;
      case 'drop':
        req.socket.destroy();
        record(null, 'drop');
        return;
      case 'rateLimit':
        fault = 'rateLimit';
        reply = opts.hooks.rateLimited(ctx, decision.action.retryAfterSeconds);
        break;
      case 'error':
        fault = 'error';
        reply = opts.hooks.serverError(ctx, decision.action.status);
        break;
      case 'loseAnswer': {
        // The request takes effect; only its answer is lost on the way back.
        reply = rawBody === null ? empty(413) : await route(ctx);
        if (decision.action.mode === 'drop') {
          req.socket.destroy();
          record(null, 'lostAnswer', reply);
          return;
        }
        await holdBack(res, decision.action.delayMs);
        if (res.destroyed) {
          record(null, 'lateAnswer', reply);
          return;
        }
        fault = 'lateAnswer';
        break;
      }
      default:
        reply = rawBody === null ? empty(413) : await route(ctx);
    }
    await write(res, reply, correlationId);
    record(reply.status, fault, reply);
  }

  async function route(ctx: RequestContext): Promise<Reply> {
    const m = opts.router.match(ctx.method, ctx.path);
    if (m.kind === 'none') return opts.hooks.notFound(ctx);
    if (m.kind === 'wrong-method') return empty(405);
    ctx.params = m.params;
    try {
      return await m.handler(ctx);
    } catch (err) {
      opts.log(`${opts.service}: ${ctx.method} ${ctx.path} failed: ${err instanceof Error ? err.message : String(err)}`);
      return opts.hooks.serverError(ctx, 500);
    }
  }

  function write(res: ServerResponse, reply: Reply, correlationId: string): Promise<void> {
    // The Date header follows the world clock: clients measure their clock offset from it.
    res.setHeader('date', new Date(opts.clock.nowMs()).toUTCString());
    res.setHeader(CORRELATION_HEADER, correlationId);
    return sendReply(res, reply);
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      opts.log(`${opts.service}: request failed: ${err instanceof Error ? err.message : String(err)}`);
      if (!res.headersSent) {
        res.statusCode = 500;
        res.end();
      }
    });
  });
  server.keepAliveTimeout = 5_000;

  return {
    listen: (port) => listenOnLoopback(server, port),
    close: () =>
      new Promise((resolve) => {
        for (const res of hanging) res.destroy();
        hanging.clear();
        for (const release of [...heldBack]) release();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
