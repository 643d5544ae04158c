// The one HTTP layer under Maskinporten, ID-porten, Altinn and Skatteetaten calls. It owns timeouts,
// retries (only where repeating the call is safe), the per-service hold (Retry-After, a run of 503s),
// correlation ids and the exchange log; it does not interpret bodies. Non-2xx responses are returned, not
// thrown: each service maps its own error shapes.
//
// Retries: a read is repeated after any transient failure. A write (POST, PUT, DELETE, PATCH) that the
// caller vouches for is repeated only when it provably did not take effect: the connection was refused, or
// the service answered 429/503. After a timeout or a dropped connection its outcome is unknown, and a
// blind resend could land after a later, opposite call; the error goes up for the caller to settle.
import { randomUUID } from 'node:crypto';
import { LocalCodes, ServiceError, type ServiceName } from '../errors';
import { backoffDelayMs, DEFAULT_BACKOFF, parseRetryAfterMs, type BackoffPolicy } from './backoff';
import { systemClock, type Clock } from './clock';
import { redactText } from './redact';
import { readPieces } from './body-pieces';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

/** Called once per attempt, so a retried token POST carries a new grant (a grant may never be replayed). */
export type BodyFactory = () => string | Promise<string>;

export interface HttpRequest {
  service: ServiceName;
  method: HttpMethod;
  url: string;
  headers?: Record<string, string>;
  body?: string | BodyFactory;
  /** POST/PATCH are retried only when the caller vouches that repeating them is harmless. */
  idempotent?: boolean;
  timeoutMs?: number;
  /** Total tries including the first. */
  maxAttempts?: number;
  signal?: AbortSignal;
  /** Short name of the operation for the actor-flow view ("token", "aapnekrav", "add client"). */
  operation?: string;
  /** Return 3xx responses as they are instead of following them (the demo login reads the Location). */
  manualRedirect?: boolean;
  /**
   * For a 2xx answer: each piece of the body as it arrives, besides the whole body at the end, so a large answer
   * can be read while it is still coming. An attempt that fails once a piece was handed on is not repeated: the
   * receiver has seen part of an answer, and the caller decides (a read of the whole is then asked for again).
   */
  onBodyPiece?: (piece: Uint8Array) => void;
}

export interface HttpResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  /** The body as UTF-8 text, decoded when first asked for. */
  readonly bodyText: string;
  /**
   * The body as it arrived, where the HTTP layer read it, until bodyText is first asked for: a caller that only
   * compares answers need not decode them.
   */
  readonly bodyBytes?: Uint8Array;
  /**
   * Set when the body was handed on in pieces (onBodyPiece): its sha256 (base64url). Such a body is not kept:
   * bodyText and bodyBytes are empty, the receiver has had it all.
   */
  readonly bodySha256?: string;
  url: string;
  correlationId: string;
  attempts: number;
  durationMs: number;
}

/** One finished attempt, with secrets removed, for the actor-flow view and logs. */
export interface Exchange {
  correlationId: string;
  service: ServiceName;
  operation?: string;
  method: HttpMethod;
  url: string;
  attempt: number;
  startedAt: number;
  durationMs: number;
  status?: number;
  requestBody?: string;
  responseBody?: string;
  /** Set when no response arrived (timeout, connection dropped). */
  error?: string;
  /** The layer will try again after this attempt. */
  willRetry: boolean;
  retryDelayMs?: number;
}

export interface HttpClientOptions {
  fetch?: typeof fetch;
  clock?: Clock;
  random?: () => number;
  onExchange?: (exchange: Exchange) => void;
  defaultTimeoutMs?: number;
  defaultMaxAttempts?: number;
  backoff?: BackoffPolicy;
  /** A Retry-After longer than this is not waited out; the response is returned to the caller. */
  maxRetryAfterMs?: number;
}

export interface HttpClient {
  send(request: HttpRequest): Promise<HttpResponse>;
  /** Until when every call to the service waits (epoch ms), or null when it is not held back. */
  holdUntil?(service: ServiceName): number | null;
}

const SAFE_METHODS: ReadonlySet<HttpMethod> = new Set(['GET', 'PUT', 'DELETE']);
const READ_METHODS: ReadonlySet<HttpMethod> = new Set(['GET']);
/** The code for a call that never reached the service: safe to send again, whatever its method. */
export const NOT_SENT_CODE = 'CONNECTION_REFUSED';
/** Socket errors raised before a single byte of the request could have left. */
const NEVER_SENT_ERRORS: ReadonlySet<string> = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);
/** Statuses by which a service turns a request away before acting on it. */
const TURNED_AWAY: ReadonlySet<number> = new Set([429, 503]);
/** This many 503s in a row from one service hold every call to it back. */
const UNAVAILABLE_RUN = 3;
const MAX_LOGGED_BODY = 8_000;

/** As fetch's text() decodes: UTF-8, a leading BOM dropped, bad bytes replaced. */
const UTF8 = new TextDecoder();

export const isRetryableStatus = (status: number): boolean => status === 429 || (status >= 500 && status <= 599);

export function createHttpClient(options: HttpClientOptions = {}): HttpClient {
  const doFetch = options.fetch ?? globalThis.fetch;
  const clock = options.clock ?? systemClock;
  const random = options.random ?? Math.random;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const defaultTimeoutMs = options.defaultTimeoutMs ?? 15_000;
  const defaultMaxAttempts = options.defaultMaxAttempts ?? 4;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 30_000;

  // One hold per service, shared by every caller: a 429 seen by one slot holds back all of them.
  const holds = new Map<ServiceName, number>();
  const unavailableRuns = new Map<ServiceName, number>();

  function holdUntil(service: ServiceName): number | null {
    const until = holds.get(service) ?? 0;
    return until > clock.now() ? until : null;
  }

  function hold(service: ServiceName, ms: number): void {
    holds.set(service, Math.max(holds.get(service) ?? 0, clock.now() + Math.min(ms, maxRetryAfterMs)));
  }

  /** Notes what an answer says about the service's load, for every caller of that service. */
  function learn(service: ServiceName, status: number, retryAfterMs: number | undefined): void {
    if (status === 429) {
      unavailableRuns.set(service, 0);
      hold(service, retryAfterMs ?? backoffDelayMs(1, backoff, random));
      return;
    }
    if (status === 503) {
      const run = (unavailableRuns.get(service) ?? 0) + 1;
      unavailableRuns.set(service, run);
      if (retryAfterMs !== undefined) hold(service, retryAfterMs);
      else if (run >= UNAVAILABLE_RUN) hold(service, backoffDelayMs(run - UNAVAILABLE_RUN + 1, backoff, random));
      return;
    }
    unavailableRuns.set(service, 0);
  }

  async function waitForHold(req: HttpRequest, correlationId: string): Promise<void> {
    for (let until = holdUntil(req.service); until !== null; until = holdUntil(req.service)) {
      await sleepOrAbort(until - clock.now(), req, correlationId);
    }
  }

  function report(exchange: Exchange): void {
    try {
      options.onExchange?.(exchange);
    } catch {
      // A broken observer must not break the call it observes.
    }
  }

  async function send(req: HttpRequest): Promise<HttpResponse> {
    const correlationId = randomUUID();
    const maySafelyRepeat = SAFE_METHODS.has(req.method) || req.idempotent === true;
    const isRead = READ_METHODS.has(req.method);
    const maxAttempts = maySafelyRepeat ? Math.max(1, req.maxAttempts ?? defaultMaxAttempts) : 1;
    const timeoutMs = req.timeoutMs ?? defaultTimeoutMs;
    const firstStart = clock.now();
    const loggedUrl = redactText(req.url);

    for (let attempt = 1; ; attempt++) {
      await waitForHold(req, correlationId);
      const body = typeof req.body === 'function' ? await req.body() : req.body;
      const startedAt = clock.now();
      const base = {
        correlationId,
        service: req.service,
        operation: req.operation,
        method: req.method,
        url: loggedUrl,
        attempt,
        startedAt,
        requestBody: body === undefined ? undefined : loggedBody(body),
      };
      const outcome = await attemptOnce(req, body, correlationId, timeoutMs);
      const durationMs = clock.now() - startedAt;
      const hasAttemptsLeft = attempt < maxAttempts;

      if (outcome.kind === 'response') {
        const { response, bytes, streamed } = outcome;
        const retryAfter = parseRetryAfterMs(response.headers.get('retry-after'), clock.now());
        learn(req.service, response.status, retryAfter);
        let retryDelayMs: number | undefined;
        const repeatable = isRead ? isRetryableStatus(response.status) : TURNED_AWAY.has(response.status);
        if (hasAttemptsLeft && repeatable) {
          if (retryAfter === undefined) retryDelayMs = backoffDelayMs(attempt, backoff, random);
          else if (retryAfter <= maxRetryAfterMs) retryDelayMs = retryAfter;
        }
        report({
          ...base,
          durationMs,
          status: response.status,
          responseBody: loggedResponseBody(bytes, streamed?.length),
          willRetry: retryDelayMs !== undefined,
          retryDelayMs,
        });
        if (retryDelayMs === undefined) {
          let text: string | undefined;
          let kept: Uint8Array | undefined = streamed ? new Uint8Array(0) : bytes;
          return {
            ...(streamed ? { bodySha256: streamed.sha256 } : {}),
            status: response.status,
            ok: response.ok,
            headers: response.headers,
            get bodyText() {
              // Once decoded the bytes are let go: a 200 MB answer need not be held twice while it is parsed.
              if (text === undefined) [text, kept] = [UTF8.decode(kept), undefined];
              return text;
            },
            get bodyBytes() {
              return kept;
            },
            url: req.url,
            correlationId,
            attempts: attempt,
            durationMs: clock.now() - firstStart,
          };
        }
        await sleepOrAbort(retryDelayMs, req, correlationId);
        continue;
      }

      const failure = outcome.error;
      const willRetry =
        hasAttemptsLeft && !outcome.piecesHanded && failure.code !== LocalCodes.Aborted && (isRead || failure.code === NOT_SENT_CODE);
      const retryDelayMs = willRetry ? backoffDelayMs(attempt, backoff, random) : undefined;
      report({ ...base, durationMs, error: failure.message, willRetry, retryDelayMs });
      if (retryDelayMs === undefined) throw failure;
      await sleepOrAbort(retryDelayMs, req, correlationId);
    }
  }

  type Outcome =
    | { kind: 'response'; response: Response; bytes: Uint8Array; streamed?: { length: number; sha256: string } }
    | { kind: 'failure'; error: ServiceError; piecesHanded?: boolean };

  async function attemptOnce(req: HttpRequest, body: string | undefined, correlationId: string, timeoutMs: number): Promise<Outcome> {
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(new Error('timeout')), timeoutMs);
    const signal = req.signal ? AbortSignal.any([req.signal, timeout.signal]) : timeout.signal;
    let piecesHanded = false;
    const handOn = req.onBodyPiece;
    try {
      const response = await doFetch(req.url, {
        method: req.method,
        headers: { ...req.headers, 'X-Correlation-ID': correlationId },
        body,
        signal,
        redirect: req.manualRedirect ? 'manual' : 'follow',
      });
      // The body is read inside the same timeout: a server that stalls mid-body is as dead as a silent one.
      // As bytes: a 200,000-client list is 200 MB, and decoding it cost more than receiving it.
      if (handOn && response.ok && response.body) {
        const read = await readPieces(
          response.body,
          (piece) => {
            piecesHanded = true;
            handOn(piece);
          },
          REDACT_WINDOW,
        );
        return { kind: 'response', response, bytes: read.head, streamed: { length: read.length, sha256: read.sha256 } };
      }
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { kind: 'response', response, bytes };
    } catch (cause) {
      if (req.signal?.aborted) {
        return {
          kind: 'failure',
          piecesHanded,
          error: new ServiceError({
            service: req.service,
            code: LocalCodes.Aborted,
            message: 'The call was cancelled.',
            correlationId,
            cause,
          }),
        };
      }
      if (timeout.signal.aborted) {
        return {
          kind: 'failure',
          piecesHanded,
          error: new ServiceError({
            service: req.service,
            code: LocalCodes.Timeout,
            retryable: true,
            message: `${serviceLabel(req.service)} did not answer within ${Math.round(timeoutMs / 100) / 10} s.`,
            correlationId,
            cause,
          }),
        };
      }
      return {
        kind: 'failure',
        piecesHanded,
        error: new ServiceError({
          service: req.service,
          code: NEVER_SENT_ERRORS.has(networkErrorCode(cause) ?? '') ? NOT_SENT_CODE : LocalCodes.Network,
          retryable: true,
          message: `Could not reach ${serviceLabel(req.service)} (${describeNetworkError(cause)}).`,
          correlationId,
          cause,
        }),
      };
    } finally {
      clearTimeout(timer);
    }
  }

  async function sleepOrAbort(ms: number, req: HttpRequest, correlationId: string): Promise<void> {
    try {
      await clock.sleep(ms, req.signal);
    } catch (cause) {
      throw new ServiceError({ service: req.service, code: LocalCodes.Aborted, message: 'The call was cancelled.', correlationId, cause });
    }
  }

  return { send, holdUntil };
}

export function serviceLabel(service: ServiceName): string {
  switch (service) {
    case 'maskinporten':
      return 'Maskinporten';
    case 'idporten':
      return 'ID-porten';
    case 'altinn':
      return 'Altinn';
    case 'skatteetaten':
      return 'Skatteetaten';
    case 'demo':
      return 'The demo world';
    case 'local':
      return 'Klientdesk';
  }
}

function networkErrorCode(cause: unknown): string | undefined {
  const inner = (cause as { cause?: { code?: unknown } } | undefined)?.cause;
  return inner && typeof inner.code === 'string' ? inner.code : undefined;
}

function describeNetworkError(cause: unknown): string {
  const inner = (cause as { cause?: { code?: unknown; message?: unknown } } | undefined)?.cause;
  if (inner && typeof inner.code === 'string') return inner.code;
  if (inner && typeof inner.message === 'string') return redactText(inner.message);
  return cause instanceof Error ? redactText(cause.message) : 'network error';
}

function clip(text: string): string {
  return text.length > MAX_LOGGED_BODY ? `${text.slice(0, MAX_LOGGED_BODY)}… (${text.length} chars)` : text;
}

/** Far longer than any PEM block or token, so one that straddles the clip is still whole inside the window. */
const REDACT_WINDOW = MAX_LOGGED_BODY + 64 * 1024;

/**
 * What the log keeps of a body: redacted, then clipped. Only the window that can reach the log is redacted:
 * a 200,000-client list is 200 MB of text, and redacting all of it cost more than parsing it.
 */
function loggedBody(text: string): string {
  if (text.length <= REDACT_WINDOW) return clip(redactText(text));
  return `${redactText(text.slice(0, REDACT_WINDOW)).slice(0, MAX_LOGGED_BODY)}… (${text.length} chars)`;
}

/** The same for an answer's bytes (of `length` in all, when only its head was kept); only the window that can reach the log is decoded. */
function loggedResponseBody(bytes: Uint8Array, length = bytes.length): string {
  if (length <= REDACT_WINDOW) return loggedBody(UTF8.decode(bytes));
  const window = UTF8.decode(bytes.subarray(0, REDACT_WINDOW));
  return `${redactText(window).slice(0, MAX_LOGGED_BODY)}… (${length} bytes)`;
}
