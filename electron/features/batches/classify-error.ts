// What the runner does with an error thrown by the EndUserAltinn port. The HTTP layer below the port has
// already retried what it safely could, so a thrown error is final for this attempt; the question is
// whether the item failed for a real reason, was provably not applied and may go again, or may have been
// applied without our hearing of it (unknown: only Altinn's list can tell).
import { AppError } from '../../../shared/errors';

export type ErrorVerdict =
  /** Altinn judged the item: it will fail the same way again (AUTH-00080, AUTH-00079 …). */
  | { kind: 'failed'; code: string; message: string; correlationId: string | null }
  /** The service is busy or broken right now (5xx, 429): back off, honouring Retry-After. */
  | { kind: 'busy'; code: string; retryAfterMs: number | null; correlationId: string | null }
  /** The call never reached the service (connection refused, not connected): pause as offline until it is back. */
  | { kind: 'offline'; code: string }
  /** The call may have reached Altinn, but no answer came (timeout, dropped connection, a gateway 5xx). */
  | { kind: 'unknown'; code: string; message: string; correlationId: string | null }
  /** The sign-in is gone or expired: pause until someone signs in again. */
  | { kind: 'signed_out'; code: string }
  /** The signed-in person may not delegate clients for the firm: every item would fail the same way. */
  | { kind: 'forbidden'; code: string; message: string; correlationId: string | null };

/** The request provably never left or never arrived. */
const NOT_SENT_CODES = new Set(['CONNECTION_REFUSED', 'NOT_CONNECTED']);
/** No answer: the request may or may not have been applied. */
const NO_ANSWER_CODES = new Set(['NETWORK', 'TIMEOUT']);
/** Answers that mean the service turned the request away before acting on it. */
const REFUSED_STATUSES = new Set([429, 503]);
const SIGNED_OUT_CODES = new Set(['NOT_SIGNED_IN', 'NOT_LOGGED_IN', 'ALTINN_UNAUTHENTICATED', 'LOGIN_EXPIRED']);

function detail<T>(error: AppError, key: string, guard: (v: unknown) => v is T): T | undefined {
  const value = error.details?.[key];
  return guard(value) ? value : undefined;
}
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

export function classifyError(error: unknown): ErrorVerdict {
  if (!(error instanceof AppError)) {
    // A plain Error is a bug or an unexpected transport failure: whether the call left is not known.
    return { kind: 'unknown', code: 'NETWORK', message: error instanceof Error ? error.message : String(error), correlationId: null };
  }
  const status = detail(error, 'status', isNumber);
  const correlationId = detail(error, 'correlationId', isString) ?? null;
  const retryAfterSeconds = detail(error, 'retryAfterSeconds', isNumber);

  if (SIGNED_OUT_CODES.has(error.code) || status === 401) return { kind: 'signed_out', code: error.code };
  if (error.code === 'NO_CLIENT_ADMIN') return { kind: 'forbidden', code: error.code, message: error.message, correlationId };
  if (NOT_SENT_CODES.has(error.code) && status === undefined) return { kind: 'offline', code: error.code };
  if (NO_ANSWER_CODES.has(error.code) && status === undefined) {
    return { kind: 'unknown', code: error.code, message: error.message, correlationId };
  }
  if (status !== undefined && status >= 500 && !REFUSED_STATUSES.has(status)) {
    return { kind: 'unknown', code: error.code, message: error.message, correlationId };
  }
  if ((status !== undefined && REFUSED_STATUSES.has(status)) || error.details?.retryable === true) {
    return {
      kind: 'busy',
      code: error.code,
      retryAfterMs: retryAfterSeconds !== undefined ? Math.max(0, retryAfterSeconds * 1000) : null,
      correlationId,
    };
  }
  return { kind: 'failed', code: error.code, message: error.message, correlationId };
}
