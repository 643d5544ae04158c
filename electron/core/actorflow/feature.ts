import type { Feature, FeatureContext } from '../app/feature';

export function actorflowFeature(_ctx: FeatureContext): Feature {
  return { handlers: {} };
}
