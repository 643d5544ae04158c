// Finds the `data` list of a page's JSON bytes and cuts it into runs of whole entries as the bytes arrive,
// without building any of them, so the list is parsed a run at a time: the first entries are handed on while
// the rest are still on their way, and no single JSON.parse builds 200,000 objects at once. Only the common
// shape is taken this way (one object with a member named `data`, in any case, holding a list); anything else
// is left to a whole parse, which also tells bad JSON from a shape Klientdesk does not know.
//
// It scans bytes, not decoded text: every byte JSON's structure is made of is ASCII, which UTF-8 never uses
// inside a longer character, so only each run is decoded, when it is taken.

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_LIST = 0x5b;
const CLOSE_LIST = 0x5d;
const COMMA = 0x2c;
const COLON = 0x3a;

/** The bytes cannot be JSON, or not JSON this scanner takes; the caller's parse says which. */
export class NotListText extends Error {}
/** The page names its `data` twice: a whole parse would take the last, not the entries already handed on. */
export class TwiceData extends Error {}
/** The bytes so far end inside a value: the scan goes on from its last whole entry when more arrive. */
class NeedMore extends Error {}
const NEED_MORE = new NeedMore();

const reject = (): never => {
  throw new NotListText();
};

/** JSON's whitespace; any other control character outside a string is not JSON, which the parse then tells. */
const isSpace = (c: number | undefined): boolean => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

const isDataKey = (key: string): boolean => key.trim().toLowerCase() === 'data';

/** As fetch's text() decodes: UTF-8, bad bytes replaced (the byte order mark is skipped by the scan). */
const UTF8 = new TextDecoder('utf-8', { ignoreBOM: true });

export type ListState = 'unknown' | 'list' | 'other';

export class ListRuns {
  private bytes: Uint8Array = new Uint8Array(0);
  private end = 0;
  private final = false;
  private i = 0;
  private start = 0;
  private state: ListState = 'unknown';
  private listStart = -1;
  private listEnd = -1;
  /** What the page says before its list, kept as text once the list opens (its bytes may then be let go). */
  private before = '';
  private entries = 0;
  /** Where the run being gathered starts, and how many whole entries it has. */
  private runFrom = -1;
  private taken = 0;
  /** After `[` or a comma: an entry must come before the next comma or the close. */
  private entryDue = true;

  /**
   * Takes the bytes so far (`bytes.subarray(0, end)`, the same buffer grown or a larger copy of it) and
   * whether they are all. Tells whether the page is the common shape, once that can be known.
   */
  feed(bytes: Uint8Array, end: number, final: boolean): ListState {
    this.bytes = bytes;
    this.end = end;
    this.final = final;
    if (this.state === 'unknown') {
      try {
        this.state = this.toList() ? 'list' : 'other';
      } catch (error) {
        if (error === NEED_MORE) return 'unknown';
        // Not JSON, or a key that is not valid JSON text: either way the whole parse decides.
        this.state = 'other';
      }
    }
    return this.state;
  }

  private need(): never {
    if (this.final) return reject();
    throw NEED_MORE;
  }

  private at(i: number): number {
    return i < this.end ? this.bytes[i]! : this.need();
  }

  private space(): void {
    while (this.i < this.end && isSpace(this.bytes[this.i])) this.i++;
  }

  /** Past the string that opens at `i`; jumps from quote to quote and counts the backslashes before each. */
  private skipString(): void {
    const t = this.bytes;
    let j = this.i + 1;
    for (;;) {
      const q = t.indexOf(QUOTE, j);
      if (q < 0 || q >= this.end) this.need();
      let slashes = 0;
      for (let k = q - 1; k > this.i && t[k] === BACKSLASH; k--) slashes++;
      j = q + 1;
      if (slashes % 2 === 0) break;
    }
    this.i = j;
  }

  /** Past one value of any kind, its inside not checked (the parse of the shell or of the run does that). */
  private skipValue(): void {
    const t = this.bytes;
    const first = this.at(this.i);
    if (first === QUOTE) return this.skipString();
    if (first !== OPEN_OBJECT && first !== OPEN_LIST) {
      const from = this.i;
      while (this.i < this.end) {
        const c = t[this.i]!;
        if (c === COMMA || c === CLOSE_OBJECT || c === CLOSE_LIST || isSpace(c)) return;
        this.i++;
      }
      // A literal that reaches the end of the bytes so far may go on.
      if (!this.final) this.need();
      if (this.i === from) reject();
      return;
    }
    let depth = 0;
    while (this.i < this.end) {
      const c = t[this.i]!;
      if (c === QUOTE) {
        this.skipString();
        continue;
      }
      this.i++;
      if (c === OPEN_OBJECT || c === OPEN_LIST) depth++;
      else if ((c === CLOSE_OBJECT || c === CLOSE_LIST) && --depth === 0) return;
    }
    this.need();
  }

  private key(): string {
    if (this.at(this.i) !== QUOTE) reject();
    const from = this.i;
    this.skipString();
    const key = JSON.parse(UTF8.decode(this.bytes.subarray(from, this.i))) as string;
    this.space();
    if (this.at(this.i) !== COLON) reject();
    this.i++;
    this.space();
    return key;
  }

  /** After a member: past its comma (true) or at the object's close (false). */
  private afterMember(): boolean {
    this.space();
    const c = this.at(this.i);
    if (c === COMMA) {
      this.i++;
      this.space();
      return true;
    }
    if (c === CLOSE_OBJECT) return false;
    return reject();
  }

  /** From the start: whether the page opens as the common shape, the scan then just inside its list. */
  private toList(): boolean {
    this.i = this.at(0) === 0xef && this.at(1) === 0xbb && this.at(2) === 0xbf ? 3 : 0;
    this.start = this.i;
    this.space();
    if (this.at(this.i) !== OPEN_OBJECT) return false;
    this.i++;
    this.space();
    if (this.at(this.i) === CLOSE_OBJECT) return false;
    for (;;) {
      if (isDataKey(this.key())) {
        if (this.at(this.i) !== OPEN_LIST) return false;
        this.listStart = this.i;
        this.before = UTF8.decode(this.bytes.subarray(this.start, this.listStart));
        this.i++;
        return true;
      }
      this.skipValue();
      if (!this.afterMember()) return false;
    }
  }

  /**
   * The next run of `count` whole entries (fewer for the last), comma-separated as they were; null when the
   * list has closed and every run was taken; undefined when the bytes so far hold no whole run yet.
   */
  next(count: number): string | null | undefined {
    if (this.state !== 'list' || this.listEnd >= 0) return null;
    const t = this.bytes;
    for (;;) {
      const checkpoint = this.i;
      try {
        this.space();
        const c = this.at(this.i);
        if (c === CLOSE_LIST) {
          // `[1,]` is not JSON.
          if (this.entryDue && this.entries > 0) reject();
          const run = this.taken > 0 ? UTF8.decode(t.subarray(this.runFrom, this.i)) : null;
          this.i++;
          this.listEnd = this.i;
          return run;
        }
        if (c === COMMA) {
          // `[,1]` and `[1,,2]` are not JSON.
          if (this.entryDue) reject();
          this.entryDue = true;
          if (this.taken === count) {
            const run = UTF8.decode(t.subarray(this.runFrom, this.i));
            this.i++;
            this.taken = 0;
            this.runFrom = -1;
            return run;
          }
          this.i++;
          continue;
        }
        if (!this.entryDue) reject();
        const entryStart = this.i;
        this.skipValue();
        if (this.runFrom < 0) this.runFrom = entryStart;
        this.entryDue = false;
        this.taken++;
        this.entries++;
      } catch (error) {
        if (error !== NEED_MORE) throw error;
        this.i = checkpoint;
        return undefined;
      }
    }
  }

  /**
   * How many bytes from the start the scan no longer needs: everything before the run it is gathering. Only
   * inside the list; the caller may drop them and tell `dropped`.
   */
  needlessBytes(): number {
    if (this.state !== 'list' || this.listEnd >= 0) return 0;
    return this.runFrom >= 0 ? Math.min(this.runFrom, this.i) : this.i;
  }

  /** The first `count` bytes were dropped: the next feed's bytes start where they ended. */
  dropped(count: number): void {
    this.i -= count;
    if (this.runFrom >= 0) this.runFrom -= count;
  }

  /** Once the list has closed and the bytes are all: the page with its list emptied (what it says besides). */
  shell(): string {
    if (this.listEnd < 0 || !this.final) reject();
    this.i = this.listEnd;
    for (let more = this.afterMember(); more; more = this.afterMember()) {
      if (isDataKey(this.key())) throw new TwiceData();
      this.skipValue();
    }
    this.i++;
    this.space();
    if (this.i !== this.end) reject();
    return this.before + '[]' + UTF8.decode(this.bytes.subarray(this.listEnd, this.end));
  }
}
