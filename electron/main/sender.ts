// Who may call the main process: only the top frame of our own window, showing exactly our own page. The
// page is compared as a parsed URL: the packaged file by its path, the dev server by its origin. A prefix
// test would let `http://localhost:5173.evil.example/` or `file:///elsewhere/renderer/index.html` through.
import { pathToFileURL } from 'node:url';
import type { Sender } from '../platform/ipc/dispatch';

export interface RendererLocation {
  /** The dev server (`ELECTRON_RENDERER_URL`), when running `npm run dev`. */
  devUrl?: string;
  /** The packaged renderer's index.html. */
  file: string;
}

export function isOwnRendererUrl(raw: string, location: RendererLocation): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (location.devUrl) {
    let dev: URL;
    try {
      dev = new URL(location.devUrl);
    } catch {
      return false;
    }
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === dev.origin;
  }
  const own = pathToFileURL(location.file);
  return url.protocol === 'file:' && url.host === '' && url.pathname === own.pathname;
}

interface FrameLike {
  url: string;
}
interface SenderEvent {
  sender: unknown;
  senderFrame: FrameLike | null;
}
interface WindowLike {
  webContents: { mainFrame: FrameLike };
}

export function senderOf(event: SenderEvent, window: WindowLike | null, location: RendererLocation): Sender {
  if (!window || event.sender !== window.webContents) return { trusted: false, reason: 'not the Klientdesk window' };
  const frame = event.senderFrame;
  if (!frame || frame !== window.webContents.mainFrame) return { trusted: false, reason: 'not the top frame' };
  return isOwnRendererUrl(frame.url, location) ? { trusted: true } : { trusted: false, reason: 'unexpected page' };
}
