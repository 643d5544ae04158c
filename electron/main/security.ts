// Deny-by-default rules applied to every web contents the app ever creates.
import { app, session, shell, type WebContents } from 'electron';
import { isSafeExternalUrl } from '../features/app/safe-url';
import { CONTENT_SECURITY_POLICY } from '../platform/csp';

export function hardenSessions(): void {
  const ses = session.defaultSession;
  // Writing to the clipboard (copy a public JWK, a correlation id) is the one thing the page may ask for.
  const allowed = new Set(['clipboard-sanitized-write']);
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(allowed.has(permission)));
  ses.setPermissionCheckHandler((_wc, permission) => allowed.has(permission));
  // `npm run dev` serves the renderer from Vite, whose Fast Refresh preamble is an inline script; only then is
  // that allowed. Built apps load the file with the strict policy in its <meta> and in this header.
  const policy = process.env.ELECTRON_RENDERER_URL
    ? CONTENT_SECURITY_POLICY.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace(
        "connect-src 'self'",
        "connect-src 'self' ws:",
      )
    : CONTENT_SECURITY_POLICY;
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] } });
  });
}

function guard(contents: WebContents): void {
  // The renderer is a single page: any navigation is either a bug or an attack. will-navigate covers the top
  // frame only; will-frame-navigate covers every frame, an injected iframe's included.
  contents.on('will-navigate', (event) => event.preventDefault());
  contents.on('will-frame-navigate', (event) => event.preventDefault());
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guard(contents));
}
