// Writes a reply to the response. A streamed body goes out a chunk at a time, and the next chunk is written only
// once the socket is done with the last (the writer reuses its memory): a client that reads slowly holds the
// world back instead of making it buffer the answer, as a real server's backpressure would.
import type { ServerResponse } from 'node:http';
import { isStreamed, type Reply, type StreamedBody } from './reply';

export async function sendReply(res: ServerResponse, reply: Reply): Promise<void> {
  for (const [k, v] of Object.entries(reply.headers ?? {})) res.setHeader(k, v);
  res.statusCode = reply.status;
  if (isStreamed(reply.body)) await sendStreamed(res, reply.body);
  else res.end(reply.body ?? '');
}

async function sendStreamed(res: ServerResponse, body: StreamedBody): Promise<void> {
  res.setHeader('content-length', body.byteLength);
  for (const chunk of body.chunks()) if (!(await written(res, chunk))) return;
  res.end();
}

/** Whether the socket took the chunk; false when the response was closed first (the client went away). */
function written(res: ServerResponse, chunk: Buffer): Promise<boolean> {
  return new Promise((resolve) => {
    if (res.destroyed) {
      resolve(false);
      return;
    }
    const closed = (): void => resolve(false);
    res.once('close', closed);
    res.write(chunk, (err) => {
      res.off('close', closed);
      resolve(!err);
    });
  });
}
