// Which scopes the client administrator's Altinn token carries, and the plain error when one is missing. A
// missing scope makes Altinn answer with the same empty 403 as a missing role, so the app looks at the token
// (its `scope` claim) before it reads an empty 403 as "not client administrator".
import { LocalCodes, ServiceError } from '../../platform/errors';

export function missingScopeError(scopes: readonly string[], init: { status?: number; correlationId?: string } = {}): ServiceError {
  const names = scopes.join(', ');
  return new ServiceError({
    service: 'altinn',
    code: LocalCodes.MissingScope,
    status: init.status,
    correlationId: init.correlationId,
    message:
      `The sign-in did not grant ${scopes.length === 1 ? 'the scope' : 'the scopes'} ${names}, which Klientdesk needs here. ` +
      'This is about the ID-porten client’s registration or the consent given at login, not about your rights in Altinn: ' +
      'make sure the ID-porten client is registered for it, then sign in again.',
    remoteMessage: `missing scope: ${names}`,
    params: { scopes: names },
  });
}

/** Throws MISSING_SCOPE naming every needed scope the token lacks; a token that does not list its scopes passes. */
export function requireScopes(granted: readonly string[] | undefined, needed: readonly string[]): void {
  if (!granted) return;
  const missing = needed.filter((s) => !granted.includes(s));
  if (missing.length > 0) throw missingScopeError(missing);
}
