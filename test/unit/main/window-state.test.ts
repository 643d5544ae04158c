// Where the window opens: where the person left it, unless that place is on no display any more.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { useTempDirs } from '../../helpers/temp-dir';
import { BrowserWindow, resetElectronFake, screen } from './electron-fake';

vi.mock('electron', () => import('./electron-fake'));

const { loadWindowState, trackWindowState } = await import('../../../electron/main/window-state');

const temp = useTempDirs();
const DEFAULT = { bounds: { x: 0, y: 0, width: 1360, height: 860 }, maximized: false };
const save = (dir: string, state: unknown) => writeFileSync(join(dir, 'window-state.json'), JSON.stringify(state));

beforeEach(() => resetElectronFake());

describe('the window state', () => {
  it('opens at the default place the first time, and after a damaged file', () => {
    const dir = temp.make('window');
    expect(loadWindowState(dir)).toEqual(DEFAULT);
    writeFileSync(join(dir, 'window-state.json'), '{ not json');
    expect(loadWindowState(dir)).toEqual(DEFAULT);
  });

  it('opens where it was left while that place is on a display, and at the default once it is not', () => {
    const dir = temp.make('window');
    const left = { bounds: { x: 2000, y: 100, width: 1200, height: 800 }, maximized: true };
    save(dir, left);
    expect(loadWindowState(dir)).toEqual(DEFAULT);
    screen.displays = [...screen.displays, { workArea: { x: 1920, y: 0, width: 2560, height: 1440 } }];
    expect(loadWindowState(dir)).toEqual(left);
    // Just touching a display's edge is not visible.
    save(dir, { bounds: { x: -1200, y: 0, width: 1200, height: 800 }, maximized: false });
    expect(loadWindowState(dir)).toEqual(DEFAULT);
  });

  it('saves the normal bounds and the maximised flag when the window closes, readable by the owner only', () => {
    const dir = temp.make('window');
    const win = new BrowserWindow();
    trackWindowState(dir, win as never);
    win.normalBounds = { x: 40, y: 30, width: 1280, height: 720 };
    win.maximized = true;
    win.emit('close');
    const file = join(dir, 'window-state.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ bounds: { x: 40, y: 30, width: 1280, height: 720 }, maximized: true });
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(loadWindowState(dir)).toEqual({ bounds: { x: 40, y: 30, width: 1280, height: 720 }, maximized: true });
  });

  it('closes quietly when the position cannot be written', () => {
    const win = new BrowserWindow();
    trackWindowState(join(temp.make('window'), 'gone', 'deeper'), win as never);
    expect(() => win.emit('close')).not.toThrow();
  });
});
