// What an error means for one item (its recorded result) and for the batch (pause, wait, or go on).
import type { ItemResult } from './batch-store';
import type { ErrorVerdict } from './classify-error';

/** Why the runner paused a batch by itself; it resumes such a batch on its own once the cause is gone. */
export type AutoPauseReason = 'offline' | 'signed_out';
export const AUTO_PAUSE_REASONS: ReadonlySet<string> = new Set<AutoPauseReason>(['offline', 'signed_out']);
/** Paused by the runner, but only a person can resume: every item would fail the same way. */
export const NO_CLIENT_ADMIN_PAUSE = 'no_client_admin';

/**
 * The item's result for a failed send. `unknown` is never turned into a retry: the call may have reached
 * Altinn, so only Altinn's list may settle it.
 */
export function resultOf(
  verdict: ErrorVerdict,
  attempts: number,
  maxAttempts: number,
  missingPackages: () => string[] | undefined,
): ItemResult {
  switch (verdict.kind) {
    case 'unknown':
      return { kind: 'unknown', code: verdict.code, message: verdict.message, correlationId: verdict.correlationId };
    case 'failed':
      return {
        kind: 'failed',
        code: verdict.code,
        message: verdict.message,
        correlationId: verdict.correlationId,
        missingPackages: verdict.code === 'AUTH-00080' ? missingPackages() : undefined,
      };
    case 'forbidden':
      return { kind: 'failed', code: verdict.code, message: verdict.message, correlationId: verdict.correlationId };
    case 'busy':
      // A service that stays broken for this item through many rounds of back-off is the item's real outcome.
      return attempts >= maxAttempts
        ? {
            kind: 'failed',
            code: verdict.code,
            message: `Altinn was busy or unavailable on all ${attempts} tries.`,
            correlationId: verdict.correlationId,
          }
        : { kind: 'retry', code: verdict.code };
    default:
      return { kind: 'retry', code: verdict.code };
  }
}

/** Why to pause when Altinn's list cannot be read; a busy service is only waited out. */
export function pauseReasonFor(problem: ErrorVerdict): string | null {
  switch (problem.kind) {
    case 'busy':
      return null;
    case 'forbidden':
      return NO_CLIENT_ADMIN_PAUSE;
    case 'signed_out':
      return 'signed_out';
    default:
      return 'offline';
  }
}
