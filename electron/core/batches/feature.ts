import type { Feature, FeatureContext } from '../app/feature';

export function batchesFeature(_ctx: FeatureContext): Feature {
  return { handlers: {} };
}
