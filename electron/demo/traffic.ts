// The traffic log: every request to a simulated service, with secrets replaced by markers. Tokens and
// grants are kept only as their decoded header and claims (claims are not secret; the compact
// token and its signature are), so the app can draw the actor flow.
import type { DecodedJwt, TrafficEntry } from './types';
import { decodeJwt, isRecord } from './jwt';
import { isStreamed, wholeBody, type StreamedBody } from './http/reply';

export const REDACTED = '[redacted]';
export const REDACTED_JWT = '[redacted JWT]';
const SECRET_KEYS = new Set([
  'assertion',
  'access_token',
  'id_token',
  'refresh_token',
  'code_verifier',
  'code',
  'client_secret',
  'password',
]);
const MAX_LOGGED_BODY = 64 * 1024;
const MAX_ENTRIES = 10_000;

/** Replaces secrets in a parsed body; decoded JWTs are collected into `found`. */
export function redact(value: unknown, where: string, found: DecodedJwt[]): unknown {
  if (typeof value === 'string') {
    const decoded = decodeJwt(value.trim());
    if (decoded) {
      found.push({ where, ...decoded });
      return REDACTED_JWT;
    }
    return value;
  }
  if (Array.isArray(value)) return value.map((v, i) => redact(v, `${where}[${i}]`, found));
  if (isRecord(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const inner = redact(v, `${where}.${k}`, found);
      out[k] = SECRET_KEYS.has(k) && inner !== REDACTED_JWT ? REDACTED : inner;
    }
    return out;
  }
  return value;
}

/** Parses a body for the log: JSON and forms become objects, big bodies a summary. */
export function loggableBody(
  body: Buffer | string | StreamedBody | undefined,
  contentType: string | undefined,
  where: string,
  found: DecodedJwt[],
): unknown {
  if (isStreamed(body)) {
    if (body.byteLength > 3 * MAX_LOGGED_BODY) return { truncated: true, bytes: body.byteLength, preview: preview(head(body)) };
    body = wholeBody(body);
  }
  if (body === undefined || body.length === 0) return undefined;
  // A body of more bytes than three times the limit has more characters than the limit: it is summed up without
  // decoding all of it (the client list of a large firm is some 200 MB).
  if (typeof body !== 'string' && body.length > 3 * MAX_LOGGED_BODY) return { truncated: true, bytes: body.length, preview: preview(body) };
  const text = typeof body === 'string' ? body : body.toString('utf8');
  if (text.length > MAX_LOGGED_BODY) return { truncated: true, bytes: Buffer.byteLength(text), preview: text.slice(0, 512) };
  const type = contentType ?? '';
  if (type.includes('json')) {
    try {
      return redact(JSON.parse(text), where, found);
    } catch {
      return redact(text, where, found);
    }
  }
  if (type.includes('x-www-form-urlencoded')) return redact(Object.fromEntries(new URLSearchParams(text)), where, found);
  if (type.includes('html')) return text.length > 2048 ? `${text.slice(0, 2048)}…` : text;
  return redact(text, where, found);
}

/** The first 512 characters of a big body: no more than four bytes each are decoded. */
const preview = (body: Buffer): string => body.subarray(0, PREVIEW_BYTES).toString('utf8').slice(0, 512);
const PREVIEW_BYTES = 4 * 512;

/** The start of a streamed body, enough for the preview; only its first chunks are written. */
function head(body: StreamedBody): Buffer {
  const start: Buffer[] = [];
  let bytes = 0;
  for (const chunk of body.chunks()) {
    // Copied: the writer may reuse a chunk's memory for the next.
    start.push(Buffer.from(chunk.subarray(0, PREVIEW_BYTES - bytes)));
    bytes += start.at(-1)!.length;
    if (bytes >= PREVIEW_BYTES) break;
  }
  return Buffer.concat(start);
}

/** Query strings can carry codes and tokens too (the redirect back from ID-porten). */
export function redactUrl(pathAndQuery: string): string {
  const q = pathAndQuery.indexOf('?');
  if (q < 0) return pathAndQuery;
  const params = new URLSearchParams(pathAndQuery.slice(q + 1));
  let changed = false;
  for (const key of [...params.keys()]) {
    if (SECRET_KEYS.has(key)) {
      params.set(key, REDACTED);
      changed = true;
    }
  }
  return changed ? `${pathAndQuery.slice(0, q)}?${params.toString()}` : pathAndQuery;
}

export class TrafficLog {
  private entries: TrafficEntry[] = [];
  private nextId = 1;
  private readonly listeners = new Set<(e: TrafficEntry) => void>();

  add(entry: Omit<TrafficEntry, 'id'>): TrafficEntry {
    const full: TrafficEntry = { id: this.nextId++, ...entry };
    this.entries.push(full);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    for (const l of this.listeners) {
      try {
        l(full);
      } catch {
        // A failing subscriber must not break the request that is being logged.
      }
    }
    return full;
  }

  list(sinceId = 0): TrafficEntry[] {
    return this.entries.filter((e) => e.id > sinceId);
  }

  subscribe(cb: (e: TrafficEntry) => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }

  clear(): void {
    this.entries = [];
  }
}
