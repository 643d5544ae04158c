// The page's calls over one WebSocket (the wire is in shared/contract/transport.ts). The upgrade is let through
// only with the same proofs an invoke POST needs: a WebSocket is not held to CORS, so the Origin check here is
// what keeps another site's page from opening one with the session cookie.
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { HOST_ROUTES, socketCall, type SocketAnswer } from '../../shared/contract/transport';
import type { Dispatch } from '../platform/ipc/dispatch';

/** Why a request may not go on: an HTTP status and a sentence, or null when it may. */
export type Refusal = { status: number; error: string } | null;

export interface SocketCallsOptions {
  /** The checks every API request passes (host name, origin, session or secret). */
  refusalOf(req: IncomingMessage): Refusal;
  dispatch: Dispatch;
  /** The largest frame read; a larger one closes the socket (1009), as a larger POST is refused. */
  maxPayload: number;
}

/** WebSocket close codes (RFC 6455, 7.4.1). */
const UNSUPPORTED_DATA = 1003;
const POLICY_VIOLATION = 1008;

const FAILED = { ok: false, error: { code: 'HOST_500', message: 'The host failed to answer.' } } as const;

function refuseUpgrade(socket: Duplex, refusal: { status: number; error: string }): void {
  const body = JSON.stringify({ error: refusal.error });
  socket.end(
    `HTTP/1.1 ${refusal.status} Refused\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}

function serve(ws: WebSocket, dispatch: Dispatch): void {
  // A frame over the limit or broken framing: ws closes the socket with the fitting code and reports it here,
  // where an unheard error would end the host.
  ws.on('error', () => undefined);
  ws.on('message', (data: RawData, isBinary: boolean) => {
    if (isBinary) return ws.close(UNSUPPORTED_DATA, 'Calls are JSON text.');
    let parsed;
    try {
      parsed = socketCall.safeParse(JSON.parse(data.toString()));
    } catch {
      parsed = null;
    }
    // Without a readable id there is no one to answer: the page that sent it is not ours to keep talking to.
    if (!parsed?.success) return ws.close(POLICY_VIOLATION, 'Not a call.');
    const { id, channel, input } = parsed.data;
    void dispatch(channel, input, { trusted: true }, { transport: 'http' })
      .catch(() => FAILED)
      .then((result) => {
        const answer: SocketAnswer = { id, result };
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(answer));
      });
  });
}

/** Serves the page's socket on `server`; the function it returns closes every open socket. */
export function attachSocketCalls(server: Server, options: SocketCallsOptions): () => void {
  const sockets = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const path = new URL(req.url ?? '/', 'http://host').pathname;
    if (path !== HOST_ROUTES.socket) return refuseUpgrade(socket, { status: 404, error: 'No such API route.' });
    const refusal = options.refusalOf(req);
    if (refusal) return refuseUpgrade(socket, refusal);
    sockets.handleUpgrade(req, socket, head, (ws) => serve(ws, options.dispatch));
  });
  return () => {
    for (const ws of sockets.clients) ws.terminate();
    sockets.close();
  };
}
