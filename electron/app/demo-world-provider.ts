// Which demo world the Demo environment connects to, asked each time Demo becomes active, so a changed
// "Demo world address" applies on the next switch.
import { AppError } from '../../shared/errors';
import type { SettingsStore } from '../platform/settings/settings-store';
import { standaloneWorld, type WorldConnection, type WorldProvider } from '../services/world/connection';

export interface DemoWorldChoice {
  /** The shell's `--world URL`: wins over the address saved in Settings. */
  standalone?: WorldConnection;
  /** A world the shell starts in-process on demand: used when neither of the others is given. */
  embedded?: WorldProvider;
}

export function demoWorldProvider(settings: SettingsStore, choice: DemoWorldChoice = {}): WorldProvider {
  return {
    acquire: () => {
      const saved = settings.get().demoWorld;
      const chosen =
        (choice.standalone && standaloneWorld(choice.standalone)) ??
        (saved.address ? standaloneWorld({ adminUrl: saved.address, adminSecret: settings.demoWorldSecret() }) : undefined) ??
        choice.embedded;
      if (!chosen) {
        throw new AppError(
          'NO_DEMO_WORLD',
          'No demo world to connect to: start one with `npm run demo-world` and give its admin address under Settings → Demo world address.',
        );
      }
      return chosen.acquire();
    },
  };
}
