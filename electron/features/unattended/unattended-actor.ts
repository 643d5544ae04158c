// Who acts for the batch runner when nobody is signed in: the firm's client-administration system user, when the
// firm has turned that on for the environment. Opening it takes a Maskinporten token and a party look-up, so it
// is opened in the background on first need and the runner is woken once it can act; a failure is retried after
// a pause rather than on every poll.
import type { EnvironmentId } from '../../../shared/contract/define';
import type { EndUserAltinn } from '../../app/ports';
import type { ClientAdministrationApi } from '../../services/altinn/client-administration';
import type { EnvironmentServices } from '../../services/environment-services';
import { openSystemUserAltinn, type UnattendedAltinn } from './system-user-altinn';

const RETRY_AFTER_MS = 60_000;

export interface UnattendedActorDeps {
  enabled(): boolean;
  externalRef(): string;
  environment(): EnvironmentId;
  /** The environment's services; throws while it is not connected. */
  services(): EnvironmentServices;
  now(): Date;
  /** Called once the system user can act, so the runner looks again at once. */
  onReady(): void;
  open?: typeof openSystemUserAltinn;
}

export interface UnattendedActor {
  /** The system user's Altinn when it may act now; null while it is off, not configured or still opening. */
  current(): UnattendedAltinn | null;
}

export function createUnattendedActor(deps: UnattendedActorDeps): UnattendedActor {
  const open = deps.open ?? openSystemUserAltinn;
  let opened: { key: string; altinn: UnattendedAltinn } | null = null;
  let opening: string | null = null;
  let failed: { key: string; at: number } | null = null;

  return {
    current() {
      if (!deps.enabled()) return null;
      const externalRef = deps.externalRef();
      if (!externalRef) return null;
      let services: EnvironmentServices;
      try {
        services = deps.services();
      } catch {
        return null;
      }
      // A new environment, address or system user is a new actor: nothing carries over.
      const key = `${deps.environment()}\n${services.config.endpoints.altinnPlatform}\n${externalRef}`;
      if (opened?.key === key) return opened.altinn;
      const now = deps.now().getTime();
      if (opening === key || (failed?.key === key && now - failed.at < RETRY_AFTER_MS)) return null;
      opening = key;
      open(services, externalRef).then(
        (altinn) => {
          if (opening !== key) return;
          opening = null;
          failed = null;
          opened = { key, altinn };
          deps.onReady();
        },
        (error: unknown) => {
          if (opening !== key) return;
          opening = null;
          failed = { key, at: deps.now().getTime() };
          console.error(
            '[unattended] the client-administration system user could not act:',
            error instanceof Error ? error.message : error,
          );
        },
      );
      return null;
    },
  };
}

/**
 * The actor as the batch runner uses it: employee targets go to Access Management with the system user's own
 * token, like everything else it sends, so a rule that routes to employees can run unattended too.
 */
export function routedAlone(
  actor: UnattendedActor,
  route: (altinn: EndUserAltinn, clientAdministration: () => ClientAdministrationApi) => EndUserAltinn,
): { current(): (EndUserAltinn & { systemUserId(): string | null }) | null } {
  return {
    current() {
      const altinn = actor.current();
      if (!altinn) return null;
      return { ...route(altinn, () => altinn.clientAdministration), systemUserId: () => altinn.systemUserId() };
    },
  };
}
