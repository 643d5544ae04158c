// The redirect target of a native app's login (RFC 8252 §7.3): a one-shot HTTP server on 127.0.0.1 with
// a random port, listening only until the browser comes back with the authorization response.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { LocalCodes, ServiceError } from '../../platform/errors';

export interface LoopbackRedirect {
  redirectUri: string;
  /** The query of the first request to the callback path. */
  response: Promise<URLSearchParams>;
  close(): Promise<void>;
}

const DONE_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Klientdesk</title>
<body style="font-family:sans-serif;margin:3em">You are logged in. You can close this window and return to Klientdesk.</body></html>`;

export async function openLoopbackRedirect(options: { path?: string; timeoutMs: number; signal?: AbortSignal }): Promise<LoopbackRedirect> {
  const path = options.path ?? '/callback';
  let settle: { resolve: (q: URLSearchParams) => void; reject: (e: unknown) => void } | undefined;
  const response = new Promise<URLSearchParams>((resolve, reject) => (settle = { resolve, reject }));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method !== 'GET' || url.pathname !== path) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }).end(DONE_PAGE);
    settle?.resolve(url.searchParams);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  const fail = (code: string, message: string): void => settle?.reject(new ServiceError({ service: 'idporten', code, message }));
  const timer = setTimeout(() => fail(LocalCodes.LoginCancelled, 'The login was not completed in time.'), options.timeoutMs);
  const onAbort = (): void => fail(LocalCodes.LoginCancelled, 'The login was cancelled.');
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const close = async (): Promise<void> => {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { redirectUri: `http://127.0.0.1:${port}${path}`, response, close };
}
