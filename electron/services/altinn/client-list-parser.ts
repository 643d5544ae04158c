// Where the pages of the firm's client list are read: on a worker thread when the app was built with one
// (client-list-worker.ts), else on the calling thread. Either way a page can be read as its bytes arrive, and
// its clients come to the caller in batches, in order, as the features keep them (kept-clients.ts), so it can write the first ones while the rest are read.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { keptClients, type KeptClient } from './kept-clients';
import { ClientPageReader, type ClientPageOutcome } from './client-list-page';

export type PageRequest = { id: number; open: true } | { id: number; piece: ArrayBuffer } | { id: number; end: true };

export type PageReply = { id: number; batch: KeptClient[] } | { id: number; outcome: ClientPageOutcome } | { id: number; failure: string };

/** One page being read. */
export interface PageStream {
  /** A piece of the body as it arrived; it is copied or handed over, never kept as the caller's. */
  write(piece: Uint8Array): void;
  /** The body is all there (`bytes`, read only when no piece was written): the page's outcome. */
  end(bytes: Uint8Array): Promise<ClientPageOutcome>;
}

export interface ClientListParser {
  open(onBatch: (batch: KeptClient[]) => void): PageStream;
  /** Lets the worker go (and the memory it parsed with); a page still being read fails. */
  close(): void;
}

/** About how much of the body goes to the worker at a time. */
const PARCEL = 1 << 20;

let workerFile: string | null = null;

/**
 * Set once by each entry point (the browser host, the Electron main process) to the worker bundle built beside
 * it. Module state rather than a parameter: the file is a fact of the build, the same for every environment
 * and session, and it would otherwise be threaded through every layer between the entry and this reader.
 */
export function useClientListWorker(file: URL | string | null): void {
  const path = file === null ? null : typeof file === 'string' ? file : fileURLToPath(file);
  workerFile = path !== null && existsSync(path) ? path : null;
}

export function createClientListParser(): ClientListParser {
  return workerFile === null ? inThread() : onWorker(workerFile);
}

function inThread(): ClientListParser {
  return {
    open(onBatch) {
      const reader = new ClientPageReader((batch) => onBatch(keptClients(batch)));
      let written = false;
      // What the receiver threw while the bytes arrived: kept for the end, not mistaken for a network failure.
      let thrown: { error: unknown } | null = null;
      return {
        write(piece) {
          written = true;
          if (thrown) return;
          try {
            // Not copied: the HTTP layer keeps none of the pieces it hands on.
            reader.write(piece);
          } catch (error) {
            thrown = { error };
          }
        },
        async end(bytes) {
          if (thrown) throw thrown.error;
          if (!written) reader.write(bytes);
          return reader.finish();
        },
      };
    },
    close: () => undefined,
  };
}

function onWorker(file: string): ClientListParser {
  let worker: Worker | null = null;
  let nextId = 1;
  interface Pending {
    onBatch: (batch: KeptClient[]) => void;
    settle?: { resolve(o: ClientPageOutcome): void; reject(e: unknown): void };
    /** What the receiver threw: kept for the page's end, since a listener must not throw. */
    thrown?: { error: unknown };
    /** How the page ended, when that came before its end was asked for (a failure, say). */
    ended?: { outcome: ClientPageOutcome } | { error: unknown };
  }
  const pending = new Map<number, Pending>();
  const finish = (p: Pending, ended: NonNullable<Pending['ended']>) => {
    if (!p.settle) p.ended = ended;
    else if ('outcome' in ended) p.settle.resolve(ended.outcome);
    else p.settle.reject(ended.error);
  };
  const failAll = (error: Error) => {
    for (const p of pending.values()) finish(p, { error });
    pending.clear();
    worker = null;
  };
  const started = (): Worker => {
    if (worker) return worker;
    const w = new Worker(file);
    w.on('message', (reply: PageReply) => {
      const p = pending.get(reply.id);
      if (!p) return;
      if ('batch' in reply) {
        if (p.thrown) return;
        try {
          p.onBatch(reply.batch);
        } catch (error) {
          p.thrown = { error };
        }
        return;
      }
      pending.delete(reply.id);
      if (p.thrown) finish(p, { error: p.thrown.error });
      else if ('outcome' in reply) finish(p, { outcome: reply.outcome });
      else finish(p, { error: new Error(`The client list could not be read: ${reply.failure}`) });
    });
    w.on('error', (error) => failAll(error));
    w.on('exit', (code) => {
      if (pending.size > 0) failAll(new Error(`The client-list reader stopped (exit code ${code}).`));
      worker = null;
    });
    worker = w;
    return w;
  };
  // Started at once: the thread boots and loads its code while the list is still on its way.
  started();
  const post = (request: PageRequest, transfer?: ArrayBuffer[]) => started().postMessage(request, transfer);
  return {
    open(onBatch) {
      const id = nextId++;
      const page: Pending = { onBatch };
      pending.set(id, page);
      post({ id, open: true });
      let written = false;
      // Pieces are gathered into parcels of about a megabyte: a socket's pieces are tens of kilobytes, and each
      // message costs both threads a turn.
      let parcel = new Uint8Array(PARCEL);
      let filled = 0;
      const send = () => {
        if (filled === 0) return;
        const buffer = parcel.buffer.slice(0, filled);
        post({ id, piece: buffer }, [buffer]);
        filled = 0;
      };
      return {
        write(piece) {
          written = true;
          if (filled + piece.length > parcel.length) send();
          if (piece.length > parcel.length) parcel = new Uint8Array(piece.length);
          parcel.set(piece, filled);
          filled += piece.length;
          if (filled >= PARCEL) send();
        },
        end(bytes) {
          return new Promise((resolve, reject) => {
            page.settle = { resolve, reject };
            if (page.ended) return finish(page, page.ended);
            send();
            if (!written) {
              // A whole buffer is handed over as it is; a view into a larger one is copied first.
              const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
              const buffer = whole ? bytes.buffer : bytes.slice().buffer;
              post({ id, piece: buffer }, [buffer]);
            }
            post({ id, end: true });
          });
        },
      };
    },
    close() {
      const w = worker;
      failAll(new Error('The client-list reader was closed.'));
      if (w) void w.terminate();
    },
  };
}
