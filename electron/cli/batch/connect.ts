// The batch CLI's way into an environment, with nobody signed in: the environment's endpoints (a demo world
// describes them, Test and Production come from Settings), the key vault opened with the administrator's
// passphrase, and the firm's client-administration system user as the one who acts.
import { join } from 'node:path';
import type { EnvironmentId } from '../../../shared/contract/define';
import { AppError } from '../../../shared/errors';
import { buildEnvironment, settingsProblems, type EnvironmentConfig } from '../../platform/environments';
import { fallbackProtector } from '../../platform/keys/fallback-protector';
import { KeyVault } from '../../platform/keys/key-vault';
import type { SettingsStore } from '../../platform/settings/settings-store';
import { openEnvironment, type EnvironmentServices } from '../../services/environment-services';
import { standaloneWorld, type WorldConnection, type WorldLease, type WorldProvider } from '../../services/world/connection';
import { ConnectedWorld } from '../../services/world/connected-world';
import { environmentFromWorld } from '../../services/world/world-environment';
import { openSystemUserAltinn, type UnattendedAltinn } from '../../features/unattended/system-user-altinn';

export interface UnattendedConnection {
  services: EnvironmentServices;
  altinn: UnattendedAltinn;
  externalRef: string;
  close(): Promise<void>;
}

export interface ConnectOptions {
  environment: EnvironmentId;
  dataDir: string;
  settings: SettingsStore;
  env: NodeJS.ProcessEnv;
  /** `--world URL`: wins over the address saved in Settings, which wins over `embedded`. */
  standalone?: WorldConnection;
  embedded?: WorldProvider;
}

export async function connectUnattended(o: ConnectOptions): Promise<UnattendedConnection> {
  const saved = o.settings.get();
  const setting = saved.environments[o.environment].unattended;
  if (!setting.enabled) {
    throw new AppError(
      'UNATTENDED_OFF',
      `Unattended runs are off for ${o.environment}: turn on "Run as the firm's client-administration system user" under Settings first.`,
      undefined,
      { environment: o.environment },
    );
  }
  const cleanups: (() => Promise<void>)[] = [];
  const close = async () => {
    for (const c of cleanups.reverse()) await c().catch(() => undefined);
  };
  try {
    let lease: WorldLease | null = null;
    let world: ConnectedWorld | null = null;
    let config: EnvironmentConfig;
    if (o.environment === 'demo') {
      const provider =
        (o.standalone && standaloneWorld(o.standalone)) ??
        (saved.demoWorld.address
          ? standaloneWorld({ adminUrl: saved.demoWorld.address, adminSecret: o.settings.demoWorldSecret() })
          : undefined) ??
        o.embedded;
      if (!provider) throw new AppError('NO_DEMO_WORLD', 'No demo world: pass --world <admin address> for a standalone one.');
      lease = await provider.acquire();
      cleanups.push(() => lease!.release());
      world = await ConnectedWorld.connect(lease.connection);
      config = environmentFromWorld('demo', world.info);
    } else {
      const e = saved.environments[o.environment];
      config = buildEnvironment(o.environment, {
        firmOrgNumber: e.firmOrgNumber,
        maskinportenClientId: e.maskinportenClientId,
        ...(e.kid ? { kid: e.kid } : {}),
        idportenClientId: e.idportenClientId,
        systemId: e.systemId,
      });
      const problems = settingsProblems(config.settings);
      if (problems.length > 0) {
        throw new AppError('UNATTENDED_SETTINGS_INCOMPLETE', problems.map((p) => p.message).join(' '), undefined, {
          environment: o.environment,
        });
      }
    }
    // In Demo the world names the seeded system user's externalRef, as it names the vendor's ids.
    const externalRef = setting.externalRef || (world?.info.systemUsers.suK?.externalRef ?? '');
    if (!externalRef) {
      throw new AppError(
        'UNATTENDED_EXTERNAL_REF',
        `Give the client-administration system user's externalRef under Settings (${o.environment}).`,
      );
    }

    const vault = await KeyVault.open({ file: join(o.dataDir, 'keys.json'), protector: fallbackProtector(o.dataDir, o.env) });
    if (!vault.isUnlocked) {
      throw new AppError(
        'KEY_VAULT_LOCKED',
        'The signing keys are locked: set KLIENTDESK_KEY_PASSPHRASE or KLIENTDESK_KEY_PASSPHRASE_FILE.',
      );
    }
    if (world) {
      // A demo world verifies grants only against uploaded keys, as Maskinporten does; the app uploads them the same way.
      if (!vault.list(config.id).some((k) => k.status === 'active')) await vault.generate({ environment: config.id });
      for (const key of vault.list(config.id).filter((k) => k.status !== 'retired')) {
        await world.admin.registerJwk(config.settings.maskinportenClientId, key.publicJwk);
      }
    }
    const services = openEnvironment(config, { vault });
    cleanups.push(async () => services.dispose());
    const altinn = await openSystemUserAltinn(services, externalRef);
    return { services, altinn, externalRef, close };
  } catch (error) {
    await close();
    throw error;
  }
}
