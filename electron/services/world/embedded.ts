// A world the shell starts in this process when Demo becomes active, and stops when it is left. Core never
// imports the world's code: the shell hands over the function that starts it, and core keeps only the admin
// address and secret, exactly what it would get from a standalone world.
import type { WorldProvider } from './connection';

/** What a started world must offer: its admin address, its admin secret, and a way to stop it. */
export interface StartedWorld {
  urls: { admin: string };
  adminSecret: string;
  close(): Promise<void>;
}

/** `onChange` sees the running world (or null once stopped): tests and benchmarks reach its in-process admin. */
export function embeddedWorld<W extends StartedWorld>(start: () => Promise<W>, onChange?: (world: W | null) => void): WorldProvider {
  return {
    async acquire() {
      const world = await start();
      onChange?.(world);
      return {
        connection: { adminUrl: world.urls.admin, adminSecret: world.adminSecret },
        release: async () => {
          onChange?.(null);
          await world.close();
        },
      };
    },
  };
}
