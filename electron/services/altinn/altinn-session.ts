// The logged-in client administrator's Altinn token. It lives in memory only and is forgotten on logout,
// on environment switch and when it expires.
import { LocalCodes, ServiceError } from '../../platform/errors';
import type { Clock } from '../../platform/http/clock';
import type { AltinnToken } from './token-exchange';

export interface AltinnUser {
  pid?: string;
  userId?: string;
  partyUuid?: string;
  expiresAt?: number;
  /** The scopes the Altinn token carries; undefined when it does not say. */
  scopes?: string[];
}

export class AltinnSession {
  private current: AltinnToken | undefined;

  constructor(private readonly clock: Clock) {}

  set(token: AltinnToken): void {
    this.current = token;
  }

  get user(): AltinnUser | undefined {
    if (!this.isLoggedIn) return undefined;
    const { pid, userId, partyUuid, expiresAt, scopes } = this.current!;
    return { pid, userId, partyUuid, expiresAt, scopes };
  }

  get isLoggedIn(): boolean {
    const t = this.current;
    return t !== undefined && (t.expiresAt === undefined || t.expiresAt * 1000 > this.clock.now());
  }

  /** The bearer token for Altinn end-user APIs, or a NOT_LOGGED_IN error. */
  token(): string {
    if (!this.isLoggedIn) {
      this.current = undefined;
      throw new ServiceError({
        service: 'altinn',
        code: LocalCodes.NotLoggedIn,
        message: 'Log in with ID-porten to manage client delegations.',
      });
    }
    return this.current!.token;
  }

  clear(): void {
    this.current = undefined;
  }
}
