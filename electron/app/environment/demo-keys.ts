// A demo world verifies grants only against keys uploaded to it, as Maskinporten does; the app uploads its
// public keys through the world's admin API, as a vendor uploads them to Maskinporten.
import { AppError } from '../../../shared/errors';
import type { EnvironmentConfig } from '../../platform/environments';
import type { KeyVault, PublicJwk } from '../../platform/keys/key-vault';
import type { ConnectedWorld } from '../../services/world/connected-world';

/** Uploads every live public key of the environment, making a first one if the vault has none. */
export async function publishKeys(vault: KeyVault, world: ConnectedWorld, config: EnvironmentConfig): Promise<void> {
  // A locked vault cannot make a key; the public keys it has are uploaded now, a first key once unlocked.
  if (vault.isUnlocked && !vault.list(config.id).some((k) => k.status === 'active')) await vault.generate({ environment: config.id });
  for (const key of vault.list(config.id).filter((k) => k.status !== 'retired')) {
    await world.admin.registerJwk(config.settings.maskinportenClientId, key.publicJwk);
  }
}

/** Uploads one new public key before the vault keeps it, so a key the world refuses is never saved. */
export async function registerKey(world: ConnectedWorld, config: EnvironmentConfig, jwk: PublicJwk): Promise<void> {
  try {
    await world.admin.registerJwk(config.settings.maskinportenClientId, jwk);
  } catch (error) {
    throw new AppError(
      'KEY_REGISTRATION_FAILED',
      `Maskinporten did not accept the key: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
