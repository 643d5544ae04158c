// How an exchange is written out for people: a short path for the diagram, readable bodies for the list.

const MAX_SHORT_PATH = 28;
// Bodies are already redacted by main; this only keeps a long HTML page from swamping the view.
const MAX_BODY_CHARS = 6_000;

export function pathOf(url: string): string {
  try {
    const u = new URL(url);
    return u.pathname + u.search;
  } catch {
    return url;
  }
}

/** The path without its query, its last two segments when it is long. */
export function shortPath(url: string): string {
  const path = pathOf(url).split('?')[0]!;
  if (path.length <= MAX_SHORT_PATH) return path;
  return `…/${path.split('/').filter(Boolean).slice(-2).join('/')}`;
}

/** JSON indented; form bodies one field a line; anything else as it came. */
export function readableBody(body: string): string {
  const text = body.trim();
  try {
    return clip(JSON.stringify(JSON.parse(text), null, 2));
  } catch {
    if (/^[\w.%~-]+=[^&\s]*(&[\w.%~-]+=[^&\s]*)+$/.test(text)) return clip(text.split('&').map(decodeField).join('\n'));
    return clip(text);
  }
}

function decodeField(pair: string): string {
  try {
    return decodeURIComponent(pair.replace(/\+/g, ' '));
  } catch {
    return pair;
  }
}

function clip(text: string): string {
  return text.length > MAX_BODY_CHARS ? `${text.slice(0, MAX_BODY_CHARS)}\n… (${text.length - MAX_BODY_CHARS} more characters)` : text;
}
