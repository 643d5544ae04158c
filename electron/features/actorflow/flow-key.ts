// The key SmartRegnskap signs its grants with. The app's own key from the key vault is preferred; in the demo
// world, where the vault may have none yet, the flow makes one in memory. Either way the private half is a
// non-extractable handle: it can sign, and nothing can print it.
import { randomBytes } from 'node:crypto';
import { calculateJwkThumbprint, exportJWK, generateKeyPair } from 'jose';
import type { EnvironmentId } from '../../../shared/contract/define';
import { AppError } from '../../../shared/errors';
import type { PublicJwk } from '../../platform/keys/key-vault';
import type { GrantSigningKey } from '../../services/maskinporten/grant';
import type { DemoWorldLike } from './world';

export interface FlowKey {
  signing: GrantSigningKey;
  publicJwk: PublicJwk;
  source: 'vault' | 'flow';
}

/** What the flow needs of the key vault: a signing handle and its public half. */
export interface KeyVaultLike {
  signingKey(environment: string): GrantSigningKey;
  publicJwk(kid: string): PublicJwk;
}

export class FlowKeys {
  private generated: Promise<FlowKey> | null = null;
  // A world forgets nothing on reset (keys belong to the setup), so each key is registered once per world.
  private readonly registered = new WeakMap<DemoWorldLike, Set<string>>();

  constructor(private readonly vault: () => Promise<KeyVaultLike | null>) {}

  async forEnvironment(environment: EnvironmentId): Promise<FlowKey> {
    const fromVault = await this.fromVault(environment);
    if (fromVault) return fromVault;
    if (environment !== 'demo') {
      throw new AppError(
        'NO_SIGNING_KEY',
        `There is no active signing key for the ${environment} environment. Add one under Keys and upload it to Maskinporten.`,
        undefined,
        { environment },
      );
    }
    this.generated ??= generateFlowKey();
    return this.generated;
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

async function generateFlowKey(): Promise<FlowKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: false });
  const jwk = await exportJWK(publicKey);
  // Maskinporten wants kids unique across all its customers: namespaced and random.
  const kid = `klientdesk-actorflow-${randomBytes(6).toString('hex')}`;
  return {
    signing: { kid, key: privateKey },
    publicJwk: { kty: 'RSA', n: jwk.n!, e: jwk.e!, kid, alg: 'RS256', use: 'sig' },
    source: 'flow',
  };
}

export const jwkThumbprint = (jwk: PublicJwk): Promise<string> => calculateJwkThumbprint({ kty: jwk.kty, n: jwk.n, e: jwk.e });
