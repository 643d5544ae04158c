// The key SmartRegnskap signs its grants with: always the app's own key from the key vault, in every
// environment alike (a demo world gets the vault's public keys uploaded as Maskinporten would). The private
// half stays a non-extractable handle inside the vault: it can sign, and nothing can print it.
import { calculateJwkThumbprint } from 'jose';
import type { EnvironmentId } from '../../../shared/contract/define';
import { AppError } from '../../../shared/errors';
import type { PublicJwk } from '../../platform/keys/key-vault';
import type { GrantSigningKey } from '../../platform/keys/key-types';
import type { DemoWorldLike } from './world';

export interface FlowKey {
  signing: GrantSigningKey;
  publicJwk: PublicJwk;
  source: 'vault';
}

/** What the flow needs of the key vault: a signing handle and its public half. */
export interface KeyVaultLike {
  signingKey(environment: string): GrantSigningKey;
  publicJwk(kid: string): PublicJwk;
}

export class FlowKeys {
  // A world forgets nothing on reset (keys belong to the setup), so each key is registered once per world.
  private readonly registered = new WeakMap<DemoWorldLike, Set<string>>();

  constructor(private readonly vault: () => Promise<KeyVaultLike | null>) {}

  async forEnvironment(environment: EnvironmentId): Promise<FlowKey> {
    const fromVault = await this.fromVault(environment);
    if (fromVault) return fromVault;
    throw new AppError(
      'NO_SIGNING_KEY',
      `There is no active signing key for the ${environment} environment. Add one under Keys and upload it to Maskinporten.`,
      undefined,
      { environment },
    );
  }

  /** Uploads the public key to the world's Maskinporten (its admin API stands in for Samarbeidsportalen). */
  async register(world: DemoWorldLike, clientId: string, key: FlowKey): Promise<void> {
    await world.admin.registerJwk(clientId, { ...key.publicJwk });
    const kids = this.registered.get(world) ?? new Set<string>();
    kids.add(key.publicJwk.kid);
    this.registered.set(world, kids);
  }

  /** Registers the key unless this world already has it, so steps can be run out of order. */
  async ensureRegistered(world: DemoWorldLike, clientId: string, key: FlowKey): Promise<void> {
    if (!this.registered.get(world)?.has(key.publicJwk.kid)) await this.register(world, clientId, key);
  }

  private async fromVault(environment: EnvironmentId): Promise<FlowKey | null> {
    const vault = await this.vault();
    if (!vault) return null;
    try {
      const signing = vault.signingKey(environment);
      return { signing, publicJwk: vault.publicJwk(signing.kid), source: 'vault' };
    } catch (e) {
      if (e instanceof AppError && e.code === 'NO_SIGNING_KEY') return null;
      throw e;
    }
  }
}

export const jwkThumbprint = (jwk: PublicJwk): Promise<string> => calculateJwkThumbprint({ kty: jwk.kty, n: jwk.n, e: jwk.e });
