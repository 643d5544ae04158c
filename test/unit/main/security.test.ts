// Main's deny-by-default rules, run against the Electron fake. Each guard is also shown on contents that did
// not get it, where the same attempt goes through: the guard is what stops it.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { app, FakeWebContents, fakeEvent, resetElectronFake, session, shell } from './electron-fake';

vi.mock('electron', () => import('./electron-fake'));

const { guardAllWebContents, hardenSessions } = await import('../../../electron/main/security');

beforeEach(() => {
  resetElectronFake();
  delete process.env.ELECTRON_RENDERER_URL;
});

function guardedContents(): FakeWebContents {
  guardAllWebContents();
  const contents = new FakeWebContents();
  app.emit('web-contents-created', fakeEvent(), contents);
  return contents;
}

describe('navigation guards', () => {
  const attempts = ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview'];

  it('stops every navigation, frame navigation, redirect and webview of every web contents', () => {
    const contents = guardedContents();
    for (const name of attempts) expect(contents.attempt(name, 'https://evil.example/'), name).toBe(true);
  });

  it('without the guard the same attempts go through (the control)', () => {
    const unguarded = new FakeWebContents();
    for (const name of attempts) expect(unguarded.attempt(name, 'https://evil.example/'), name).toBe(false);
  });

  it('an iframe navigating is stopped, not only the top frame', () => {
    const contents = guardedContents();
    const event = fakeEvent();
    contents.emit('will-frame-navigate', event, { url: 'https://evil.example/', isMainFrame: false });
    expect(event.defaultPrevented).toBe(true);
  });
});

describe('window.open', () => {
  it('never opens a window; only plain https links go to the system browser', () => {
    const contents = guardedContents();
    const open = (url: string) => contents.windowOpenHandler!({ url });
    expect(open('https://www.altinn.no/')).toEqual({ action: 'deny' });
    for (const url of ['http://example.com/', 'javascript:alert(1)', 'file:///etc/passwd', 'https://user:pw@evil.example/', 'not a url']) {
      expect(open(url)).toEqual({ action: 'deny' });
    }
    expect(shell.opened).toEqual(['https://www.altinn.no/']);
  });
});

describe('session hardening', () => {
  it('grants the clipboard write and refuses every other permission, asked or checked', () => {
    hardenSessions();
    const ses = session.defaultSession;
    const ask = (permission: string): boolean => {
      let granted: boolean | undefined;
      ses.permissionRequest!(null, permission, (g) => (granted = g));
      return granted!;
    };
    expect(ask('clipboard-sanitized-write')).toBe(true);
    for (const p of ['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'hid', 'serial']) {
      expect(ask(p), p).toBe(false);
      expect(ses.permissionCheck!(null, p), p).toBe(false);
    }
    expect(ses.permissionCheck!(null, 'clipboard-sanitized-write')).toBe(true);
  });

  it('adds the strict CSP to every response, with no inline script outside the dev server', () => {
    hardenSessions();
    let headers: Record<string, string[]> = {};
    session.defaultSession.headersListener!({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers['X-Other']).toEqual(['1']);
    const csp = headers['Content-Security-Policy']![0]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);

    resetElectronFake();
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    hardenSessions();
    session.defaultSession.headersListener!({}, (r) => (headers = r.responseHeaders));
    expect(headers['Content-Security-Policy']![0]).toContain("script-src 'self' 'unsafe-inline'");
  });
});
