// The browser host: the built renderer and the same contract over HTTP, for Chromium tests and for showing
// Klientdesk where Electron is not installed. Loopback only, a per-launch secret, and no DNS rebinding.
// The page never holds the secret: the launch URL carries a one-time code, which the page exchanges for an
// HttpOnly, SameSite=Strict session cookie. Non-browser clients (tests, the bench) send the secret header.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { EventName } from '../../shared/contract';
import type { Dispatch } from '../platform/ipc/dispatch';
import type { EventBus } from '../app/event-bus';
import { sendJson } from './respond';
import { attachSocketCalls, type Refusal } from './socket-calls';
import { serveStatic } from './static-files';
import { SECURITY_HEADERS } from './security-headers';
import { batchFileName, MAX_BATCH_FILE_CHARS } from '../features/batches/batch-file';
import {
  BATCH_FILE_DOWNLOAD_PATH,
  BATCH_FILE_ID_PARAM,
  BATCH_FILE_UPLOAD_PATH,
  channelOfInvokePath,
  DEFAULT_BODY_LIMIT,
  encodeEventFrame,
  EVENT_STREAM_MEDIA_TYPE,
  EVENT_STREAM_OPENED,
  HOST_ROUTES,
  JSON_MEDIA_TYPE,
  launchFragment,
  SECRET_HEADER,
  SESSION_BODY_LIMIT,
  sessionCookieName,
  sessionRequest,
} from '../../shared/contract/transport';

export { SECRET_HEADER };
/** A launch code is good for one exchange, within this time. */
export const LAUNCH_CODE_TTL_MS = 2 * 60 * 1000;
export const MIN_SECRET_BITS = 128;
const NOT_UNLOCKED = 'Klientdesk is not unlocked in this tab. Open the address the host printed.';

export interface HostOptions {
  dispatch: Dispatch;
  bus: EventBus;
  /**
   * Events every new stream starts with, saying where the app stands now: the page may open its stream after a
   * change it would otherwise never hear of (the environment coming up while the page loaded).
   */
  openingEvents?: () => { event: EventName; payload: unknown }[];
  webRoot: string;
  port?: number;
  secret?: string;
  bodyLimit?: number;
  /**
   * Where uploaded and downloaded batch files wait while main reads or writes them (the data folder's, so they
   * stay on the person's own disk); each is removed when its request ends. Without it, a fresh temp folder.
   */
  fileDir?: string;
  /** Milliseconds since the epoch; injected by tests to expire launch codes. */
  now?: () => number;
}

export interface Host {
  url: string;
  /** The URL to open: a one-time code rides in the fragment, which browsers never send to a server or a Referer. */
  launchUrl: string;
  /** A fresh one-time code (for printing a new launch URL). */
  issueLaunchCode(): string;
  /** The session cookie's name; it carries the port, as browsers share cookies across a host's ports. */
  cookieName: string;
  secret: string;
  port: number;
  close(): Promise<void>;
}

function securityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

function secretMatches(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * How many bits a given secret can carry at most, from its length and alphabet (hex: 4 per character,
 * base64url: 6). Anything else, or one with few distinct characters, is refused: it looks typed, not generated.
 */
export function secretBits(secret: string): number {
  const distinct = new Set(secret).size;
  if (distinct < 8) return 0;
  if (/^[0-9a-fA-F]+$/.test(secret)) return secret.length * 4;
  if (/^[A-Za-z0-9_-]+$/.test(secret)) return secret.length * 6;
  return 0;
}

export function assertStrongSecret(secret: string): void {
  if (secretBits(secret) < MIN_SECRET_BITS) {
    throw new AppError(
      'HOST_SECRET_TOO_WEAK',
      'KLIENTDESK_HOST_SECRET is too weak: it must carry at least 128 random bits, for example 32 hex characters or ' +
        '22 base64url characters (try `openssl rand -hex 32`). Leave it unset and the host makes one itself.',
    );
  }
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

class BodyTooLarge extends Error {}

/** UTF-8 takes at most 3 bytes a character; a bigger body cannot be a batch file within the character cap. */
const MAX_BATCH_UPLOAD_BYTES = MAX_BATCH_FILE_CHARS * 3;

function byteCap(limit: number): Transform {
  let size = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      if (size > limit) done(new BodyTooLarge());
      else done(null, chunk);
    },
  });
}

/** An attachment name for any batch name: ASCII fallback plus the exact UTF-8 name (RFC 6266). */
function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

function readBody(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolveBody, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) return reject(new BodyTooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.pause();
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolveBody(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function startHost(options: HostOptions): Promise<Host> {
  if (options.secret !== undefined) assertStrongSecret(options.secret);
  const secret = options.secret ?? randomBytes(32).toString('base64url');
  const now = options.now ?? Date.now;
  const launchCodes = new Map<string, number>();
  const sessions = new Set<string>();
  const issueLaunchCode = (): string => {
    for (const [code, expires] of launchCodes) if (expires <= now()) launchCodes.delete(code);
    const code = randomBytes(32).toString('base64url');
    launchCodes.set(code, now() + LAUNCH_CODE_TTL_MS);
    return code;
  };
  /** Single use: the code is spent whether or not it was still in time. */
  const spendLaunchCode = (code: unknown): boolean => {
    if (typeof code !== 'string') return false;
    const expires = launchCodes.get(code);
    if (expires === undefined) return false;
    launchCodes.delete(code);
    return expires > now();
  };
  const hasSession = (req: IncomingMessage): boolean => {
    const token = cookieValue(req.headers.cookie, cookieName());
    return token !== undefined && [...sessions].some((s) => secretMatches(token, s));
  };
  const cookieName = (): string => sessionCookieName(port);
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const webRoot = resolve(options.webRoot);
  let port = 0;
  const allowedHosts = (): string[] => [`127.0.0.1:${port}`, `localhost:${port}`];
  const allowedOrigins = (): string[] => allowedHosts().map((h) => `http://${h}`);
  const streams = new Set<ServerResponse>();
  const ownFileDir = options.fileDir === undefined;
  const fileDir = options.fileDir ?? (await mkdtemp(join(tmpdir(), 'kd-host-files-')));
  await mkdir(fileDir, { recursive: true });
  const transferPath = (kind: string): string => join(fileDir, `${kind}-${randomBytes(12).toString('hex')}.json`);

  async function receiveBatchFile(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = transferPath('upload');
    let result: unknown;
    try {
      const declared = Number(req.headers['content-length'] ?? '0');
      if (declared > MAX_BATCH_UPLOAD_BYTES) throw new BodyTooLarge();
      await pipeline(req, byteCap(MAX_BATCH_UPLOAD_BYTES), createWriteStream(path));
      result = await options.dispatch('batches.importFromPath', { path }, { trusted: true }, { transport: 'http' });
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      res.setHeader('Connection', 'close');
      result = undefined;
    } finally {
      // Removed before the answer goes out: once the page hears back, nothing of the file is left behind.
      await rm(path, { force: true });
    }
    if (result === undefined) {
      return sendJson(res, 413, { error: `The file is larger than a batch file can be (${Math.round(MAX_BATCH_UPLOAD_BYTES / 1e6)} MB).` });
    }
    sendJson(res, 200, result);
  }

  async function sendBatchFile(id: string, res: ServerResponse): Promise<void> {
    const found = await options.dispatch('batches.get', { id, limit: 1 }, { trusted: true }, { transport: 'http' });
    if (!found.ok) return sendJson(res, 404, { error: found.error.message, code: found.error.code });
    const path = transferPath('download');
    try {
      const written = await options.dispatch('batches.exportToPath', { id, path }, { trusted: true }, { transport: 'http' });
      if (!written.ok) return sendJson(res, 500, { error: written.error.message, code: written.error.code });
      const { batch } = found.value as { batch: { name: string } };
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': String((await stat(path)).size),
        'Content-Disposition': attachment(batchFileName(batch.name, new Date(now()))),
        'Cache-Control': 'no-store',
      });
      await pipeline(createReadStream(path), res);
    } finally {
      await rm(path, { force: true });
    }
  }

  function openEventStream(res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': EVENT_STREAM_MEDIA_TYPE, 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(EVENT_STREAM_OPENED);
    for (const frame of options.openingEvents?.() ?? []) res.write(encodeEventFrame(frame));
    streams.add(res);
    res.on('close', () => streams.delete(res));
  }

  const unsubscribe = options.bus.subscribe((name: EventName, payload: unknown) => {
    const frame = encodeEventFrame({ event: name, payload });
    for (const s of streams) s.write(frame);
  });

  /** A request from another site or host name; with `needsOrigin`, one that does not say where it comes from. */
  const foreignRefusal = (req: IncomingMessage, needsOrigin: boolean): Refusal => {
    // DNS rebinding: a foreign name resolving to 127.0.0.1 still carries its own Host header.
    if (!allowedHosts().includes(req.headers.host ?? '')) return { status: 403, error: 'This host name is not allowed.' };
    const origin = req.headers.origin;
    if (origin === undefined ? needsOrigin : !allowedOrigins().includes(origin))
      return { status: 403, error: 'This origin is not allowed.' };
    return null;
  };
  /** The socket's upgrade: a browser always names its origin, so only a tool with the secret may leave it out. */
  const upgradeRefusal = (req: IncomingMessage): Refusal => {
    const bySecret = secretMatches(req.headers[SECRET_HEADER] as string | undefined, secret);
    const foreign = foreignRefusal(req, !bySecret);
    if (foreign) return foreign;
    return bySecret || hasSession(req) ? null : { status: 401, error: NOT_UNLOCKED };
  };

  const server = createServer((req, res) => {
    void (async () => {
      securityHeaders(res);
      const foreign = foreignRefusal(req, false);
      if (foreign) return sendJson(res, foreign.status, { error: foreign.error });
      const url = new URL(req.url ?? '/', `http://${req.headers.host}`);

      if (!url.pathname.startsWith(HOST_ROUTES.apiPrefix)) {
        if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { error: 'Method not allowed.' });
        return serveStatic(webRoot, url.pathname, res);
      }
      const mediaType = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      if (url.pathname === HOST_ROUTES.session) {
        if (req.method !== 'POST') return sendJson(res, 405, { error: 'Method not allowed.' });
        // JSON only: a cross-site form cannot send it without a CORS preflight, which this host never grants.
        if (mediaType !== JSON_MEDIA_TYPE) return sendJson(res, 415, { error: 'Send JSON.' });
        let code: unknown;
        try {
          code = sessionRequest.safeParse(JSON.parse(await readBody(req, SESSION_BODY_LIMIT))).data?.code;
        } catch {
          code = undefined;
        }
        if (!spendLaunchCode(code)) {
          return sendJson(res, 401, {
            error: 'This address has been used or has expired. Restart the host and open the new address it prints.',
          });
        }
        const token = randomBytes(32).toString('base64url');
        sessions.add(token);
        res.setHeader('Set-Cookie', `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`);
        return sendJson(res, 200, { ok: true });
      }
      const bySecret = secretMatches(req.headers[SECRET_HEADER] as string | undefined, secret);
      if (!bySecret && !hasSession(req)) return sendJson(res, 401, { error: NOT_UNLOCKED });
      if (url.pathname === HOST_ROUTES.launchCode && req.method === 'POST') {
        // For tools holding the secret (tests, scripts): a fresh address to open in a browser.
        if (!bySecret) return sendJson(res, 401, { error: 'A new launch code needs the host secret.' });
        return sendJson(res, 200, { code: issueLaunchCode() });
      }
      if (url.pathname === HOST_ROUTES.events && req.method === 'GET') return openEventStream(res);
      if (url.pathname === BATCH_FILE_UPLOAD_PATH && req.method === 'POST') {
        // JSON only, as for every write here: no cross-site form can send it without a preflight.
        if (mediaType !== JSON_MEDIA_TYPE) return sendJson(res, 415, { error: 'Send the batch file as JSON.' });
        return receiveBatchFile(req, res);
      }
      if (url.pathname === BATCH_FILE_DOWNLOAD_PATH && req.method === 'GET') {
        const id = url.searchParams.get(BATCH_FILE_ID_PARAM);
        if (!id || id.length > 200) return sendJson(res, 400, { error: 'Name the batch to download.' });
        return sendBatchFile(id, res);
      }

      const channel = channelOfInvokePath(url.pathname);
      if (channel === null || req.method !== 'POST') return sendJson(res, 404, { error: 'No such API route.' });
      if (mediaType !== JSON_MEDIA_TYPE) {
        return sendJson(res, 415, { error: 'Send JSON.' });
      }
      let body: string;
      try {
        body = await readBody(req, bodyLimit);
      } catch (error) {
        if (error instanceof BodyTooLarge) {
          res.setHeader('Connection', 'close');
          return sendJson(res, 413, { error: `The request is larger than ${Math.round(bodyLimit / 1024 / 1024)} MB.` });
        }
        throw error;
      }
      let input: unknown;
      try {
        input = body === '' ? undefined : (JSON.parse(body) as unknown);
      } catch {
        return sendJson(res, 200, { ok: false, error: { code: 'BAD_INPUT', message: 'The request body is not valid JSON.' } });
      }
      const result = await options.dispatch(channel, input, { trusted: true }, { transport: 'http' });
      return sendJson(res, 200, result);
    })().catch(() => {
      if (!res.headersSent) sendJson(res, 500, { error: 'The host failed to answer.' });
      else res.end();
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolveListen());
  });
  port = (server.address() as AddressInfo).port;
  const closeSockets = attachSocketCalls(server, { refusalOf: upgradeRefusal, dispatch: options.dispatch, maxPayload: bodyLimit });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    launchUrl: `${url}/${launchFragment(issueLaunchCode())}`,
    issueLaunchCode,
    cookieName: cookieName(),
    secret,
    port,
    async close() {
      unsubscribe();
      closeSockets();
      for (const s of streams) s.end();
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
      if (ownFileDir) await rm(fileDir, { recursive: true, force: true });
    },
  };
}
