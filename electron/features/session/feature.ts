// session.*: who is signed in, the test persons an environment offers, signing in and out; each sign-in and
// sign-out goes into the audit trail.
import type { ChannelsOf, Feature, HandlersOf } from '../../app/feature';
import type { AuditPort, SessionPort } from '../../app/ports';

export type SessionChannel = ChannelsOf<'session.'>;

export interface SessionDeps {
  session: SessionPort;
  audit: AuditPort;
}

export function sessionFeature({ session, audit }: SessionDeps): Feature<SessionChannel> {
  const handlers = {
    'session.demoPersons': () => session.demoPersons(),
    'session.current': () => session.current(),
    'session.signIn': async ({ pid }) => {
      const signedIn = await session.signIn(pid);
      audit({ action: 'sign_in', outcome: signedIn.isClientAdmin ? 'client_admin' : 'no_client_admin' });
      return signedIn;
    },
    'session.cancelSignIn': () => {
      session.cancelSignIn();
      return {};
    },
    'session.signOut': () => {
      if (session.current()) audit({ action: 'sign_out', outcome: 'done' });
      session.signOut();
      return {};
    },
  } satisfies HandlersOf<SessionChannel>;
  return { handlers };
}
