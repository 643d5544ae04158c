// Where an environment's endpoints and ids come from: a demo world describes them itself over its admin API;
// Test and Production take them from Settings and the published addresses. After this, everything is the same.
import type { EnvironmentId } from '../../../shared/contract/define';
import { buildEnvironment, type EnvironmentConfig, type EnvironmentEndpoints } from '../../platform/environments';
import type { SettingsStore } from '../../platform/settings/settings-store';
import type { WorldLease, WorldProvider } from '../../services/world/connection';
import { ConnectedWorld } from '../../services/world/connected-world';
import { environmentFromWorld, testPersons } from '../../services/world/world-environment';
import type { DemoPerson } from '../ports';

export interface ConnectedEnvironment {
  config: EnvironmentConfig;
  /** The demo world behind the environment, seen through its admin API; null where there is none. */
  world: ConnectedWorld | null;
  /** Held while the environment is in use; released on the way out (stops a world started for it). */
  lease: WorldLease | null;
  /** The test persons a world's ID-porten offers; none elsewhere. */
  persons: DemoPerson[];
}

export interface ConnectOptions {
  settings: SettingsStore;
  /** Where the world comes from, for an environment a demo world describes. */
  world?: WorldProvider;
  endpointOverrides?: Partial<EnvironmentEndpoints>;
}

export async function connectEnvironment(environment: EnvironmentId, options: ConnectOptions): Promise<ConnectedEnvironment> {
  if (!options.world) return { config: configuredEnvironment(environment, options), world: null, lease: null, persons: [] };
  const lease = await options.world.acquire();
  let world: ConnectedWorld;
  try {
    world = await ConnectedWorld.connect(lease.connection);
  } catch (error) {
    await lease.release();
    throw error;
  }
  try {
    return { config: environmentFromWorld(environment, world.info), world, lease, persons: testPersons(world.info) };
  } catch (error) {
    await lease.release();
    throw error;
  }
}

function configuredEnvironment(environment: EnvironmentId, options: ConnectOptions): EnvironmentConfig {
  const saved = options.settings.get().environments[environment];
  return buildEnvironment(
    environment,
    {
      firmOrgNumber: saved.firmOrgNumber,
      maskinportenClientId: saved.maskinportenClientId,
      ...(saved.kid ? { kid: saved.kid } : {}),
      idportenClientId: saved.idportenClientId,
      systemId: saved.systemId,
    },
    { endpointOverrides: options.endpointOverrides },
  );
}
