// What a failed open-claims call means for one client. Skatteetaten answers a PDP "no" with 403 DAS-008: the
// client is not delegated to the agent system user (or not with a package K&B accepts). That is an everyday
// state of a client, not a fault, so it gets its own outcome and a way to fix it in the UI.
import type { ClientClaims } from '../../../shared/contract/claims';
import { AppError } from '../../../shared/errors';
import { isServiceError } from '../../platform/errors';

export const NOT_DELEGATED_CODE = 'DAS-008';

const NOT_DELEGATED_MESSAGE = 'SmartRegnskap has no access to this client: delegate it to the agent system user first.';

export function claimsFailure(orgNumber: string, error: unknown, name: string | null = null): ClientClaims {
  const code = error instanceof AppError ? error.code : 'INTERNAL';
  // Skatteetaten's korrelasjonsid finds the call in their logs; ours is the fallback.
  const correlationId = isServiceError(error) ? (error.korrelasjonsid ?? error.correlationId ?? null) : null;
  const notDelegated = code === NOT_DELEGATED_CODE || (isServiceError(error) && error.service === 'skatteetaten' && error.status === 403);
  if (notDelegated) {
    return {
      orgNumber,
      name,
      outcome: 'not_delegated',
      claims: [],
      totals: null,
      error: { code, message: NOT_DELEGATED_MESSAGE, correlationId },
    };
  }
  const message = error instanceof AppError ? error.message : 'Klientdesk could not read the claims for this client.';
  return { orgNumber, name, outcome: 'error', claims: [], totals: null, error: { code, message, correlationId } };
}

/**
 * A failure that is not about the client (no signing key, Maskinporten refusing the grant, the environment
 * switching, a token Skatteetaten keeps rejecting) would repeat for every client; the whole fetch stops on it.
 */
export function isFailureForEveryClient(error: unknown): boolean {
  if (!(error instanceof AppError)) return true;
  if (!isServiceError(error)) return true;
  return error.service !== 'skatteetaten' || error.code === 'KB-004';
}
