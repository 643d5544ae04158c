// A large answer read as it arrives: each piece of a 2xx body handed on, only its digest and head kept, and a
// read that fails once a piece was handed on not repeated behind the receiver's back.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../../electron/platform/errors';
import { createHttpClient } from '../../../electron/platform/http/http-client';
import { FakeClock, scriptedFetch, text } from './helpers';

const encoder = new TextEncoder();

/** A body that arrives in these pieces, then fails when `fail` is set. */
function streamed(status: number, pieces: string[], fail = false): Response {
  let next = 0;
  // Pulled a piece at a time, so a failure comes after the pieces were read (an errored stream drops its queue).
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (next < pieces.length) controller.enqueue(encoder.encode(pieces[next++]!));
      else if (fail) controller.error(new TypeError('terminated'));
      else controller.close();
    },
  });
  return new Response(body, { status });
}

describe('reading a body as it arrives', () => {
  it('hands on each piece of a 2xx body, keeping only its digest and the head the log shows', async () => {
    const fetch = scriptedFetch(() => streamed(200, ['{"da', 'ta":[1,', '2]}']));
    const pieces: string[] = [];
    const logged: (string | undefined)[] = [];
    const http = createHttpClient({ fetch, clock: new FakeClock(), onExchange: (e) => logged.push(e.responseBody) });
    const res = await http.send({
      service: 'altinn',
      method: 'GET',
      url: 'https://platform.test/x',
      onBodyPiece: (p) => pieces.push(new TextDecoder().decode(p)),
    });
    expect(pieces).toEqual(['{"da', 'ta":[1,', '2]}']);
    expect(res.bodySha256).toBe(createHash('sha256').update('{"data":[1,2]}').digest('base64url'));
    expect(res.bodyText).toBe('');
    expect(logged).toEqual(['{"data":[1,2]}']);
  });

  it('hands on nothing of an error answer, which the caller reads whole', async () => {
    const fetch = scriptedFetch(() => text(400, '{"title":"bad"}'));
    const pieces: Uint8Array[] = [];
    const http = createHttpClient({ fetch, clock: new FakeClock() });
    const res = await http.send({ service: 'altinn', method: 'GET', url: 'https://platform.test/x', onBodyPiece: (p) => pieces.push(p) });
    expect(res.status).toBe(400);
    expect(pieces).toEqual([]);
    expect(res.bodySha256).toBeUndefined();
    expect(res.bodyText).toBe('{"title":"bad"}');
  });

  it('does not repeat a read that broke off after a piece was handed on, and does repeat one that did not', async () => {
    const broken = scriptedFetch(() => streamed(200, ['{"data":['], true));
    const http = createHttpClient({ fetch: broken, clock: new FakeClock() });
    const error = await http
      .send({ service: 'altinn', method: 'GET', url: 'https://platform.test/x', onBodyPiece: () => undefined })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceError);
    expect((error as ServiceError).code).toBe('NETWORK');
    expect(broken.seen).toHaveLength(1);

    let calls = 0;
    const recovers = scriptedFetch(() => (++calls === 1 ? streamed(200, ['{"da'], true) : streamed(200, ['{}'])));
    const plain = createHttpClient({ fetch: recovers, clock: new FakeClock() });
    const res = await plain.send({ service: 'altinn', method: 'GET', url: 'https://platform.test/x' });
    expect(res.bodyText).toBe('{}');
    expect(recovers.seen).toHaveLength(2);
  });
});
