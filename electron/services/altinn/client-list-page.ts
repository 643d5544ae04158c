// One page of Access Management's client list, read entry by entry and handed on in batches. The page is the
// same `{data, links}` shape every Altinn list has (pageSchema); its entries are read by the hand reader of
// ClientDto. Plain functions on bytes, so the same reading runs on a worker thread or, where there is none,
// on the calling one.
import { z } from 'zod';
import { describeFailure, describeIssues, parseJsonOrUndefined } from '../../platform/http/lenient-json';
import { FirmClientShapeError, readFirmClient, type FirmClient } from './firm-client-reader';
import { ListRuns, NotListText, TwiceData } from './json-list-chunks';
import { pageSchema } from './schemas';

/** How one page read: the link to the next page, or why it could not be read (paths and reasons, never values). */
export type ClientPageOutcome = { ok: true; next: string | undefined } | { ok: false; notJson: true } | { ok: false; refused: string };

/** Read bytes are let go in steps of at least this much, so the rest is moved seldom. */
const DROP_AT_LEAST = 4 << 20;

/** Entries per batch: small enough that the receiver's work per batch stays a few milliseconds. */
export const CLIENT_BATCH = 2000;

const shell = pageSchema(z.unknown());
/** As fetch's text() decodes: UTF-8, a leading BOM dropped, bad bytes replaced. */
const UTF8 = new TextDecoder();

/**
 * One page read as its bytes arrive, its clients handed to `onBatch` in order. The list is parsed a run of
 * entries at a time where the page has the common shape (json-list-chunks.ts), else whole at the end. A refused
 * entry stops the handing on (the caller throws the read away), but the reading goes on to name up to three
 * refusals, as a schema would.
 */
export class ClientPageReader {
  private bytes: Uint8Array = new Uint8Array(0);
  private length = 0;
  /** Whether `bytes` is a buffer of this reader's, which may be written into. */
  private owned = false;
  private readonly runs = new ListRuns();
  private readonly entries: EntryReader;
  /** Set when the page is already known to fail, or every entry a refusal names was found. */
  private stopped: ClientPageOutcome | null = null;

  constructor(
    onBatch: (batch: FirmClient[]) => void,
    private readonly batchSize = CLIENT_BATCH,
  ) {
    this.entries = new EntryReader(onBatch, batchSize);
  }

  write(piece: Uint8Array): void {
    if (this.length === 0 && !this.owned) {
      // The first piece is kept as it is: a page read in one piece is never copied.
      this.bytes = piece;
      this.length = piece.length;
    } else {
      if (!this.owned || this.length + piece.length > this.bytes.length) {
        const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.length + piece.length, 64 * 1024));
        grown.set(this.bytes.subarray(0, this.length));
        this.bytes = grown;
        this.owned = true;
      }
      this.bytes.set(piece, this.length);
      this.length += piece.length;
    }
    this.pump(false);
  }

  /** The bytes are all there: the rest is read, and the page's outcome told. */
  finish(): ClientPageOutcome {
    this.pump(true);
    if (this.stopped) return this.stopped;
    const bytes = this.bytes.subarray(0, this.length);
    if (this.runs.feed(bytes, this.length, true) === 'other') return readWhole(UTF8.decode(bytes), this.entries);
    let body: unknown;
    try {
      body = JSON.parse(this.runs.shell());
    } catch (error) {
      return failed(error);
    }
    const page = shell.safeParse(body);
    if (!page.success) return { ok: false, refused: describeFailure(page.error) };
    return this.entries.end(page.data.next);
  }

  private pump(final: boolean): void {
    // The bytes so far, not the buffer: a search for a string's end must stop where the bytes do.
    if (this.stopped || this.runs.feed(this.bytes.subarray(0, this.length), this.length, final) !== 'list') return;
    try {
      for (let run = this.runs.next(this.batchSize); typeof run === 'string'; run = this.runs.next(this.batchSize)) {
        // Three refusals are all a refusal names: the rest need not be read.
        if (!this.entries.read(JSON.parse(`[${run}]`) as unknown[])) {
          this.stopped = this.entries.end(undefined);
          return;
        }
      }
    } catch (error) {
      this.stopped = failed(error);
      return;
    }
    this.dropRead();
  }

  /**
   * Lets go of the bytes already read into runs: the reader then holds a run or two, not the whole page (a
   * buffer grown to 200 MB on a worker thread stayed in the process's memory after the thread ended).
   */
  private dropRead(): void {
    const needless = this.runs.needlessBytes();
    if (needless < DROP_AT_LEAST || !this.owned) return;
    this.bytes.copyWithin(0, needless, this.length);
    this.length -= needless;
    this.runs.dropped(needless);
  }
}

function failed(error: unknown): ClientPageOutcome {
  if (error instanceof TwiceData) return { ok: false, refused: 'data: named twice' };
  if (error instanceof NotListText || error instanceof SyntaxError) return { ok: false, notJson: true };
  throw error;
}

/** A page that came in one piece. */
export function readClientPage(bytes: Uint8Array, onBatch: (batch: FirmClient[]) => void, batchSize = CLIENT_BATCH): ClientPageOutcome {
  const reader = new ClientPageReader(onBatch, batchSize);
  reader.write(bytes);
  return reader.finish();
}

/** The page parsed in one piece, for a shape the runs do not take. */
function readWhole(text: string, entries: EntryReader): ClientPageOutcome {
  const body = parseJsonOrUndefined(text);
  if (body === undefined && text.trim() !== '') return { ok: false, notJson: true };
  const page = shell.safeParse(body);
  if (!page.success) return { ok: false, refused: describeFailure(page.error) };
  entries.read(page.data.items);
  return entries.end(page.data.next);
}

/** Reads entries in order, handing on full batches, and keeps the first three refusals. */
class EntryReader {
  private batch: FirmClient[] = [];
  private readonly issues: { path: string; message: string }[] = [];
  private index = 0;

  constructor(
    private readonly onBatch: (batch: FirmClient[]) => void,
    private readonly batchSize: number,
  ) {}

  /** False once three entries were refused: nothing more need be read. */
  read(entries: readonly unknown[]): boolean {
    for (const entry of entries) {
      const i = this.index++;
      try {
        const client = readFirmClient(entry);
        if (this.issues.length > 0) continue;
        this.batch.push(client);
        if (this.batch.length === this.batchSize) {
          this.onBatch(this.batch);
          this.batch = [];
        }
      } catch (error) {
        if (!(error instanceof FirmClientShapeError)) throw error;
        this.issues.push({ path: `data.${i}`, message: error.message });
        if (this.issues.length === 3) return false;
      }
    }
    return true;
  }

  end(next: string | undefined): ClientPageOutcome {
    if (this.issues.length > 0) return { ok: false, refused: describeIssues(this.issues) };
    if (this.batch.length > 0) this.onBatch(this.batch);
    return { ok: true, next };
  }
}
