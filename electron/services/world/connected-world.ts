// A demo world the app is connected to, seen through its admin API: its description, key upload, reset and
// traffic log. The actor flow and the headless flow use this; the services only ever see the endpoints.
import type { PublicJwk } from '../../platform/keys/key-vault';
import type { WorldConnection } from './connection';
import { WorldAdminClient, type TrafficEntry } from './world-admin';
import type { WorldInfo } from './world-info';

export type { TrafficEntry };

/** What the actor flow may do with a world. An in-process world object fits too (its calls are synchronous). */
export interface DemoWorldLike {
  urls: WorldInfo['urls'];
  info: WorldInfo;
  admin: {
    reset(preset?: 'start' | 'ready'): Promise<void>;
    registerJwk(clientId: string, jwk: PublicJwk): void | Promise<void>;
  };
  traffic: { list(sinceId?: number): TrafficEntry[] | Promise<TrafficEntry[]> };
}

export class ConnectedWorld implements DemoWorldLike {
  private constructor(
    private readonly client: WorldAdminClient,
    private current: WorldInfo,
  ) {}

  static async connect(connection: WorldConnection, fetchImpl?: typeof fetch): Promise<ConnectedWorld> {
    const client = new WorldAdminClient(connection, fetchImpl);
    return new ConnectedWorld(client, await client.info());
  }

  get info(): WorldInfo {
    return this.current;
  }
  get urls(): WorldInfo['urls'] {
    return this.current.urls;
  }
  get adminUrl(): string {
    return this.client.adminUrl;
  }

  readonly admin = {
    reset: async (preset?: 'start' | 'ready'): Promise<void> => {
      await this.client.reset(preset);
      this.current = await this.client.info();
    },
    registerJwk: (clientId: string, jwk: PublicJwk): Promise<void> => this.client.registerJwk(clientId, jwk),
  };

  readonly traffic = { list: (sinceId?: number): Promise<TrafficEntry[]> => this.client.traffic(sinceId) };
}
