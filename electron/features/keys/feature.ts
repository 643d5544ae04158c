// keys.*: the Maskinporten signing keys of the connected environment, on the key vault. Only public parts
// cross this boundary: every answer is built from the vault's public KeyInfo, and the contract's JWK schema
// is strict, so a private member would fail the output check rather than reach the renderer.
import type { EnvironmentId } from '../../../shared/contract/define';
import type { KeyInfo } from '../../../shared/contract/keys';
import { AppError } from '../../../shared/errors';
import type { ChannelsOf, Feature, HandlersOf } from '../../app/feature';
import type { KeyInfo as VaultKeyInfo, KeyStatus, KeyVault } from '../../platform/keys/key-vault';
import { readKeyMaterial } from './read-key-material';
import { auditDetail } from '../../../shared/domain/audit-details';

export type KeysChannel = ChannelsOf<'keys.'>;

export interface KeyringDeps {
  vault(): Promise<KeyVault>;
  environment(): EnvironmentId;
  /** Tells the demo world about new public keys, as uploading them to Maskinporten would. */
  keysChanged?(): Promise<void>;
  /** Registers a new public key (the demo world's upload) before the vault keeps it; throws when refused. */
  registerKey?(publicJwk: VaultKeyInfo['publicJwk']): void | Promise<void>;
  audit?(record: { action: string; outcome: string; detail?: string }): void;
}

export function keyringFeature(deps: KeyringDeps): Feature<KeysChannel> {
  return { handlers: createKeyringHandlers(deps) };
}

export function createKeyringHandlers(deps: KeyringDeps): HandlersOf<KeysChannel> {
  const listInfo = async (): Promise<KeyInfo[]> => {
    const vault = await deps.vault();
    const environment = deps.environment();
    const signingKid = currentSigningKid(vault, environment);
    return vault.list(environment).map((k) => toContract(k, environment, signingKid));
  };
  const infoOf = async (kid: string): Promise<KeyInfo> => {
    const found = (await listInfo()).find((k) => k.kid === kid);
    if (!found) throw new AppError('KEY_NOT_FOUND', `No key with kid "${kid}" in this environment.`, undefined, { kid });
    return found;
  };
  /** The first key of an environment signs at once; a later one must be uploaded before it may sign. */
  const statusForNewKey = async (): Promise<KeyStatus> => {
    const live = (await deps.vault()).list(deps.environment()).filter((k) => k.status === 'active');
    return live.length === 0 ? 'active' : 'pending';
  };
  const afterChange = async (action: string, kid: string): Promise<void> => {
    deps.audit?.({ action, outcome: 'done', detail: auditDetail('key', { kid }) });
    await deps.keysChanged?.();
  };
  /** Keys of another environment share the vault; they are invisible and untouchable from this one. */
  const ownKid = async (kid: string): Promise<void> => {
    await infoOf(kid);
  };

  const registerFirst = async (info: VaultKeyInfo): Promise<void> => deps.registerKey?.(info.publicJwk);

  const handlers = {
    'keys.lockState': async () => (await deps.vault()).state(),
    'keys.setPassphrase': async ({ passphrase }) => {
      const vault = await deps.vault();
      const migrating = vault.state().legacyKeys;
      const state = await vault.setPassphrase(passphrase);
      deps.audit?.({ action: 'key_passphrase_set', outcome: 'done', detail: migrating > 0 ? `resealed ${migrating}` : undefined });
      await deps.keysChanged?.();
      return state;
    },
    'keys.unlock': async ({ passphrase }) => {
      const vault = await deps.vault();
      try {
        await vault.unlock(passphrase);
      } catch (error) {
        deps.audit?.({ action: 'key_vault_unlock', outcome: 'refused' });
        throw error;
      }
      deps.audit?.({ action: 'key_vault_unlock', outcome: 'done' });
      await deps.keysChanged?.();
      return vault.state();
    },
    'keys.removeBadEntry': async ({ id }) => {
      const state = await (await deps.vault()).removeBadEntry(id);
      deps.audit?.({ action: 'key_bad_entry_removed', outcome: 'done', detail: id });
      return state;
    },
    'keys.list': () => listInfo(),
    'keys.generate': async ({ kid }) => {
      const vault = await deps.vault();
      const created = await vault.generate({
        environment: deps.environment(),
        kid,
        status: await statusForNewKey(),
        beforeSave: registerFirst,
      });
      await afterChange('key_generated', created.kid);
      return infoOf(created.kid);
    },
    'keys.import': async ({ kid, material }) => {
      const vault = await deps.vault();
      const read = readKeyMaterial(material);
      const options = { environment: deps.environment(), kid, status: await statusForNewKey(), beforeSave: registerFirst };
      const created = read.kind === 'pem' ? await vault.importPem(read.pem, options) : await vault.importJwk(read.jwk, options);
      await afterChange('key_imported', created.kid);
      return infoOf(created.kid);
    },
    'keys.setActive': async ({ kid, active }) => {
      await ownKid(kid);
      await (await deps.vault()).setStatus(kid, active ? 'active' : 'retired');
      await afterChange(active ? 'key_activated' : 'key_retired', kid);
      return infoOf(kid);
    },
    'keys.remove': async ({ kid }) => {
      await ownKid(kid);
      await (await deps.vault()).remove(kid);
      await afterChange('key_removed', kid);
      return {};
    },
  } satisfies HandlersOf<KeysChannel>;
  return handlers;
}

function currentSigningKid(vault: KeyVault, environment: EnvironmentId): string | null {
  try {
    return vault.signingKey(environment).kid;
  } catch {
    return null;
  }
}

/** Field by field, so nothing the vault may add later slips through by accident. */
function toContract(k: VaultKeyInfo, environment: EnvironmentId, signingKid: string | null): KeyInfo {
  const { kty, n, e, kid, alg, use } = k.publicJwk;
  return {
    kid: k.kid,
    environment,
    createdAt: k.createdAt,
    expiresAt: k.expiresAt,
    status: k.status,
    signing: k.kid === signingKid,
    publicJwk: { kty, n, e, kid, alg, use },
  };
}
