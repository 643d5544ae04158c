// The page's socket: let in with the proofs an invoke POST needs and a same-site Origin (a WebSocket is not held
// to CORS), answering each call by its id, and closed on anything that is not a call.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createEventBus } from '../../../electron/app/event-bus';
import { createDispatcher } from '../../../electron/platform/ipc/dispatch';
import { SECRET_HEADER, startHost, type Host } from '../../../electron/host/server';
import { HOST_ROUTES, socketUrl } from '../../../shared/contract/transport';
import { send } from './host-http';
import { useTempDirs } from '../../helpers/temp-dir';

const temp = useTempDirs();
const BODY_LIMIT = 64 * 1024;

describe('the browser host’s socket for the page’s calls', () => {
  let host: Host;
  let cookie: string;
  /** Settles the slow channel's call: the socket must answer a later call before it. */
  let releaseSlow: () => void = () => undefined;
  const open = new Set<WebSocket>();

  beforeAll(async () => {
    const webRoot = join(temp.make('host-socket'), 'web');
    mkdirSync(webRoot, { recursive: true });
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Klientdesk</title>');
    const dispatch = createDispatcher({
      'app.info': () => ({ name: 'Klientdesk', version: 't', mode: 'browser', platform: 'x', dataDir: '/' }),
      'settings.get': () =>
        new Promise((resolve) => {
          releaseSlow = () => resolve({ environment: 'demo', language: 'nb' } as never);
        }),
    });
    host = await startHost({ dispatch, bus: createEventBus(), webRoot, bodyLimit: BODY_LIMIT, fileDir: join(webRoot, '..', 'files') });
    const exchanged = await send({
      port: host.port,
      path: HOST_ROUTES.session,
      method: 'POST',
      headers: { host: `127.0.0.1:${host.port}`, 'content-type': 'application/json' },
      body: JSON.stringify({ code: host.issueLaunchCode() }),
    });
    cookie = String(exchanged.headers['set-cookie']).split(';')[0]!;
  });
  afterAll(async () => {
    for (const ws of open) ws.terminate();
    await host.close();
  });

  const address = (): string => socketUrl(`${host.url}/`);
  const pageHeaders = (): Record<string, string> => ({ cookie });

  /**
   * Opens a socket from `origin` (null: none named); settles with the socket once open, or with the status its
   * upgrade was refused with.
   */
  function connect(headers: Record<string, string>, origin: string | null = host.url, url = address()): Promise<WebSocket | number> {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { headers, ...(origin === null ? {} : { origin }) });
      open.add(ws);
      ws.once('open', () => resolve(ws));
      ws.once('unexpected-response', (_req, res) => {
        resolve(res.statusCode ?? 0);
        res.resume();
        ws.terminate();
      });
      ws.once('error', (error) => (ws.readyState === WebSocket.CLOSED ? undefined : reject(error)));
    });
  }

  async function openSocket(headers = pageHeaders()): Promise<WebSocket> {
    const ws = await connect(headers);
    if (typeof ws === 'number') throw new Error(`the upgrade was refused with ${ws}`);
    return ws;
  }

  const answers = (ws: WebSocket, count: number): Promise<{ id: number; result: { ok: boolean } }[]> =>
    new Promise((resolve) => {
      const got: { id: number; result: { ok: boolean } }[] = [];
      ws.on('message', (data: Buffer) => {
        got.push(JSON.parse(data.toString()) as { id: number; result: { ok: boolean } });
        if (got.length === count) resolve(got);
      });
    });

  const closeCode = (ws: WebSocket): Promise<number> => new Promise((resolve) => ws.once('close', (code: number) => resolve(code)));

  it('answers each call by its id, a quick one before a slow one sent earlier', async () => {
    const ws = await openSocket();
    const both = answers(ws, 2);
    ws.send(JSON.stringify({ id: 7, channel: 'settings.get', input: {} }));
    ws.send(JSON.stringify({ id: 8, channel: 'app.info', input: {} }));
    const first = await answers(ws, 1);
    expect(first[0]).toMatchObject({ id: 8, result: { ok: true, value: { name: 'Klientdesk' } } });
    releaseSlow();
    expect((await both).map((a) => a.id)).toEqual([8, 7]);
    ws.close();
  });

  it('answers a channel no one serves, or bad input, with the contract’s error, as the POST does', async () => {
    const ws = await openSocket();
    const got = answers(ws, 2);
    ws.send(JSON.stringify({ id: 1, channel: 'no.such', input: {} }));
    ws.send(JSON.stringify({ id: 2, channel: 'app.info', input: { unexpected: 'x'.repeat(10) } }));
    for (const answer of await got) expect(answer.result.ok).toBe(false);
    ws.close();
  });

  it('lets in only the page of its own origin with its session, or a tool with the secret', async () => {
    expect(await connect({})).toBe(401);
    expect(await connect({ cookie: `${host.cookieName}=${'A'.repeat(43)}` })).toBe(401);
    // Another site's page carries the cookie along (WebSockets are not held to CORS): its Origin gives it away.
    expect(await connect(pageHeaders(), 'http://evil.example')).toBe(403);
    expect(await connect(pageHeaders(), `http://127.0.0.1:${host.port + 1}`)).toBe(403);
    // A browser always names its origin; a request without one is not a page's.
    expect(await connect(pageHeaders(), null)).toBe(403);
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still carries its own Host header.
    expect(await connect({ ...pageHeaders(), host: `evil.example:${host.port}` })).toBe(403);
    expect(await connect(pageHeaders(), host.url, `ws://127.0.0.1:${host.port}/api/other`)).toBe(404);
    const tool = await connect({ [SECRET_HEADER]: host.secret }, null);
    expect(tool).toBeInstanceOf(WebSocket);
    (tool as WebSocket).close();
  });

  it.each([
    ['text that is not JSON', 'not json', 1008],
    ['JSON that is not a call', JSON.stringify({ channel: 'app.info' }), 1008],
    ['a channel name that could not be one', JSON.stringify({ id: 1, channel: '../app.info', input: {} }), 1008],
    ['a binary frame', Buffer.from([1, 2, 3]), 1003],
    ['a frame over the body limit', JSON.stringify({ id: 1, channel: 'app.info', input: { pad: 'x'.repeat(BODY_LIMIT) } }), 1009],
  ])('closes the socket on %s', async (_what, frame, code) => {
    const ws = await openSocket();
    const closed = closeCode(ws);
    ws.send(frame);
    expect(await closed).toBe(code);
  });

  it('closes every socket when the host stops', async () => {
    const webRoot = join(temp.make('host-socket-stop'), 'web');
    mkdirSync(webRoot, { recursive: true });
    const own = await startHost({ dispatch: createDispatcher({}), bus: createEventBus(), webRoot, fileDir: join(webRoot, '..', 'files') });
    let stopped = false;
    try {
      const ws = await connect({ [SECRET_HEADER]: own.secret }, null, socketUrl(`${own.url}/`));
      if (typeof ws === 'number') throw new Error(`refused with ${ws}`);
      const closed = closeCode(ws);
      await own.close();
      stopped = true;
      expect(await closed).toBe(1006);
    } finally {
      if (!stopped) await own.close();
    }
  });
});
