// settings.*: read and change the settings; a change of environment (or of the demo world behind the current
// one) switches the app over before the answer goes back.
import type { EnvironmentId } from '../../../shared/contract/define';
import type { ChannelsOf, Feature, HandlersOf } from '../../app/feature';
import type { SettingsStore } from '../../platform/settings/settings-store';
import { effectiveSettings, type LiveEnvironment } from './effective-settings';

export type SettingsChannel = ChannelsOf<'settings.'>;

export interface SettingsDeps {
  settings: SettingsStore;
  live(): LiveEnvironment | null;
  /** Tears the current environment down and connects to this one. */
  switchTo(environment: EnvironmentId): Promise<void>;
  /** Whether a demo world describes this environment, so a changed world address applies to it. */
  hasWorld(environment: EnvironmentId): boolean;
  /** The command line chose the demo world (`--world`), which wins over the saved address. */
  worldFromCommandLine: boolean;
  /** Throws unless the address answers as a demo world with this admin secret. */
  checkWorld(address: string, secret: string): Promise<void>;
  publishStatus(): void;
}

export function settingsFeature(deps: SettingsDeps): Feature<SettingsChannel> {
  const { settings } = deps;
  const shown = () => effectiveSettings(settings.get(), deps.live());
  const handlers = {
    'settings.get': () => shown(),
    'settings.update': async (patch) => {
      const before = settings.get().environment;
      // Refuse an address that does not answer as a demo world before anything is saved.
      if (patch.demoWorld?.address) await deps.checkWorld(patch.demoWorld.address, patch.demoWorld.secret ?? settings.demoWorldSecret());
      const next = settings.update(patch);
      const worldChanged = patch.demoWorld !== undefined && !deps.worldFromCommandLine;
      if (next.environment !== before || (worldChanged && deps.hasWorld(next.environment))) await deps.switchTo(next.environment);
      deps.publishStatus();
      return shown();
    },
  } satisfies HandlersOf<SettingsChannel>;
  return { handlers };
}
