// Remembers where the window was, so it opens where the user left it (within a visible display).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, type BrowserWindow, type Rectangle } from 'electron';

interface WindowState {
  bounds: Rectangle;
  maximized: boolean;
}

const DEFAULT: WindowState = { bounds: { x: 0, y: 0, width: 1360, height: 860 }, maximized: false };

export function loadWindowState(dir: string): WindowState {
  try {
    const state = JSON.parse(readFileSync(join(dir, 'window-state.json'), 'utf8')) as WindowState;
    const visible = screen.getAllDisplays().some((d) => {
      const a = d.workArea;
      return (
        state.bounds.x < a.x + a.width &&
        state.bounds.x + state.bounds.width > a.x &&
        state.bounds.y < a.y + a.height &&
        state.bounds.y + state.bounds.height > a.y
      );
    });
    return visible ? state : DEFAULT;
  } catch {
    return DEFAULT;
  }
}

export function trackWindowState(dir: string, win: BrowserWindow): void {
  const save = (): void => {
    const state: WindowState = { bounds: win.getNormalBounds(), maximized: win.isMaximized() };
    try {
      writeFileSync(join(dir, 'window-state.json'), JSON.stringify(state), { mode: 0o600 });
    } catch {
      // Losing the window position is not worth interrupting anyone for.
    }
  };
  win.on('close', save);
}
