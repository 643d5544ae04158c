// Signing in: ID-porten (a world's login page filled in with the chosen test person, or the system browser
// with a loopback redirect), the token's scopes, the client-admin check and the firm's party UUID.
import type { Session } from '../../../shared/contract/app';
import type { EnvironmentId } from '../../../shared/contract/define';
import { formatOrgNumber } from '../../../shared/domain/orgnr';
import { AppError } from '../../../shared/errors';
import { requireScopes } from '../../services/altinn/scopes';
import { ALTINN_END_USER_SCOPES } from '../../platform/environments';
import type { EnvironmentServices } from '../../services/environment-services';
import type { DemoPerson } from '../ports';
import { agentsIfClientAdmin, firmPartyUuid } from './client-admin';

export interface SignedIn {
  session: Session;
  /** The firm's party UUID as Altinn told it (agents' `partyUuId`, else `authorizedparties`). */
  firmPartyUuid: string | null;
}

/** What the client administrator's work needs of the login; checked before an empty 403 is read as a role. */
const CLIENT_DELEGATION_SCOPES = [ALTINN_END_USER_SCOPES.clientDelegationsRead, ALTINN_END_USER_SCOPES.clientDelegationsWrite];

/** One login at a time through the system browser; a new one, or a cancel, stops the one waiting. */
export class PendingLogin {
  #current: AbortController | null = null;

  async run<T>(login: (signal: AbortSignal) => Promise<T>): Promise<T> {
    this.#current?.abort();
    const pending = new AbortController();
    this.#current = pending;
    try {
      return await login(pending.signal);
    } finally {
      if (this.#current === pending) this.#current = null;
    }
  }

  cancel(): void {
    this.#current?.abort();
    this.#current = null;
  }
}

export interface SignInRequest {
  services: EnvironmentServices;
  environment: EnvironmentId;
  persons: readonly DemoPerson[];
  pid?: string;
  pending: PendingLogin;
  now(): Date;
}

export async function signIn({ services, environment, persons, pid, pending, now }: SignInRequest): Promise<SignedIn> {
  const firmOrgNumber = services.config.settings.firmOrgNumber;
  let name: string;
  if (persons.length > 0) {
    // This ID-porten's login page offers test persons; the app fills in the one chosen on its own screen.
    if (!pid) throw new AppError('CHOOSE_PERSON', 'Choose which test person to sign in as.');
    const person = persons.find((p) => p.pid === pid);
    if (!person) throw new AppError('UNKNOWN_PERSON', 'That person is not among the test persons of this environment.');
    await services.loginDemo(pid);
    name = person.name;
  } else {
    const user = await pending.run((signal) => services.login(signal));
    name = user.pid ? `${user.pid.slice(0, 6)}*****` : 'ID-porten user';
  }
  const user = services.session.user;
  // An empty 403 cannot tell a missing scope from a missing role, so the token's own scopes are checked first.
  requireScopes(user?.scopes, CLIENT_DELEGATION_SCOPES);
  const agents = await agentsIfClientAdmin(services, firmOrgNumber);
  const session: Session = {
    person: { name, pid: user?.pid ?? pid ?? '' },
    firm: { orgNumber: firmOrgNumber, name: services.config.settings.firmName ?? formatOrgNumber(firmOrgNumber) },
    environment,
    isClientAdmin: agents !== null,
    signedInAt: now().toISOString(),
    expiresAt: user?.expiresAt ? new Date(user.expiresAt * 1000).toISOString() : null,
  };
  return { session, firmPartyUuid: agents ? await firmPartyUuid(services, firmOrgNumber, agents) : null };
}
