import { get, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { Reply, StreamedBody } from '../../../electron/demo/http/reply';
import { sendReply } from '../../../electron/demo/http/send';

const CHUNK = 256 * 1024;

/** A body of `count` chunks written into one reused buffer, chunk i filled with byte i; counts what it wrote. */
function reusingBody(count: number) {
  let finish = (): void => undefined;
  const seen = { written: 0, finished: new Promise<void>((resolve) => (finish = resolve)) };
  const body: StreamedBody = {
    byteLength: count * CHUNK,
    *chunks() {
      const memory = Buffer.alloc(CHUNK);
      try {
        for (let i = 0; i < count; i++) {
          memory.fill(i % 256);
          seen.written++;
          yield memory;
        }
      } finally {
        finish();
      }
    },
  };
  return { body, seen };
}

let server: Server | null = null;
afterEach(async () => {
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function serve(reply: Reply): Promise<string> {
  server = createServer((_req, res) => void sendReply(res, reply));
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
}

describe('sending a streamed body', () => {
  it('delivers every chunk whole and in order, with its length as Content-Length, though the writer reuses its memory', async () => {
    const { body } = reusingBody(40);
    const url = await serve({ status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body });
    const res = await fetch(url);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(res.status).toBe(200);
    expect(res.headers.get('content-length')).toBe(String(40 * CHUNK));
    expect(res.headers.get('transfer-encoding')).toBeNull();
    expect(bytes.length).toBe(40 * CHUNK);
    for (let i = 0; i < 40; i++) expect(bytes.subarray(i * CHUNK, (i + 1) * CHUNK).every((b) => b === i)).toBe(true);
  });

  it('stops writing when the client goes away', async () => {
    const { body, seen } = reusingBody(4000);
    const url = await serve({ status: 200, body });
    await new Promise<void>((resolve, reject) => {
      const req = get(url, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', () => undefined);
      req.on('close', resolve);
      setTimeout(() => reject(new Error('no answer')), 10_000).unref();
    });
    await seen.finished;
    expect(seen.written).toBeLessThan(4000);
  });

  it('sends other bodies as they are', async () => {
    const url = await serve({ status: 201, headers: { 'content-type': 'text/plain' }, body: 'hello' });
    const res = await fetch(url);
    expect(res.status).toBe(201);
    expect(res.headers.get('content-length')).toBe('5');
    expect(await res.text()).toBe('hello');
  });
});
