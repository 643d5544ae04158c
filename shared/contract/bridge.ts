// The one object the preload exposes (window.klientdesk), and the shape the browser host's client mimics.
import type { Result } from './define';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from './index';
import type { BatchFileUploadResult } from './batch-file-routes';

/** Batch files as bytes, not contract text: the browser host's streamed routes (batch-file-routes.ts). */
export interface BatchFileTransfer {
  /** Sends the picked file as it is; the answer is that of `batches.importFromPath`. */
  importBatchFile(file: Blob): Promise<Result<BatchFileUploadResult>>;
  /** Starts the browser's own download of the batch's file, streamed from the host. */
  exportBatchFile(id: string): void;
}

export interface KlientdeskBridge {
  readonly mode: 'electron' | 'browser';
  invoke<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<Result<ChannelOutput<C>>>;
  /** Returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  /** Present in the browser host, where there are no file paths to hand to main. */
  readonly batchFiles?: BatchFileTransfer;
  /**
   * Present in the browser host, whose events come over a connection that can drop: the listener is called when
   * the event stream is back after a gap, so whatever was read before may have changed unannounced. IPC loses
   * no events, so the preload has none.
   */
  onEventsResumed?(listener: () => void): () => void;
  /**
   * Present in the browser host, whose calls wait for the page's session: settles once they can go out, after
   * the calls asked before it have been sent. Over IPC a call goes out at once.
   */
  readonly sending?: Promise<void>;
}

/** The IPC channel names used on the wire; the preload and main agree on these two only. */
export const IPC_INVOKE = 'klientdesk:invoke';
export const IPC_EVENT = 'klientdesk:event';
