// The IPC sender check: only the top frame of our window, showing exactly our page.
import { describe, expect, it, vi } from 'vitest';
import { FakeFrame, FakeWebContents } from './electron-fake';

vi.mock('electron', () => import('./electron-fake'));

const { isOwnRendererUrl, senderOf } = await import('../../../electron/main/sender');

const FILE = '/opt/Klientdesk/resources/app.asar/out/renderer/index.html';
const packaged = { file: FILE };
const dev = { devUrl: 'http://localhost:5173', file: FILE };

describe('the renderer URL check', () => {
  it('accepts exactly the packaged file, with or without a fragment or query', () => {
    expect(isOwnRendererUrl(`file://${FILE}`, packaged)).toBe(true);
    expect(isOwnRendererUrl(`file://${FILE}#/settings`, packaged)).toBe(true);
  });

  it('refuses any other file named renderer/index.html, and other schemes', () => {
    for (const url of [
      'file:///tmp/evil/renderer/index.html',
      `file://${FILE}/../../../../tmp/renderer/index.html`,
      `file://remote-host${FILE}`,
      `http://localhost/${FILE}`,
      'about:blank',
      'not a url',
    ]) {
      expect(isOwnRendererUrl(url, packaged), url).toBe(false);
    }
  });

  it('compares the dev server by parsed origin, where a prefix test would be fooled', () => {
    const evil = 'http://localhost:5173.evil.example/';
    // The control: the old startsWith check lets it through.
    expect(evil.startsWith(dev.devUrl)).toBe(true);
    expect(isOwnRendererUrl(evil, dev)).toBe(false);
    for (const url of [
      'http://localhost:51730/',
      'https://localhost:5173/',
      'http://127.0.0.1:5173/',
      'http://user@localhost:5173.evil/',
      `file://${FILE}`,
    ]) {
      expect(isOwnRendererUrl(url, dev), url).toBe(false);
    }
    expect(isOwnRendererUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isOwnRendererUrl('http://localhost:5173/src/main.tsx?x=1#y', dev)).toBe(true);
  });
});

describe('the IPC sender', () => {
  const ownWindow = () => {
    const webContents = new FakeWebContents(`file://${FILE}`);
    return { webContents };
  };

  it('trusts the top frame of our window on our page', () => {
    const win = ownWindow();
    expect(senderOf({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, win, packaged)).toEqual({ trusted: true });
  });

  it('refuses another web contents, a subframe, a navigated page, and calls with no window', () => {
    const win = ownWindow();
    const other = new FakeWebContents(`file://${FILE}`);
    expect(senderOf({ sender: other, senderFrame: other.mainFrame }, win, packaged).trusted).toBe(false);
    expect(senderOf({ sender: win.webContents, senderFrame: new FakeFrame(`file://${FILE}`) }, win, packaged).trusted).toBe(false);
    expect(senderOf({ sender: win.webContents, senderFrame: null }, win, packaged).trusted).toBe(false);
    win.webContents.mainFrame.url = 'file:///tmp/evil/renderer/index.html';
    expect(senderOf({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, win, packaged)).toEqual({
      trusted: false,
      reason: 'unexpected page',
    });
    expect(senderOf({ sender: win.webContents, senderFrame: win.webContents.mainFrame }, null, packaged).trusted).toBe(false);
  });
});
