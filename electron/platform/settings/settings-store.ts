// User settings, kept as one JSON document in the settings table and always read back through the schema.
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { settingsSchema, type EnvironmentConfig, type Settings, type settingsPatchSchema } from '../../../shared/contract/app';
import type { EnvironmentId } from '../../../shared/contract/define';

const KEY = 'settings';

const blankEnvironment = (id: EnvironmentId): EnvironmentConfig => ({
  id,
  firmOrgNumber: '',
  maskinportenClientId: '',
  kid: '',
  scopes: ['skatteetaten:kravogbetalinger'],
  systemId: '',
  idportenClientId: '',
  unattended: { enabled: false, externalRef: '' },
});

export function defaultSettings(): Settings {
  return {
    language: 'nb',
    theme: 'system',
    environment: 'demo',
    environments: { demo: blankEnvironment('demo'), test: blankEnvironment('test'), production: blankEnvironment('production') },
    runner: { concurrency: 5 },
    demoWorld: { address: '', secretSet: false },
    proposals: { rules: [], groups: [] },
  };
}

export type SettingsPatch = z.output<typeof settingsPatchSchema>;

export interface SettingsStore {
  get(): Settings;
  update(patch: SettingsPatch): Settings;
  /** The standalone demo world's admin secret; kept beside the settings, never returned by get(). */
  demoWorldSecret(): string;
}

const SECRET_KEY = 'demoWorldSecret';

export function createSettingsStore(db: Database): SettingsStore {
  const read = db.prepare<[string], { value: string }>('SELECT value FROM settings WHERE key = ?');
  const write = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value');

  const get = (): Settings => {
    const row = read.get(KEY);
    if (!row) return defaultSettings();
    // A settings row from an older or hand-edited file falls back field by field instead of failing start-up.
    const parsed = settingsSchema.safeParse({ ...defaultSettings(), ...(JSON.parse(row.value) as object) });
    return parsed.success ? parsed.data : defaultSettings();
  };

  return {
    get,
    update(patch) {
      const current = get();
      const next: Settings = {
        ...current,
        ...(patch.language ? { language: patch.language } : {}),
        ...(patch.theme ? { theme: patch.theme } : {}),
        ...(patch.environment ? { environment: patch.environment } : {}),
        ...(patch.runner ? { runner: patch.runner } : {}),
        // Groups left out of a patch are kept: a rule edit does not clear them.
        ...(patch.proposals
          ? { proposals: { rules: patch.proposals.rules, groups: patch.proposals.groups ?? current.proposals.groups } }
          : {}),
      };
      if (patch.environmentConfig) {
        const { id, ...rest } = patch.environmentConfig;
        next.environments = { ...next.environments, [id]: { ...next.environments[id], ...rest } };
      }
      if (patch.demoWorld) {
        const address = patch.demoWorld.address.trim();
        if (patch.demoWorld.secret !== undefined || address === '') write.run(SECRET_KEY, address === '' ? '' : patch.demoWorld.secret!);
        next.demoWorld = { address, secretSet: address !== '' && (read.get(SECRET_KEY)?.value ?? '') !== '' };
      }
      const checked = settingsSchema.parse(next);
      write.run(KEY, JSON.stringify(checked));
      return checked;
    },
    demoWorldSecret: () => read.get(SECRET_KEY)?.value ?? '',
  };
}
