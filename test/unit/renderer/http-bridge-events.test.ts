// The browser host's event stream can drop; the bridge reconnects and says so, because events sent while it was
// away reached nobody. Run against a stand-in fetch: each call to the events route opens a stream the test holds.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHttpBridge } from '../../../renderer/src/api/http-bridge';
import { encodeEventFrame, EVENT_STREAM_OPENED, HOST_ROUTES } from '../../../shared/contract/transport';

interface OpenStream {
  send(text: string): void;
  drop(): void;
}

describe('the browser bridge’s event stream', () => {
  let streams: OpenStream[];

  beforeEach(() => {
    vi.useFakeTimers();
    streams = [];
    vi.stubGlobal('window', { location: { hash: '', pathname: '/', search: '' } });
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) => {
        if (url !== HOST_ROUTES.events) return Promise.reject(new Error(`unexpected ${url}`));
        let controller!: ReadableStreamDefaultController<Uint8Array>;
        const body = new ReadableStream<Uint8Array>({ start: (c) => void (controller = c) });
        const encoder = new TextEncoder();
        streams.push({ send: (text) => controller.enqueue(encoder.encode(text)), drop: () => controller.error(new Error('reset')) });
        return Promise.resolve(new Response(body, { status: 200 }));
      }),
    );
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const flush = () => vi.advanceTimersByTimeAsync(0);

  it('hands events to their listeners, and reports a resumption only after a gap', async () => {
    const bridge = createHttpBridge();
    const seen: unknown[] = [];
    const resumed = vi.fn();
    bridge.on('batches.progress', (p) => seen.push(p));
    bridge.onEventsResumed?.(resumed);
    await flush();
    expect(streams).toHaveLength(1);
    streams[0]!.send(EVENT_STREAM_OPENED + encodeEventFrame({ event: 'batches.progress', payload: { batchId: 'b1' } }));
    await flush();
    expect(seen).toEqual([{ batchId: 'b1' }]);
    expect(resumed).not.toHaveBeenCalled();

    streams[0]!.drop();
    await flush();
    expect(resumed).not.toHaveBeenCalled();
    // The bridge waits before it asks again, so a host that is down is not hammered.
    await vi.advanceTimersByTimeAsync(1_999);
    expect(streams).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(streams).toHaveLength(2);
    expect(resumed).toHaveBeenCalledTimes(1);

    streams[1]!.send(encodeEventFrame({ event: 'batches.progress', payload: { batchId: 'b2' } }));
    await flush();
    expect(seen).toEqual([{ batchId: 'b1' }, { batchId: 'b2' }]);
  });

  it('stops telling a listener that has unsubscribed', async () => {
    const bridge = createHttpBridge();
    const resumed = vi.fn();
    bridge.on('app.status', () => undefined);
    const stop = bridge.onEventsResumed?.(resumed);
    await flush();
    stop?.();
    streams[0]!.drop();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(streams).toHaveLength(2);
    expect(resumed).not.toHaveBeenCalled();
  });
});
