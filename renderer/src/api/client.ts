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

export function subscribe<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
  return getBridge().on(event, listener);
}

export const bridgeMode = (): 'electron' | 'browser' => getBridge().mode;

/**
 * Imports a batch file the person picked. In the browser host the file's bytes go to the host as they are;
 * in Electron (no streamed route yet) its text goes through `batches.importFile`.
 */
export async function importBatchFile(file: File): Promise<ChannelOutput<'batches.importFile'>> {
  const transfer = getBridge().batchFiles;
  if (!transfer) return call('batches.importFile', { content: await file.text() });
  const result = await transfer.importBatchFile(file);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/** Exports a batch's file: streamed by the host's download route in the browser, through the contract in Electron. */
export async function exportBatchFile(id: string, save: (filename: string, content: string) => void): Promise<void> {
  const transfer = getBridge().batchFiles;
  if (transfer) return transfer.exportBatchFile(id);
  const file = await call('batches.exportFile', { id });
  save(file.filename, file.content);
}
