// The one object the preload exposes (window.klientdesk), and the shape the browser host's client mimics.
import type { Result } from './define';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from './index';

export interface KlientdeskBridge {
  readonly mode: 'electron' | 'browser';
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
}

/** The IPC channel names used on the wire; the preload and main agree on these two only. */
export const IPC_INVOKE = 'klientdesk:invoke';
export const IPC_EVENT = 'klientdesk:event';
