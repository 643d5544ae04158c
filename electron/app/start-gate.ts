// What the app answers while it is still starting. The local store opens first and on its own; the first screen
// reads only it (the client list, the settings, the status). Everything else needs the environment (its world,
// its services, the unlocked key vault) or the features' own start (batches resumed), so it waits for both: a
// person sees the synced clients while the rest comes up, and nothing is answered from a half-started app.
import type { ChannelName } from '../../shared/contract';
import type { Handler, Handlers } from '../platform/ipc/dispatch';

/**
 * Channels whose handlers read only the store and the settings, never the environment or a feature's started
 * state. Settings shown before the environment is connected leave out its live addresses; the status event
 * that follows the connection says `connected`, and the renderer asks for the settings again. The window's
 * "first screen is up" is among them: it is what lets the start begin (first-screen.ts).
 */
export const ANSWERED_WHILE_STARTING: ReadonlySet<ChannelName> = new Set<ChannelName>([
  'app.info',
  'app.status',
  'settings.get',
  'clients.query',
  'clients.get',
  'clients.syncInfo',
  'clients.matchingOrgNumbers',
  'systemUsers.list',
  'app.firstScreen',
]);

/**
 * The same handlers, every one outside `atOnce` first waiting for `started` (and failing with it). `needed` is
 * told whenever a call has to wait: the start may be held back for the first screen (first-screen.ts), and a
 * call that needs the started app ends that wait.
 */
export function gateHandlers(
  handlers: Handlers,
  atOnce: ReadonlySet<ChannelName>,
  started: Promise<unknown>,
  needed: () => void = () => undefined,
): Handlers {
  const gated: Partial<Record<ChannelName, Handler<ChannelName>>> = {};
  for (const [channel, handler] of Object.entries(handlers) as [ChannelName, Handler<ChannelName>][]) {
    gated[channel] = atOnce.has(channel)
      ? handler
      : async (input, ctx) => {
          needed();
          await started;
          return handler(input, ctx);
        };
  }
  return gated as Handlers;
}
