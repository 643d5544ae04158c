// Main's native batch-file dialogs, against the Electron fake: what the person picks becomes the path the
// core streams to or from, and a cancel or an unusable answer becomes null.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { BrowserWindow, dialog, resetElectronFake } from './electron-fake';

vi.mock('electron', () => import('./electron-fake'));

const { nativeBatchFileDialogs } = await import('../../../electron/main/file-dialogs');

beforeEach(() => resetElectronFake());

describe('batch file dialogs', () => {
  it('saves where the person chose, owned by the window, offering the suggested name and .json only', async () => {
    const window = new BrowserWindow({});
    dialog.next = { canceled: false, path: '/home/kari/bunker/plan.json' };
    const dialogs = nativeBatchFileDialogs(() => window as never);
    expect(await dialogs.chooseSavePath('klientdesk-hele-2026-03-04.json')).toBe('/home/kari/bunker/plan.json');
    expect(dialog.shown).toHaveLength(1);
    expect(dialog.shown[0]!.kind).toBe('save');
    expect(dialog.shown[0]!.owner).toBe(window);
    expect(dialog.shown[0]!.options).toMatchObject({
      defaultPath: 'klientdesk-hele-2026-03-04.json',
      filters: [{ extensions: ['json'] }],
    });
  });

  it('adds .json to a name typed without it, so the contract’s path rule holds', async () => {
    dialog.next = { canceled: false, path: '/home/kari/plan' };
    expect(await nativeBatchFileDialogs(() => null).chooseSavePath('x.json')).toBe('/home/kari/plan.json');
  });

  it('answers null when the person cancels either dialog', async () => {
    dialog.next = { canceled: true, path: '/home/kari/plan.json' };
    const dialogs = nativeBatchFileDialogs(() => null);
    expect(await dialogs.chooseSavePath('x.json')).toBeNull();
    expect(await dialogs.chooseOpenPath()).toBeNull();
    expect(dialog.shown.map((d) => d.kind)).toEqual(['save', 'open']);
  });

  it('opens the one file picked, and refuses a relative answer', async () => {
    dialog.next = { canceled: false, path: 'C:\\Users\\kari\\plan.json' };
    const dialogs = nativeBatchFileDialogs(() => null);
    // A Windows path is not absolute on this POSIX test machine: refused rather than resolved somewhere else.
    expect(await dialogs.chooseOpenPath()).toBe(process.platform === 'win32' ? 'C:\\Users\\kari\\plan.json' : null);
    dialog.next = { canceled: false, path: '/home/kari/plan.json' };
    expect(await dialogs.chooseOpenPath()).toBe('/home/kari/plan.json');
    expect(dialog.shown[1]!.options).toMatchObject({ properties: ['openFile'] });
  });
});
