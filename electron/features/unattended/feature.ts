// "Run as the firm's client-administration system user": the check behind the settings section. The grant is
// signed with the vault's key for this environment, as every Maskinporten grant of the app is.
import { AppError } from '../../../shared/errors';
import type { ChannelsOf, Feature } from '../../app/feature';
import type { EnvironmentPort } from '../../app/ports';
import type { SettingsStore } from '../../platform/settings/settings-store';
import type { EnvironmentServices } from '../../services/environment-services';
import type { WorldInfo } from '../../services/world/world-info';
import { openSystemUserAltinn } from './system-user-altinn';

export interface UnattendedDeps {
  settings: Pick<SettingsStore, 'get'>;
  environment: EnvironmentPort;
  /** The world the environment is connected to, if it is one: it names its seeded system user. */
  worldInfo(): WorldInfo | null;
  services(): EnvironmentServices;
}

/** The externalRef in force: the firm's own setting, else (a demo world) the one the world says its seeded system user has. */
export function unattendedExternalRef(ctx: Pick<UnattendedDeps, 'settings' | 'environment' | 'worldInfo'>): string {
  const own = ctx.settings.get().environments[ctx.environment()].unattended.externalRef;
  return own || (ctx.worldInfo()?.systemUsers.suK?.externalRef ?? '');
}

export function unattendedFeature(ctx: UnattendedDeps): Feature<ChannelsOf<'unattended.'>> {
  return {
    handlers: {
      'unattended.check': async () => {
        const externalRef = unattendedExternalRef(ctx);
        if (!externalRef) {
          throw new AppError('UNATTENDED_EXTERNAL_REF', 'Give the client-administration system user’s externalRef first.', undefined, {
            environment: ctx.environment(),
          });
        }
        const altinn = await openSystemUserAltinn(ctx.services(), externalRef);
        const agents = await altinn.listAgentSystemUsers();
        return { systemUserId: altinn.systemUserId(), firmOrgNumber: altinn.firm.orgNumber, externalRef, agentSystemUsers: agents.length };
      },
    },
  };
}
