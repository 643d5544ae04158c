import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformDataDir, resolveDataDir } from '../../../electron/platform/data-dir';

describe('the data folder', () => {
  it('defaults to where Electron keeps the app’s data, so the browser host opens the same data', () => {
    expect(platformDataDir('linux', {})).toBe(join(homedir(), '.config', 'Klientdesk'));
    expect(platformDataDir('linux', { XDG_CONFIG_HOME: '/x/cfg' })).toBe(join('/x/cfg', 'Klientdesk'));
    expect(platformDataDir('darwin', {})).toBe(join(homedir(), 'Library', 'Application Support', 'Klientdesk'));
    expect(platformDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' })).toBe(
      join('C:\\Users\\a\\AppData\\Roaming', 'Klientdesk'),
    );
  });

  it('takes --data-dir first, then KLIENTDESK_DATA_DIR', () => {
    expect(resolveDataDir(['--data-dir', 'a'], { KLIENTDESK_DATA_DIR: 'b' })).toBe(resolve('a'));
    expect(resolveDataDir(['--data-dir=c'], {})).toBe(resolve('c'));
    expect(resolveDataDir([], { KLIENTDESK_DATA_DIR: 'b' })).toBe(resolve('b'));
    expect(resolveDataDir([], {}, '/fallback')).toBe('/fallback');
  });
});
