// The browser host's stand-in for the preload: the same KlientdeskBridge over loopback, its calls on one
// WebSocket, its events and batch files over HTTP (shared/contract/transport.ts).
import type { KlientdeskBridge } from '../../../shared/contract/bridge';
import type { EventName } from '../../../shared/contract';
import {
  BATCH_FILE_UPLOAD_PATH,
  batchFileDownloadUrl,
  createEventFrameReader,
  DEFAULT_BODY_LIMIT,
  HOST_ROUTES,
  JSON_MEDIA_TYPE,
  launchCodeOf,
  socketAnswer,
  socketUrl,
} from '../../../shared/contract/transport';
import type { Result } from '../../../shared/contract/define';

const UNREACHABLE = {
  ok: false,
  error: { code: 'HOST_UNREACHABLE', message: 'Klientdesk’s host is not answering. Is `npm run web` still running?' },
} as const;

/** A non-2xx answer from the host, in the contract's error shape. */
async function hostError(res: Response): Promise<{ ok: false; error: { code: string; message: string } }> {
  const body = (await res.json().catch(() => ({}))) as { error?: string };
  return { ok: false, error: { code: `HOST_${res.status}`, message: body.error ?? `The host answered ${res.status}.` } };
}

/**
 * The host prints a launch URL with `#c=<one-time code>`. The code leaves the address bar (and the history
 * entry) at once, then is exchanged for an HttpOnly session cookie the page itself can never read. A reload
 * without a code keeps using the cookie.
 */
async function startSession(): Promise<void> {
  const code = launchCodeOf(window.location.hash);
  if (!code) return;
  history.replaceState(null, '', window.location.pathname + window.location.search);
  await fetch(HOST_ROUTES.session, {
    method: 'POST',
    headers: { 'Content-Type': JSON_MEDIA_TYPE },
    body: JSON.stringify({ code }),
  }).catch(() => undefined);
}

type Listener = (payload: unknown) => void;
type Answer = Result<never> | { ok: false; error: { code: string; message: string } };

/**
 * Calls over one WebSocket, opened at the first call and again at the first call after it closed. A call whose
 * socket closes before its answer may or may not have run: it is answered as unreachable, never sent again.
 */
function createSocketCalls(session: Promise<void>): (channel: string, input: unknown) => Promise<Answer> {
  const pending = new Map<number, (answer: Answer) => void>();
  let nextId = 0;
  let open: Promise<WebSocket> | null = null;

  const connect = (): Promise<WebSocket> =>
    new Promise((resolve, reject) => {
      const ws = new WebSocket(socketUrl(window.location.href));
      ws.onopen = () => resolve(ws);
      ws.onmessage = (e: MessageEvent<unknown>) => {
        if (typeof e.data !== 'string') return;
        let answer;
        try {
          answer = socketAnswer.safeParse(JSON.parse(e.data));
        } catch {
          return;
        }
        if (!answer.success) return;
        pending.get(answer.data.id)?.(answer.data.result as Answer);
        pending.delete(answer.data.id);
      };
      ws.onclose = () => {
        open = null;
        for (const settle of pending.values()) settle(UNREACHABLE);
        pending.clear();
        reject(new Error('socket closed'));
      };
    });

  /** Why the socket would not open, in the host's words (a tab without a session, say), when it says. */
  async function refusal(): Promise<Answer> {
    const res = await fetch(HOST_ROUTES.socket).catch(() => null);
    return res && res.status !== 426 ? hostError(res) : UNREACHABLE;
  }

  return async (channel, input) => {
    let ws: WebSocket;
    try {
      await session;
      ws = await (open ??= connect());
    } catch {
      return refusal();
    }
    const id = nextId++;
    const frame = JSON.stringify({ id, channel, input: input ?? {} });
    // The host closes a socket that sends a larger frame; said here instead, the other calls on it go on.
    if (frame.length > DEFAULT_BODY_LIMIT) {
      return { ok: false, error: { code: 'HOST_413', message: `The request is larger than ${DEFAULT_BODY_LIMIT / 1024 / 1024} MB.` } };
    }
    return new Promise<Answer>((resolve) => {
      pending.set(id, resolve);
      ws.send(frame);
    });
  };
}

export function createHttpBridge(): KlientdeskBridge {
  const session = startSession();
  const call = createSocketCalls(session);
  const listeners = new Map<string, Set<Listener>>();
  const resumedListeners = new Set<() => void>();
  let streaming = false;
  let opened = 0;

  async function stream(): Promise<void> {
    if (streaming) return;
    streaming = true;
    try {
      await session;
      const res = await fetch(HOST_ROUTES.events);
      if (!res.ok || !res.body) throw new Error(`events ${res.status}`);
      // Every open after the first follows a gap in which events may have been sent to nobody.
      if (opened++ > 0) for (const l of resumedListeners) l();
      const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
      const framesOf = createEventFrameReader();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        for (const { event, payload } of framesOf(value)) {
          for (const l of listeners.get(event) ?? []) l(payload);
        }
      }
    } catch {
      // The host went away or restarted; try again shortly so progress keeps flowing when it is back.
    } finally {
      streaming = false;
      setTimeout(() => void stream(), 2000);
    }
  }

  return {
    mode: 'browser',
    async invoke(channel, input) {
      return (await call(channel, input)) as never;
    },
    batchFiles: {
      async importBatchFile(file) {
        try {
          await session;
          // The File itself is the body: the browser streams it from disk, the page never reads it into a string.
          const res = await fetch(BATCH_FILE_UPLOAD_PATH, { method: 'POST', headers: { 'Content-Type': JSON_MEDIA_TYPE }, body: file });
          if (!res.ok) return await hostError(res);
          return (await res.json()) as Result<never>;
        } catch {
          return UNREACHABLE;
        }
      },
      exportBatchFile(id) {
        // A plain link: the browser streams the answer to disk under the name the host gives.
        const link = document.createElement('a');
        link.href = batchFileDownloadUrl(id);
        link.download = '';
        link.rel = 'noopener';
        document.body.append(link);
        link.click();
        link.remove();
      },
    },
    on(event: EventName, listener) {
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(listener as Listener);
      listeners.set(event, set);
      void stream();
      return () => set.delete(listener as Listener);
    },
    onEventsResumed(listener) {
      resumedListeners.add(listener);
      return () => resumedListeners.delete(listener);
    },
  };
}
