import { describe, expect, it } from 'vitest';
import type { StreamedBody } from '../../../electron/demo/http/reply';
import { loggableBody } from '../../../electron/demo/traffic';

/** `text` as a streamed body in chunks of `size` bytes, written into one reused buffer as the client list is. */
function streamed(text: string, size: number): StreamedBody & { written: number } {
  const bytes = Buffer.from(text, 'utf8');
  return {
    byteLength: bytes.length,
    written: 0,
    *chunks() {
      const memory = Buffer.alloc(size);
      for (let at = 0; at < bytes.length; at += size) {
        this.written++;
        yield memory.subarray(0, bytes.copy(memory, 0, at, at + size));
      }
    },
  };
}

describe('a streamed body in the traffic log', () => {
  it('is logged like any other when it is small: parsed, secrets redacted', () => {
    const text = JSON.stringify({ data: [{ name: 'A' }], access_token: 'secret' });
    expect(loggableBody(streamed(text, 7), 'application/json', 'response', [])).toEqual({
      data: [{ name: 'A' }],
      access_token: '[redacted]',
    });
  });

  it('is summed up when it is large: its length and its first 512 characters, read from its first chunks only', () => {
    const text = JSON.stringify({ data: Array.from({ length: 20_000 }, (_, i) => ({ name: `KLIENT ÆØÅ ${i}` })) });
    const body = streamed(text, 1000);
    const logged = loggableBody(body, 'application/json', 'response', []);
    expect(body.written).toBe(3);
    expect(logged).toEqual({ truncated: true, bytes: Buffer.byteLength(text), preview: text.slice(0, 512) });
  });
});
