// What a feature is to the composition root: the handlers of its slice of the contract, and what it does when
// the app starts and stops. A feature is built from the ports it names in its own deps type, nothing more.
import type { ChannelName } from '../../shared/contract';
import type { Handlers } from '../platform/ipc/dispatch';

/** The channels whose names start with `prefix`, e.g. `ChannelsOf<'audit.'>`. */
export type ChannelsOf<P extends string> = Extract<ChannelName, `${P}${string}`>;

/** A complete set of handlers for the channels C: each feature checks its object against this with `satisfies`. */
export type HandlersOf<C extends ChannelName> = Pick<Handlers, C>;

export interface Feature<C extends ChannelName> {
  handlers: HandlersOf<C>;
  /** Runs once after all features are created (e.g. resume work left by a crash). */
  start?(): Promise<void> | void;
  stop?(): Promise<void> | void;
}

/**
 * The features' handlers as one set. The caller checks the result with `satisfies Handlers`, so a channel no
 * feature serves fails the typecheck; a channel two features claim fails here, at start-up.
 */
export function mergeHandlers<T extends readonly object[]>(...sets: T): AllOf<T[number]> {
  const merged: Record<string, unknown> = {};
  for (const set of sets) {
    for (const [channel, handler] of Object.entries(set)) {
      if (channel in merged) throw new Error(`Two features serve "${channel}".`);
      merged[channel] = handler;
    }
  }
  return merged as AllOf<T[number]>;
}

type AllOf<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
