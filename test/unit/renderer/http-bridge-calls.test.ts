// The browser bridge's calls: POSTs until the page's socket is open, then frames on it, answers matched by id
// whatever their order; a call cut off by a close answered unreachable and never sent again, POSTs again until a
// new socket opens. Run against a stand-in WebSocket and fetch the test drives.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridge, SOCKET_RETRY_MS } from '../../../renderer/src/api/http-bridge';
import { DEFAULT_BODY_LIMIT, invokePath } from '../../../shared/contract/transport';

class FakeSocket {
  static opened: FakeSocket[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: unknown }) => void) | null = null;
  onclose: (() => void) | null = null;
  sent: { id: number; channel: string; input: unknown }[] = [];
  constructor(readonly url: string) {
    FakeSocket.opened.push(this);
  }
  send(text: string): void {
    this.sent.push(JSON.parse(text) as FakeSocket['sent'][number]);
  }
  open(): void {
    this.onopen?.();
  }
  answer(id: number, result: unknown): void {
    this.onmessage?.({ data: JSON.stringify({ id, result }) });
  }
  drop(): void {
    this.onclose?.();
  }
}

describe('the browser bridge’s calls', () => {
  let posted: string[];
  let postAnswer: (channel: string) => Promise<Response>;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.opened = [];
    posted = [];
    postAnswer = (channel) => Promise.resolve(Response.json({ ok: true, value: `posted ${channel}` }));
    vi.stubGlobal('window', { location: { hash: '', pathname: '/', search: '', href: 'http://127.0.0.1:4000/' } });
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        const channel = url.slice(invokePath('').length);
        if (!url.startsWith(invokePath(''))) return Promise.reject(new Error(`unexpected ${url}`));
        posted.push(channel);
        return postAnswer(channel);
      }),
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** Lets the bridge's pending promises run (no time passes). */
  const settle = () => vi.advanceTimersByTimeAsync(0);

  /** A bridge whose socket is open: its first call went as a POST and opened it. */
  async function withOpenSocket() {
    const bridge = createHttpBridge();
    await bridge.invoke('app.info', {});
    const socket = FakeSocket.opened[0]!;
    socket.open();
    return { bridge, socket };
  }

  it('posts the first calls without waiting for the socket, which it opens at the page’s address', async () => {
    const bridge = createHttpBridge();
    expect(await bridge.invoke('settings.get', {})).toEqual({ ok: true, value: 'posted settings.get' });
    expect(await bridge.invoke('app.status', {})).toEqual({ ok: true, value: 'posted app.status' });
    expect(posted).toEqual(['settings.get', 'app.status']);
    expect(FakeSocket.opened.map((s) => s.url)).toEqual(['ws://127.0.0.1:4000/api/socket']);
  });

  it('says when the calls asked so far have gone out: after the launch code is traded for the session', async () => {
    let traded!: () => void;
    const session = new Promise<Response>((resolve) => (traded = () => resolve(Response.json({}))));
    vi.stubGlobal('window', { location: { hash: '#c=launch-code', pathname: '/', search: '', href: 'http://127.0.0.1:4000/' } });
    vi.stubGlobal('history', { replaceState: () => undefined });
    const invoke = vi.mocked(fetch).getMockImplementation()!;
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string, init?: RequestInit) => (url === '/api/session' ? session : invoke(url, init))),
    );
    const bridge = createHttpBridge();
    void bridge.invoke('settings.get', {});
    void bridge.invoke('clients.query', { query: {}, offset: 0, limit: 10 });
    // What had been posted at the moment it settled: the page asks for its code only then.
    let postedWhenSent: string[] | null = null;
    void bridge.sending!.then(() => void (postedWhenSent = [...posted]));
    await settle();
    expect(postedWhenSent).toBeNull();
    expect(posted).toEqual([]);
    traded();
    await settle();
    expect(postedWhenSent).toEqual(['settings.get', 'clients.query']);
  });

  it('sends calls on the socket once it is open and pairs each answer with its call by id', async () => {
    const { bridge, socket } = await withOpenSocket();
    const settings = bridge.invoke('settings.get', {});
    const info = bridge.invoke('app.info', {});
    await settle();
    expect(posted).toEqual(['app.info']);
    expect(socket.sent.map((c) => c.channel)).toEqual(['settings.get', 'app.info']);
    socket.answer(socket.sent[1]!.id, { ok: true, value: 'info' });
    socket.answer(socket.sent[0]!.id, { ok: true, value: 'settings' });
    expect(await info).toEqual({ ok: true, value: 'info' });
    expect(await settings).toEqual({ ok: true, value: 'settings' });
  });

  it('answers a call cut off by a close as unreachable, never resends it, and posts until a new socket opens', async () => {
    const { bridge, socket } = await withOpenSocket();
    const submit = bridge.invoke('batches.submit', { id: 'b1' });
    await settle();
    socket.drop();
    expect(await submit).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
    // Whether the cut-off call ran is for Altinn's state to tell: it is not sent again, on any road.
    expect(posted).toEqual(['app.info']);

    expect(await bridge.invoke('app.status', {})).toEqual({ ok: true, value: 'posted app.status' });
    // A host that just dropped the socket is not asked for another at once.
    expect(FakeSocket.opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(SOCKET_RETRY_MS);
    await bridge.invoke('app.status', {});
    expect(FakeSocket.opened).toHaveLength(2);
    FakeSocket.opened[1]!.open();
    const next = bridge.invoke('app.info', {});
    await settle();
    expect(FakeSocket.opened[1]!.sent.map((c) => c.channel)).toEqual(['app.info']);
    FakeSocket.opened[1]!.answer(FakeSocket.opened[1]!.sent[0]!.id, { ok: true, value: 1 });
    expect(await next).toEqual({ ok: true, value: 1 });
  });

  it('gives the host’s own words for a refused POST, and unreachable when the host does not answer', async () => {
    const bridge = createHttpBridge();
    postAnswer = () => Promise.resolve(Response.json({ error: 'Klientdesk is not unlocked in this tab.' }, { status: 401 }));
    expect(await bridge.invoke('app.info', {})).toEqual({
      ok: false,
      error: { code: 'HOST_401', message: 'Klientdesk is not unlocked in this tab.' },
    });
    postAnswer = () => Promise.reject(new TypeError('connection refused'));
    expect(await bridge.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
  });

  it('posts a call larger than the host reads on a socket, so the host refuses it in its own words, and the socket goes on', async () => {
    const { bridge, socket } = await withOpenSocket();
    postAnswer = () => Promise.resolve(Response.json({ error: 'The request is larger than 8 MB.' }, { status: 413 }));
    const big = await bridge.invoke('batches.review', {
      systemUserId: 'su',
      operation: 'add',
      orgNumbers: Array.from({ length: DEFAULT_BODY_LIMIT / 10 }, () => '310000000'),
    });
    expect(big).toEqual({ ok: false, error: { code: 'HOST_413', message: 'The request is larger than 8 MB.' } });
    expect(socket.sent).toEqual([]);
    const small = bridge.invoke('app.info', {});
    await settle();
    socket.answer(socket.sent[0]!.id, { ok: true, value: 'still here' });
    expect(await small).toEqual({ ok: true, value: 'still here' });
  });
});
