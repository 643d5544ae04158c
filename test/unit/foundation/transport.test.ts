// The browser host's wire protocol as both ends read it: frames split anywhere still come out whole, the
// launch code is found only where the host puts it, and only well-formed invoke paths name a channel.
import { describe, expect, it } from 'vitest';
import {
  channelOfInvokePath,
  createEventFrameReader,
  encodeEventFrame,
  EVENT_STREAM_OPENED,
  invokePath,
  launchCodeOf,
  launchFragment,
  sessionCookieName,
  socketCall,
  socketUrl,
} from '../../../shared/contract/transport';

describe('the event framing', () => {
  const frames = [
    { event: 'app.status', payload: { online: true, note: 'two\n\nblank lines inside a string' } },
    { event: 'batches.progress', payload: { done: 3, total: 5 } },
  ];
  const wire = EVENT_STREAM_OPENED + frames.map(encodeEventFrame).join('');

  it('reads every frame back whatever the chunks, and skips the opening comment', () => {
    for (const size of [1, 2, 7, 64, wire.length]) {
      const read = createEventFrameReader();
      const got = [];
      for (let i = 0; i < wire.length; i += size) got.push(...read(wire.slice(i, i + size)));
      expect(got, `chunks of ${size}`).toEqual(frames);
    }
  });

  it('keeps an unfinished frame until its end arrives', () => {
    const read = createEventFrameReader();
    const one = encodeEventFrame(frames[1]!);
    expect(read(one.slice(0, -1))).toEqual([]);
    expect(read(one.slice(-1))).toEqual([frames[1]]);
  });

  it('drops a frame that is not an event', () => {
    const read = createEventFrameReader();
    expect(read('data: {"payload":1}\n\n' + encodeEventFrame(frames[0]!))).toEqual([frames[0]]);
  });
});

describe('the launch code and the routes', () => {
  it('finds the code in the fragment the host writes, and nowhere else', () => {
    expect(launchCodeOf(launchFragment('abc_DEF-123'))).toBe('abc_DEF-123');
    expect(launchCodeOf('#x=1&c=zz9')).toBe('zz9');
    expect(launchCodeOf('#cc=zz9')).toBeNull();
    expect(launchCodeOf('')).toBeNull();
  });

  it('names a channel only for a well-formed invoke path', () => {
    expect(channelOfInvokePath(invokePath('clients.query'))).toBe('clients.query');
    expect(channelOfInvokePath('/api/invoke/')).toBeNull();
    expect(channelOfInvokePath('/api/invoke/a/b')).toBeNull();
    expect(channelOfInvokePath('/api/invoke/x'.padEnd(13 + 101, 'x'))).toBeNull();
    expect(channelOfInvokePath('/api/events')).toBeNull();
  });

  it('gives each port its own session cookie', () => {
    expect(sessionCookieName(4612)).not.toBe(sessionCookieName(4613));
  });
});

describe('the page’s socket', () => {
  it('is opened at the page’s own host and port, ws for http and wss for https', () => {
    expect(socketUrl('http://127.0.0.1:5173/#c=abc')).toBe('ws://127.0.0.1:5173/api/socket');
    expect(socketUrl('https://localhost:8443/some/page?x=1')).toBe('wss://localhost:8443/api/socket');
  });

  it('takes a call only with a whole-number id and a channel name made of name characters', () => {
    expect(socketCall.safeParse({ id: 0, channel: 'clients.query', input: { offset: 0 } }).success).toBe(true);
    for (const bad of [
      { id: -1, channel: 'app.info', input: {} },
      { id: 1.5, channel: 'app.info', input: {} },
      { id: '1', channel: 'app.info', input: {} },
      { id: 1, channel: '../app.info', input: {} },
      { id: 1, channel: 'x'.repeat(101), input: {} },
      { channel: 'app.info', input: {} },
    ])
      expect(socketCall.safeParse(bad).success, JSON.stringify(bad).slice(0, 60)).toBe(false);
  });
});
