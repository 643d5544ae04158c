// Wires the actor flow into the app: the running demo world, the key vault and, for Test, the environment's
// configuration all arrive as the engine's own narrow deps (ActorFlowDeps).
import type { ChannelsOf, Feature, HandlersOf } from '../../app/feature';
import { createActorFlow, type ActorFlow, type ActorFlowDeps } from './engine';

export type ActorFlowChannel = ChannelsOf<'actorflow.'>;

export function actorflowFeature(deps: ActorFlowDeps, flow: ActorFlow = createActorFlow(deps)): Feature<ActorFlowChannel> {
  const handlers = {
    'actorflow.steps': () => flow.overview(),
    'actorflow.run': ({ stepId, clientOrgNumber }) => flow.run(stepId, clientOrgNumber),
    'actorflow.failure': ({ caseId }) => flow.failure(caseId),
    'actorflow.reset': (input) => flow.reset(input?.preset),
    'actorflow.exportTraffic': () => flow.exportTraffic(),
  } satisfies HandlersOf<ActorFlowChannel>;
  return { handlers };
}
