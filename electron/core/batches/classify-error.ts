// What the runner does with an error thrown by the EndUserAltinn port. The HTTP layer below the port has
// already retried what it safely could, so a thrown error is final for this attempt; the question is only
// whether the item failed for a real reason, or should wait (and the batch with it) and go again.
import { AppError } from '../../../shared/errors';

export type ErrorVerdict =
  /** Altinn judged the item: it will fail the same way again (AUTH-00080, AUTH-00079 …). */
  | { kind: 'failed'; code: string; message: string; correlationId: string | null }
  /** The service is busy or broken right now (5xx, 429): back off, honouring Retry-After. */
  | { kind: 'busy'; code: string; retryAfterMs: number | null; correlationId: string | null }
  /** No answer at all: the network or the service is gone. Pause as offline until it is back. */
  | { kind: 'offline'; code: string }
  /** The sign-in is gone or expired: pause until someone signs in again. */
  | { kind: 'signed_out'; code: string }
  /** The signed-in person may not delegate clients for the firm: every item would fail the same way. */
  | { kind: 'forbidden'; code: string; message: string; correlationId: string | null };

const OFFLINE_CODES = new Set(['NETWORK', 'TIMEOUT', 'NOT_CONNECTED']);
const SIGNED_OUT_CODES = new Set(['NOT_SIGNED_IN', 'NOT_LOGGED_IN', 'ALTINN_UNAUTHENTICATED', 'LOGIN_EXPIRED']);

function detail<T>(error: AppError, key: string, guard: (v: unknown) => v is T): T | undefined {
  const value = error.details?.[key];
  return guard(value) ? value : undefined;
}
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string' && v !== '';

export function classifyError(error: unknown): ErrorVerdict {
  if (!(error instanceof AppError)) {
    // A plain Error is a bug or an unexpected transport failure; waiting and trying again is the safe choice.
    return { kind: 'offline', code: 'NETWORK' };
  }
  const status = detail(error, 'status', isNumber);
  const correlationId = detail(error, 'correlationId', isString) ?? null;
  const retryAfterSeconds = detail(error, 'retryAfterSeconds', isNumber);

  if (SIGNED_OUT_CODES.has(error.code) || status === 401) return { kind: 'signed_out', code: error.code };
  if (error.code === 'NO_CLIENT_ADMIN') return { kind: 'forbidden', code: error.code, message: error.message, correlationId };
  if (OFFLINE_CODES.has(error.code) && status === undefined) return { kind: 'offline', code: error.code };
  if (status === 429 || (status !== undefined && status >= 500) || error.details?.retryable === true) {
    return {
      kind: 'busy',
      code: error.code,
      retryAfterMs: retryAfterSeconds !== undefined ? Math.max(0, retryAfterSeconds * 1000) : null,
      correlationId,
    };
  }
  return { kind: 'failed', code: error.code, message: error.message, correlationId };
}
