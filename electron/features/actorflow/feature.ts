// Wires the actor flow into the app: the running demo world, the key vault and, for Test, the environment's
// configuration all come from the FeatureContext.
import type { Feature, FeatureContext } from '../../app/feature';
import type { EnvironmentConfig } from '../../platform/environments';
import { createActorFlow, type ActorFlow } from './engine';

export function actorflowFeature(ctx: FeatureContext, flow: ActorFlow = createActorFlowFor(ctx)): Feature {
  return {
    handlers: {
      'actorflow.steps': () => flow.overview(),
      'actorflow.run': ({ stepId, clientOrgNumber }) => flow.run(stepId, clientOrgNumber),
      'actorflow.failure': ({ caseId }) => flow.failure(caseId),
      'actorflow.reset': (input) => flow.reset(input?.preset),
      'actorflow.exportTraffic': () => flow.exportTraffic(),
    },
  };
}

function createActorFlowFor(ctx: FeatureContext): ActorFlow {
  return createActorFlow({
    environment: () => ctx.environment(),
    world: () => ctx.demoWorld(),
    environmentConfig: () => currentConfig(ctx),
    keyVault: () => ctx.keyVault(),
    audit: (record) => ctx.audit(record),
    openExternal: ctx.openExternal,
  });
}

/** Test's endpoints and settings as the app is connected to them; null while it is still connecting. */
function currentConfig(ctx: FeatureContext): EnvironmentConfig | null {
  try {
    return ctx.environment() === 'test' ? ctx.environmentServices().config : null;
  } catch {
    return null;
  }
}
