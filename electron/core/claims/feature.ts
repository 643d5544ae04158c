import type { Feature, FeatureContext } from '../app/feature';

export function claimsFeature(_ctx: FeatureContext): Feature {
  return { handlers: {} };
}
