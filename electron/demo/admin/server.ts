// The admin API's server: loopback only, and it refuses browser pages from elsewhere (Host and Origin
// checks), since it can reset the world and register keys.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { json } from '../http/reply';
import type { Router } from '../http/router';
import { makeContext, readBody, type ServiceServer } from '../http/server';
import { listenOnLoopback } from '../http/loopback';

const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/i;

export function createAdminServer(router: Router, log: (line: string) => void): ServiceServer {
  const server = createServer((req, res) => {
    void (async () => {
      const origin = req.headers.origin;
      if (!LOOPBACK_HOST.test(req.headers.host ?? '') || (origin !== undefined && !LOOPBACK_ORIGIN.test(origin))) {
        res.statusCode = 403;
        res.end();
        return;
      }
      const body = await readBody(req);
      const ctx = makeContext(req, body ?? Buffer.alloc(0), randomUUID());
      const m = router.match(ctx.method, ctx.path);
      let reply = m.kind === 'found' ? null : json(m.kind === 'none' ? 404 : 405, { error: 'not found' });
      if (m.kind === 'found') {
        ctx.params = m.params;
        try {
          reply = await m.handler(ctx);
        } catch (err) {
          log(`admin: ${ctx.method} ${ctx.path} failed: ${err instanceof Error ? err.message : String(err)}`);
          reply = json(500, { error: 'internal error' });
        }
      }
      for (const [k, v] of Object.entries(reply!.headers ?? {})) res.setHeader(k, v);
      res.statusCode = reply!.status;
      res.end(reply!.body ?? '');
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
