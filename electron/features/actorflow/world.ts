// The slice of a demo world the actor flow uses: its description, reset, key upload and traffic log. Defined
// with the world's admin client in core/world, so the flow never depends on the world's own code.
export type { DemoWorldLike, TrafficEntry } from '../../services/world/connected-world';
export type { WorldInfo as WorldInfoLike } from '../../services/world/world-info';
