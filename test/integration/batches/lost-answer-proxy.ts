// A loopback proxy in front of the demo world's Altinn that loses answers the way a network does: the
// request reaches Altinn and is applied, then the connection is destroyed before the answer gets back. It
// also counts calls in flight, so a test can wait until a killed process's last calls have landed instead
// of sleeping, and reports each request as it starts, so a kill can be timed by traffic.
import { createServer, request as httpRequest, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LostAnswerProxy {
  url: string;
  /** Share of client-delegation POST/DELETE answers to lose (0 … 1), decided by a seeded generator. */
  loseRate: number;
  lost: number;
  /** Resolves when no request is in flight through the proxy. */
  quiet(): Promise<void>;
  /** Resolves once `n` more delegation requests have started. */
  afterRequests(n: number): Promise<void>;
  close(): Promise<void>;
}

const isDelegationWrite = (req: IncomingMessage): boolean =>
  (req.method === 'POST' || req.method === 'DELETE') && (req.url ?? '').includes('/enduser/systemuser/clients');

export async function startLostAnswerProxy(target: string, seed = 1): Promise<LostAnswerProxy> {
  const upstream = new URL(target);
  let state = seed >>> 0 || 1;
  const random = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  let inFlight = 0;
  const quietWaiters: (() => void)[] = [];
  let started = 0;
  let startWaiters: { at: number; resolve: () => void }[] = [];
  const settle = (): void => {
    if (--inFlight === 0) for (const w of quietWaiters.splice(0)) w();
  };

  const proxy: LostAnswerProxy = {
    url: '',
    loseRate: 0,
    lost: 0,
    quiet: () => (inFlight === 0 ? Promise.resolve() : new Promise((resolve) => quietWaiters.push(resolve))),
    afterRequests: (n) => new Promise((resolve) => startWaiters.push({ at: started + n, resolve })),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server: Server = createServer((req, res) => {
    inFlight++;
    const write = isDelegationWrite(req);
    if (write) {
      started++;
      startWaiters = startWaiters.filter((w) => (w.at <= started ? (w.resolve(), false) : true));
    }
    const lose = write && random() < proxy.loseRate;
    const forward = httpRequest(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: upstream.host },
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (c: Buffer) => chunks.push(c));
        answer.on('end', () => {
          if (lose) {
            // Applied by Altinn; the caller never hears of it.
            proxy.lost++;
            req.socket.destroy();
          } else {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(chunks));
          }
          settle();
        });
      },
    );
    forward.on('error', () => {
      res.destroy();
      settle();
    });
    req.pipe(forward);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  proxy.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return proxy;
}
