// The host listens before the app behind it is assembled: the page and its scripts are served at once, and
// the browser fetches and runs them while the store opens, the demo world starts and the key vault unlocks.
// Every call and every event waits for the assembled app, so nothing is answered from a half-started one.
import type { AssembledApp } from '../app/assemble';
import type { EventBus } from '../app/event-bus';
import type { Dispatch } from '../platform/ipc/dispatch';

export interface Assembling {
  dispatch: Dispatch;
  bus: EventBus;
  /**
   * Why the app could not even begin (the folder's lock, the store), known before the host prints its address:
   * assembleApp takes the lock and opens the store before it first waits. Undefined otherwise.
   */
  failedEarly(): unknown;
}

export function whileAssembling(app: Promise<AssembledApp>): Assembling {
  let failure: unknown = undefined;
  // Noted here so a failure is never unhandled; the caller awaits `app` itself and reports it.
  app.catch((error: unknown) => (failure = error ?? new Error('the app failed to start')));
  const settled = app.catch(() => null);
  return {
    dispatch: async (channel, input, sender, ctx) => (await app).dispatch(channel, input, sender, ctx),
    bus: {
      emit: (name, payload) => void settled.then((a) => a?.core.bus.emit(name, payload)),
      subscribe(listener) {
        let stop: (() => void) | null = null;
        let stopped = false;
        void settled.then((a) => {
          if (a && !stopped) stop = a.core.bus.subscribe(listener);
        });
        return () => {
          stopped = true;
          stop?.();
        };
      },
    },
    failedEarly: () => failure,
  };
}
