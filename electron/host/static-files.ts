// The built renderer's files, for GET requests outside /api/: only what lies inside the web root, and the app
// shell for any other path (client-side routes).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { sendJson } from './respond';

/** Content types by extension; the start-up bench's baseline server serves the renderer with the same. */
export const MIME: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/** `webRoot` is an absolute, normalised path. */
export async function serveStatic(webRoot: string, pathname: string, res: ServerResponse): Promise<void> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return sendJson(res, 400, { error: 'The address is not valid.' });
  }
  const candidate = normalize(join(webRoot, decoded));
  const inside = candidate === webRoot || candidate.startsWith(webRoot + sep);
  let file = inside ? candidate : join(webRoot, 'index.html');
  try {
    const s = await stat(file);
    if (s.isDirectory()) file = join(file, 'index.html');
  } catch {
    // Client-side routes fall back to the app shell.
    file = join(webRoot, 'index.html');
  }
  try {
    await stat(file);
  } catch {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The renderer is not built. Run `npm run build:web` first.');
    return;
  }
  res.writeHead(200, { 'Content-Type': MIME[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
  createReadStream(file).pipe(res);
}
