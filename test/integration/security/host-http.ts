// Raw HTTP to the browser host for the security tests: node:http, so every header (Host, Origin, the secret,
// Content-Type, Content-Length) is exactly what the test says, unlike fetch, which fills some in.
import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Stop reading after the headers (for event streams, which never end). */
  headersOnly?: boolean;
}

export function send(opts: RawRequest): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: opts.port, path: opts.path, method: opts.method ?? 'GET', headers: opts.headers, setHost: false },
      (res) => {
        if (opts.headersOnly) {
          res.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: '' });
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    // The host may answer 413 and close while the body is still being written; the answer is what counts.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' || error.code === 'ECONNRESET' ? undefined : reject(error)));
    if (opts.body !== undefined) req.write(opts.body);
    req.end();
  });
}
