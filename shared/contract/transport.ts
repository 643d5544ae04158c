// The browser host's wire protocol, written once: the host (electron/host/server.ts), the renderer's bridge
// (renderer/src/api/http-bridge.ts) and the e2e helper (test/e2e/host-api.ts) all take it from here.
//
// - A channel is a POST of its input as JSON to `/api/invoke/<channel>`; the answer is the contract's Result.
// - Once the page has its WebSocket at `/api/socket` open, it sends its calls there instead: a text frame
//   `{"id","channel","input"}` out, `{"id","result"}` back with the same Result, answers in any order. A fetch
//   per call costs Chromium some milliseconds more than a frame on an open socket, and a search sends one per
//   keystroke; the first calls of a page do not wait for the socket's handshake. Both pass the same checks.
// - Events arrive as server-sent events on `/api/events`: one `data: {"event","payload"}` line per frame.
// - The page proves itself with a session cookie, got by trading the launch URL's one-time code (in the
//   fragment, `#c=<code>`) at `/api/session`; tools holding the host secret send it in a header instead.
import { z } from 'zod';

export { BATCH_FILE_DOWNLOAD_PATH, BATCH_FILE_ID_PARAM, BATCH_FILE_UPLOAD_PATH, batchFileDownloadUrl } from './batch-file-routes';

export const HOST_ROUTES = {
  /** POST `{ code }`: trades a launch code for the session cookie. */
  session: '/api/session',
  /** POST with the secret header: a fresh launch code, for tools that open a browser. */
  launchCode: '/api/launch-code',
  /** GET: the event stream. */
  events: '/api/events',
  /** The page's calls, as a WebSocket (an upgrade; anything else here is no route). */
  socket: '/api/socket',
  /** Every route of the API starts with this; anything else is the renderer's files. */
  apiPrefix: '/api/',
} as const;

const INVOKE_PREFIX = '/api/invoke/';
const INVOKE_PATTERN = /^\/api\/invoke\/([A-Za-z0-9_.-]{1,100})$/;

export const invokePath = (channel: string): string => `${INVOKE_PREFIX}${channel}`;

/** One call on the page's socket; `id` pairs it with its answer. */
export const socketCall = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/),
  input: z.unknown(),
});
export const socketAnswer = z.object({ id: z.number().int().nonnegative(), result: z.unknown() });
export type SocketAnswer = z.infer<typeof socketAnswer>;

/** The address of the page's socket, from the page's own location (`http:` becomes `ws:`). */
export const socketUrl = (pageUrl: string): string => {
  const url = new URL(HOST_ROUTES.socket, pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return url.href;
};

/** The channel named by an invoke path, or null when the path is not one. */
export function channelOfInvokePath(pathname: string): string | null {
  return INVOKE_PATTERN.exec(pathname)?.[1] ?? null;
}

/** The host secret's header, for clients that are not a browser page (tests, the bench, scripts). */
export const SECRET_HEADER = 'x-klientdesk-secret';

/** The session cookie carries the port, as browsers share cookies across a host's ports. */
export const sessionCookieName = (port: number): string => `klientdesk_${port}`;

/** Writes: JSON only, so a cross-site form cannot send one without a CORS preflight, which the host never grants. */
export const JSON_MEDIA_TYPE = 'application/json';

/** The largest invoke body the host reads by default. */
export const DEFAULT_BODY_LIMIT = 8 * 1024 * 1024;
/** The largest body of a launch-code exchange: `{ "code": "<43 characters>" }` and some room. */
export const SESSION_BODY_LIMIT = 1024;

const LAUNCH_CODE_KEY = 'c';

/** The fragment of a launch URL: browsers send a fragment neither to a server nor in a Referer. */
export const launchFragment = (code: string): string => `#${LAUNCH_CODE_KEY}=${code}`;

/** The one-time code in a location's fragment, or null. */
export function launchCodeOf(hash: string): string | null {
  return new RegExp(`(?:^#|&)${LAUNCH_CODE_KEY}=([A-Za-z0-9_-]+)`).exec(hash)?.[1] ?? null;
}

export const sessionRequest = z.object({ code: z.string().max(200) });
export const launchCodeAnswer = z.object({ code: z.string() });

// Event framing: server-sent events, one JSON object per `data:` line, frames separated by a blank line.
export const eventFrame = z.object({ event: z.string(), payload: z.unknown() });
export type EventFrame = z.infer<typeof eventFrame>;

/** The comment the host writes first, so the page knows the stream is open. */
export const EVENT_STREAM_OPENED = ': connected\n\n';
export const EVENT_STREAM_MEDIA_TYPE = 'text/event-stream';

export function encodeEventFrame(frame: EventFrame): string {
  return `data: ${JSON.stringify(frame)}\n\n`;
}

/** Splits a growing text stream into frames; keeps the unfinished tail for the next chunk. */
export function createEventFrameReader(): (chunk: string) => EventFrame[] {
  let buffer = '';
  return (chunk) => {
    buffer += chunk;
    const frames: EventFrame[] = [];
    let cut: number;
    while ((cut = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const data = block.split('\n').find((line) => line.startsWith('data: '));
      if (!data) continue;
      const parsed = eventFrame.safeParse(JSON.parse(data.slice('data: '.length)));
      if (parsed.success) frames.push(parsed.data);
    }
    return frames;
  };
}
