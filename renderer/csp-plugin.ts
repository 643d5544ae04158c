// Puts the app's Content-Security-Policy into the built index.html. Only at build time: Vite's dev server
// (with React Fast Refresh) needs an inline preamble script, which the production policy rightly forbids.
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from '../electron/platform/csp.ts';

export function contentSecurityPolicy(): Plugin {
  return {
    name: 'klientdesk-csp',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}
