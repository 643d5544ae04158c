// The slice of the demo world the actor flow uses. Kept narrow so the flow can be driven by a fake in unit
// tests and so it is obvious which admin powers the view relies on.
import type { DemoWorld, DemoWorldInfo, TrafficEntry } from '../../demo/types';

export type WorldInfoLike = Pick<
  DemoWorldInfo,
  'preset' | 'maskinporten' | 'skatteetaten' | 'vendor' | 'firm' | 'requests' | 'systemUsers' | 'persons' | 'clients'
>;

export interface DemoWorldLike {
  urls: DemoWorld['urls'];
  info: WorldInfoLike;
  admin: Pick<DemoWorld['admin'], 'reset' | 'registerJwk'>;
  traffic: { list(sinceId?: number): TrafficEntry[] };
}

export type { TrafficEntry };
