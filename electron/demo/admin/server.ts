// The admin API's server. It can reset the world and register keys, so it takes nothing on trust: its own
// Host names only (421), no page from another origin (403), its bearer secret (401) and JSON bodies (415).
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { json } from '../http/reply';
import type { Router } from '../http/router';
import { makeContext, readBody, type ServiceServer } from '../http/server';
import { isOwnLoopbackHost } from '../http/host-check';
import { listenOnLoopback } from '../http/loopback';
import { sendReply } from '../http/send';
import { secretMatches } from './secret';

const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;
const JSON_TYPE = /^application\/json\s*(;|$)/i;

export function createAdminServer(router: Router, secret: string, log: (line: string) => void): ServiceServer {
  const server = createServer((req, res) => {
    void (async () => {
      const reply = await (async () => {
        if (!isOwnLoopbackHost(req, server)) return json(421, { error: 'misdirected request: unknown Host' });
        const origin = req.headers.origin;
        if (origin !== undefined && !LOOPBACK_ORIGIN.test(origin)) return json(403, { error: 'cross-origin requests are refused' });
        if (!secretMatches(secret, req.headers.authorization))
          return json(401, { error: 'the admin API needs Authorization: Bearer <adminSecret>' }, { 'www-authenticate': 'Bearer' });
        const body = await readBody(req);
        if (body === null) return json(413, { error: 'body too large' });
        if (body.length > 0 && !JSON_TYPE.test(req.headers['content-type'] ?? ''))
          return json(415, { error: 'the admin API takes Content-Type: application/json only' });
        const ctx = makeContext(req, body, randomUUID());
        const m = router.match(ctx.method, ctx.path);
        if (m.kind !== 'found')
          return json(m.kind === 'none' ? 404 : 405, { error: m.kind === 'none' ? 'not found' : 'method not allowed' });
        ctx.params = m.params;
        try {
          return await m.handler(ctx);
        } catch (err) {
          log(`admin: ${ctx.method} ${ctx.path} failed: ${err instanceof Error ? err.message : String(err)}`);
          return json(500, { error: 'internal error' });
        }
      })();
      if (!req.complete) req.resume();
      await sendReply(res, reply);
    })();
  });
  return {
    listen: (port) => listenOnLoopback(server, port),
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
