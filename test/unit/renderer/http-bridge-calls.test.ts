// The browser bridge's calls on the page's socket: answers matched by id whatever their order, a call cut off by
// a close answered unreachable and never sent again, a new socket for the next call, and the host's own words
// when the socket will not open. Run against a stand-in WebSocket the test drives.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridge } from '../../../renderer/src/api/http-bridge';
import { DEFAULT_BODY_LIMIT, HOST_ROUTES } from '../../../shared/contract/transport';

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
  let socketGet: () => Promise<Response>;

  beforeEach(() => {
    vi.useFakeTimers();
    FakeSocket.opened = [];
    socketGet = () => Promise.resolve(new Response('{}', { status: 426 }));
    vi.stubGlobal('window', { location: { hash: '', pathname: '/', search: '', href: 'http://127.0.0.1:4000/' } });
    vi.stubGlobal('WebSocket', FakeSocket);
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => (url === HOST_ROUTES.socket ? socketGet() : Promise.reject(new Error(`unexpected ${url}`)))),
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  /** Lets the bridge's pending promises run (no time passes). */
  const settle = () => vi.advanceTimersByTimeAsync(0);

  it('opens one socket at the page’s address and pairs each answer with its call by id', async () => {
    const bridge = createHttpBridge();
    const settings = bridge.invoke('settings.get', {});
    const info = bridge.invoke('app.info', {});
    await settle();
    expect(FakeSocket.opened.map((s) => s.url)).toEqual(['ws://127.0.0.1:4000/api/socket']);
    const socket = FakeSocket.opened[0]!;
    socket.open();
    await settle();
    expect(socket.sent.map((c) => c.channel)).toEqual(['settings.get', 'app.info']);
    socket.answer(socket.sent[1]!.id, { ok: true, value: 'info' });
    socket.answer(socket.sent[0]!.id, { ok: true, value: 'settings' });
    expect(await info).toEqual({ ok: true, value: 'info' });
    expect(await settings).toEqual({ ok: true, value: 'settings' });
  });

  it('answers a call cut off by a close as unreachable, sends it nowhere again, and opens a new socket for the next', async () => {
    const bridge = createHttpBridge();
    const submit = bridge.invoke('batches.submit', { id: 'b1' });
    await settle();
    const first = FakeSocket.opened[0]!;
    first.open();
    await settle();
    first.drop();
    expect(await submit).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE' } });

    const next = bridge.invoke('app.info', {});
    await settle();
    expect(FakeSocket.opened).toHaveLength(2);
    const second = FakeSocket.opened[1]!;
    second.open();
    await settle();
    // Only the new call goes out: whether the cut-off one ran is for Altinn's state to tell, not a resend.
    expect(second.sent.map((c) => c.channel)).toEqual(['app.info']);
    second.answer(second.sent[0]!.id, { ok: true, value: 1 });
    expect(await next).toEqual({ ok: true, value: 1 });
  });

  it('says why a socket would not open in the host’s words, and unreachable when the host does not answer', async () => {
    const bridge = createHttpBridge();
    socketGet = () => Promise.resolve(new Response(JSON.stringify({ error: 'Klientdesk is not unlocked in this tab.' }), { status: 401 }));
    const refused = bridge.invoke('app.info', {});
    await settle();
    FakeSocket.opened[0]!.drop();
    expect(await refused).toEqual({ ok: false, error: { code: 'HOST_401', message: 'Klientdesk is not unlocked in this tab.' } });

    socketGet = () => Promise.reject(new TypeError('connection refused'));
    const down = bridge.invoke('app.info', {});
    await settle();
    FakeSocket.opened[1]!.drop();
    expect(await down).toMatchObject({ ok: false, error: { code: 'HOST_UNREACHABLE' } });
  });

  it('refuses a call larger than the host reads without sending it, and the socket goes on', async () => {
    const bridge = createHttpBridge();
    const small = bridge.invoke('app.info', {});
    await settle();
    const socket = FakeSocket.opened[0]!;
    socket.open();
    await settle();
    const big = await bridge.invoke('batches.review', {
      systemUserId: 'su',
      operation: 'add',
      orgNumbers: Array.from({ length: DEFAULT_BODY_LIMIT / 10 }, () => '310000000'),
    });
    expect(big).toMatchObject({ ok: false, error: { code: 'HOST_413' } });
    expect(socket.sent.map((c) => c.channel)).toEqual(['app.info']);
    socket.answer(socket.sent[0]!.id, { ok: true, value: 'still here' });
    expect(await small).toEqual({ ok: true, value: 'still here' });
  });
});
