// DNS-rebinding defence: a page on evil.example that resolves its name to 127.0.0.1 still sends its own
// name in Host. Each server accepts only the loopback names of the port it listens on.
import type { IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

export function isOwnLoopbackHost(req: IncomingMessage, server: Server): boolean {
  const address = server.address() as AddressInfo | null;
  if (!address) return false;
  const host = (req.headers.host ?? '').toLowerCase();
  return LOOPBACK_NAMES.some((name) => host === `${name}:${address.port}`);
}
