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
  invokePath,
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

/** One call as a POST of its own: what a call is sent as while the page has no open socket. */
async function post(channel: string, body: string): Promise<Answer> {
  try {
    const res = await fetch(invokePath(channel), { method: 'POST', headers: { 'Content-Type': JSON_MEDIA_TYPE }, body });
    if (!res.ok) return await hostError(res);
    return (await res.json()) as Answer;
  } catch {
    return UNREACHABLE;
  }
}

/** After a socket would not open or closed, the next try waits this long; calls go as POSTs meanwhile. */
export const SOCKET_RETRY_MS = 2000;

/**
 * Calls on one WebSocket once it is open; until then (the page's first moments, while the host may be busy
 * starting, or after the socket closed) each call is a POST, so no call waits for a handshake. A call whose
 * socket closes before its answer may or may not have run: it is answered as unreachable, never sent again.
 */
function createCalls(session: Promise<void>): (channel: string, input: unknown) => Promise<Answer> {
  /** The open socket and the calls on it that wait for their answer. */
  let open: { ws: WebSocket; pending: Map<number, (answer: Answer) => void> } | null = null;
  let connecting = false;
  let nextTry = 0;
  let nextId = 0;

  function connect(): void {
    if (open || connecting || Date.now() < nextTry) return;
    connecting = true;
    const calls = { ws: new WebSocket(socketUrl(window.location.href)), pending: new Map<number, (answer: Answer) => void>() };
    calls.ws.onopen = () => {
      connecting = false;
      open = calls;
    };
    calls.ws.onmessage = (e: MessageEvent<unknown>) => {
      if (typeof e.data !== 'string') return;
      let answer;
      try {
        answer = socketAnswer.safeParse(JSON.parse(e.data));
      } catch {
        return;
      }
      if (!answer.success) return;
      calls.pending.get(answer.data.id)?.(answer.data.result as Answer);
      calls.pending.delete(answer.data.id);
    };
    calls.ws.onclose = () => {
      connecting = false;
      if (open === calls) open = null;
      nextTry = Date.now() + SOCKET_RETRY_MS;
      for (const settle of calls.pending.values()) settle(UNREACHABLE);
      calls.pending.clear();
    };
  }

  return async (channel, input) => {
    await session;
    const body = JSON.stringify(input ?? {});
    // The host closes a socket that sends a larger frame; as a POST it answers with its own refusal instead.
    // Counted as UTF-8 could count it at most (3 bytes a UTF-16 unit) plus the frame around it: a call that only
    // might be too large also goes as a POST, which is always right.
    if (!open || body.length * 3 + channel.length + 64 > DEFAULT_BODY_LIMIT) {
      connect();
      return post(channel, body);
    }
    const { ws, pending } = open;
    const id = nextId++;
    return new Promise<Answer>((resolve) => {
      pending.set(id, resolve);
      // The input is written once, as JSON, whichever way the call goes.
      ws.send(`{"id":${id},"channel":${JSON.stringify(channel)},"input":${body}}`);
    });
  };
}

export function createHttpBridge(): KlientdeskBridge {
  const session = startSession();
  const call = createCalls(session);
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
    sending: session,
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
