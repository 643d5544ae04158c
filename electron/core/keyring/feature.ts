import type { Feature, FeatureContext } from '../app/feature';

export function keyringFeature(_ctx: FeatureContext): Feature {
  return { handlers: {} };
}
