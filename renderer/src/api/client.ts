// The renderer's only way to the main process: a typed client over whichever bridge is present.
import type { KlientdeskBridge } from '../../../shared/contract/bridge';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from '../../../shared/contract';
import type { AppErrorShape, ErrorParams } from '../../../shared/errors';
import { useVaultLock, VAULT_LOCKED } from '../components/unlock/vault-lock';
import { createHttpBridge } from './http-bridge';

declare global {
  interface Window {
    klientdesk?: KlientdeskBridge;
  }
}

/** A failed call, carrying the service's code and correlation id so the UI can show them one click away. */
export class ApiError extends Error implements AppErrorShape {
  readonly code: string;
  readonly params?: ErrorParams;
  readonly service?: string;
  readonly serviceCode?: string;
  readonly status?: number;
  readonly details?: Record<string, unknown>;
  readonly #correlationId?: string;
  constructor(shape: AppErrorShape) {
    super(shape.message);
    this.code = shape.code;
    this.params = shape.params;
    this.service = shape.service;
    this.serviceCode = shape.serviceCode;
    this.status = shape.status;
    this.details = shape.details;
    this.#correlationId = shape.correlationId;
  }
  /** The service's own id when it gave one (Skatteetaten's korrelasjonsid, Altinn's traceId), else ours. */
  get correlationId(): string | undefined {
    if (this.#correlationId) return this.#correlationId;
    for (const key of ['korrelasjonsid', 'traceId', 'correlationId']) {
      const id = this.details?.[key];
      if (typeof id === 'string' && id !== '') return id;
    }
    return undefined;
  }
}

let bridge: KlientdeskBridge | undefined;
function getBridge(): KlientdeskBridge {
  bridge ??= window.klientdesk ?? createHttpBridge();
  return bridge;
}

export async function call<C extends ChannelName>(channel: C, input: ChannelInput<C>): Promise<ChannelOutput<C>> {
  const result = await getBridge().invoke(channel, input);
  // A key operation found the keys locked: ask for the passphrase; the person then tries again.
  if (!result.ok && result.error.code === VAULT_LOCKED) useVaultLock.getState().request();
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/** Settles once the calls asked so far have gone out (the browser host's page waits for its session first). */
export function callsSent(): Promise<void> {
  return getBridge().sending ?? Promise.resolve();
}

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return getBridge().on(event, listener);
}

/** Called when events may have been missed (the browser host's stream came back); a no-op under IPC. */
export function onEventsResumed(listener: () => void): () => void {
  return getBridge().onEventsResumed?.(listener) ?? (() => undefined);
}

/**
 * Imports a batch file. In Electron main shows the open dialog and streams the file in; in the browser host the
 * page picks the file and its bytes go to the host as they are. Null when the person cancels.
 */
export async function importBatchFile(pick: () => Promise<File | null>): Promise<ChannelOutput<'batches.importFile'> | null> {
  const bridge = getBridge();
  if (bridge.mode === 'electron') {
    const { cancelled, ...result } = await call('batches.importChosenFile', {});
    return cancelled ? null : result;
  }
  const file = await pick();
  if (!file) return null;
  if (!bridge.batchFiles) return call('batches.importFile', { content: await file.text() });
  const result = await bridge.batchFiles.importBatchFile(file);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/** Exports a batch's file: main's save dialog in Electron, the host's streamed download in the browser. */
export async function exportBatchFile(id: string): Promise<void> {
  const bridge = getBridge();
  if (bridge.mode === 'electron') {
    await call('batches.exportToChosenFile', { id });
    return;
  }
  if (!bridge.batchFiles) throw new ApiError({ code: 'NO_FILE_TRANSFER', message: 'This window cannot save a batch file.' });
  bridge.batchFiles.exportBatchFile(id);
}
