// "Run as the firm's client-administration system user": the check behind the settings section. The grant is
// signed with the vault's key for this environment, as every Maskinporten grant of the app is.
import { AppError } from '../../../shared/errors';
import type { Feature, FeatureContext } from '../../app/feature';
import { openSystemUserAltinn } from './system-user-altinn';

/** The externalRef in force: the firm's own setting, else (Demo) the one the world says its seeded system user has. */
export function unattendedExternalRef(ctx: Pick<FeatureContext, 'settings' | 'environment' | 'demoWorld'>): string {
  const own = ctx.settings.get().environments[ctx.environment()].unattended.externalRef;
  return own || (ctx.demoWorld()?.info.systemUsers.suK?.externalRef ?? '');
}

export function unattendedFeature(ctx: FeatureContext): Feature {
  return {
    handlers: {
      'unattended.check': async () => {
        const externalRef = unattendedExternalRef(ctx);
        if (!externalRef) {
          throw new AppError('UNATTENDED_EXTERNAL_REF', 'Give the client-administration system user’s externalRef first.', undefined, {
            environment: ctx.environment(),
          });
        }
        const altinn = await openSystemUserAltinn(ctx.environmentServices(), externalRef);
        const agents = await altinn.listAgentSystemUsers();
        return { systemUserId: altinn.systemUserId(), firmOrgNumber: altinn.firm.orgNumber, externalRef, agentSystemUsers: agents.length };
      },
    },
  };
}
