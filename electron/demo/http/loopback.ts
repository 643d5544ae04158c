import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Binds to 127.0.0.1 only (port 0 picks a free one) and resolves with the base URL. */
export function listenOnLoopback(server: Server, port: number): Promise<string> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}
