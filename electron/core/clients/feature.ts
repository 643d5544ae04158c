import type { Feature, FeatureContext } from '../app/feature';

export function clientsFeature(_ctx: FeatureContext): Feature {
  return { handlers: {} };
}
