// Electron main's lifecycle against the Electron fake, with the core replaced by a stand-in: the one window
// is sandboxed and isolated, IPC goes through the sender check, events and the menu follow the core, a second
// instance only focuses the first, and a database that cannot be opened is explained (and restored) in a dialog.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_EVENT, IPC_INVOKE } from '../../../shared/contract/bridge';
import { useTempDirs } from '../../helpers/temp-dir';

vi.mock('electron', () => import('./electron-fake'));

/** What the stand-in core was asked and what it answers; each test sets `startFails` or the language. */
const fake = vi.hoisted(() => ({
  language: 'nb' as 'nb' | 'en',
  startFails: null as Error | null,
  /** The environment's start, after the store opened and the window is up. */
  laterStartFails: null as Error | null,
  startedAfterWindow: 0,
  options: null as Record<string, unknown> | null,
  listeners: [] as ((name: string, payload: unknown) => void)[],
  dispatched: [] as unknown[][],
  closed: 0,
  restored: [] as string[][],
}));

vi.mock('../../../electron/app/create-core', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  openCore: (options: Record<string, unknown>) => {
    fake.options = options;
    if (fake.startFails) throw fake.startFails;
    return {
      handlers: {},
      start: async () => undefined,
      startAfterFirstScreen: async () => {
        // How many windows were open when the start began: the window comes first.
        fake.startedAfterWindow = E.BrowserWindow.instances.length;
        if (fake.laterStartFails) throw fake.laterStartFails;
      },
      settings: { get: () => ({ language: fake.language }) },
      bus: { subscribe: (listener: (name: string, payload: unknown) => void) => fake.listeners.push(listener) },
      close: async () => void fake.closed++,
    };
  },
}));
vi.mock('../../../electron/platform/ipc/dispatch', () => ({
  createDispatcher:
    () =>
    (...args: unknown[]) =>
      fake.dispatched.push(args),
}));
vi.mock('../../../electron/platform/store/database', async (importOriginal) => ({
  ...(await importOriginal<object>()),
  restoreBackup: (...args: string[]) => fake.restored.push(args),
}));

const temp = useTempDirs();
let dataDir = '';
// Main is imported fresh in each test, and with it the fake and the error classes: these are the instances it sees.
let E: typeof import('./electron-fake');
let AppError: typeof import('../../../shared/errors').AppError;
const calls = { quit: 0, exit: [] as (number | undefined)[], relaunch: 0 };

beforeEach(async () => {
  vi.resetModules();
  // The mocked `electron` outlives resetModules: read the fake through it, as main does.
  E = (await import('electron')) as unknown as typeof import('./electron-fake');
  ({ AppError } = await import('../../../shared/errors'));
  E.resetElectronFake();
  const { app } = E;
  Object.assign(fake, {
    language: 'nb',
    startFails: null,
    laterStartFails: null,
    startedAfterWindow: 0,
    options: null,
    listeners: [],
    dispatched: [],
    closed: 0,
    restored: [],
  });
  Object.assign(calls, { quit: 0, exit: [], relaunch: 0 });
  app.quit = () => void calls.quit++;
  app.exit = (code?: number) => void calls.exit.push(code);
  app.relaunch = () => void calls.relaunch++;
  dataDir = temp.make('main');
  vi.stubEnv('KLIENTDESK_DATA_DIR', dataDir);
  vi.stubEnv('ELECTRON_RENDERER_URL', '');
});
afterEach(() => {
  // Releases the data folder lock main took, as quitting the app does.
  E.app.emit('will-quit');
  vi.unstubAllEnvs();
});

async function startMain(): Promise<void> {
  await import('../../../electron/main/index');
  await vi.waitFor(() => expect(E.BrowserWindow.instances.length + calls.exit.length).toBeGreaterThan(0));
}

const window = () => E.BrowserWindow.instances.at(-1)!;

describe('Electron main', () => {
  it('opens one sandboxed, isolated window on our own page, with the menu in the chosen language', async () => {
    await startMain();
    expect(E.BrowserWindow.instances).toHaveLength(1);
    const options = window().options as { webPreferences: Record<string, unknown>; show: boolean };
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String(options.webPreferences.preload)).toMatch(/preload[\\/]index\.cjs$/);
    expect(options.show).toBe(false);
    expect(window().webContents.mainFrame.url).toMatch(/^file:\/\/.*renderer[\\/]index\.html$/);
    window().emit('ready-to-show');
    expect(window().shown).toBe(true);
    expect(fake.options).toMatchObject({ dataDir, mode: 'electron', version: '0.0.0-fake' });
    // The environment starts after the window is there, so its first screen does not wait for it.
    expect(fake.startedAfterWindow).toBe(1);
    expect((E.Menu.set.at(-1) as { label?: string }[])[0]!.label).toBe('Fil');
    // The data folder is locked against a browser host or a second app on it.
    const { lockDataFolder } = await import('../../../electron/platform/store/data-folder-lock');
    expect(() => lockDataFolder(dataDir, 'a second app')).toThrow(/in use/);
  });

  it('hands IPC calls to the dispatcher with the sender check: our window is trusted, another page is not', async () => {
    await startMain();
    const handler = E.ipcMain.handlers.get(IPC_INVOKE)!;
    const own = window().webContents;
    handler({ sender: own, senderFrame: own.mainFrame }, 'app.info', { a: 1 });
    const stranger = new E.FakeWebContents('https://evil.example/');
    handler({ sender: stranger, senderFrame: stranger.mainFrame }, 'app.info', {});
    expect(fake.dispatched).toEqual([
      ['app.info', { a: 1 }, { trusted: true }, { transport: 'ipc' }],
      ['app.info', {}, expect.objectContaining({ trusted: false }), { transport: 'ipc' }],
    ]);
  });

  it("sends the core's events to the window and rebuilds the menu when the language changes", async () => {
    await startMain();
    const [listener] = fake.listeners;
    listener!('batches.progress', { id: 'b1' });
    expect(window().webContents.sent).toEqual([[IPC_EVENT, 'batches.progress', { id: 'b1' }]]);
    const menus = E.Menu.set.length;
    listener!('app.status', {});
    expect(E.Menu.set.length).toBe(menus);
    fake.language = 'en';
    listener!('app.status', {});
    expect(E.Menu.set.length).toBe(menus + 1);
    expect((E.Menu.set.at(-1) as { label?: string }[])[0]!.label).toBe('File');
  });

  it('focuses the open window for a second instance, and opens a new one on activate after it closed', async () => {
    await startMain();
    const first = window();
    first.minimized = true;
    E.app.emit('second-instance');
    expect(first.minimized).toBe(false);
    expect(first.focused).toBe(true);
    first.emit('closed');
    E.app.emit('activate');
    expect(E.BrowserWindow.instances).toHaveLength(2);
    E.app.emit('window-all-closed');
    expect(calls.quit).toBe(process.platform === 'darwin' ? 0 : 1);
  });

  it('closes the core when the app quits', async () => {
    await startMain();
    E.app.emit('will-quit');
    await vi.waitFor(() => expect(fake.closed).toBe(1));
  });

  it('quits at once when another instance holds the lock', async () => {
    E.app.requestSingleInstanceLock = () => false;
    try {
      await import('../../../electron/main/index');
      expect(calls.quit).toBe(1);
      expect(E.ipcMain.handlers.size).toBe(0);
    } finally {
      E.app.requestSingleInstanceLock = () => true;
    }
  });

  it('offers to restore the latest backup of a damaged database, restores it and relaunches', async () => {
    fake.startFails = new AppError('DB_CORRUPT', 'The database is damaged.', { backups: ['/b/1.db', '/b/2.db'] });
    const shown: Record<string, unknown>[] = [];
    E.dialog.showMessageBox = (options?: unknown) => (shown.push(options as Record<string, unknown>), Promise.resolve({ response: 0 }));
    await startMain();
    expect(shown[0]).toMatchObject({ message: 'The database is damaged.', buttons: ['Restore the latest backup', 'Quit'], cancelId: 1 });
    expect(fake.restored).toEqual([[join(dataDir, 'klientdesk.db'), '/b/2.db']]);
    expect(calls.relaunch).toBe(1);
    expect(calls.exit).toEqual([0]);
  });

  it('explains a feature that could not start after the window opened, closes the core and quits with an error', async () => {
    fake.laterStartFails = new Error('The batch runner could not resume.');
    const shown: Record<string, unknown>[] = [];
    E.dialog.showMessageBox = (options?: unknown) => (shown.push(options as Record<string, unknown>), Promise.resolve({ response: 0 }));
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await startMain();
    await vi.waitFor(() => expect(calls.exit).toEqual([1]));
    expect(shown[0]).toMatchObject({ type: 'error', message: 'The batch runner could not resume.', buttons: ['Quit'] });
    expect(fake.closed).toBe(1);
  });

  it('explains a database it cannot open and quits with an error when there is nothing to restore', async () => {
    fake.startFails = new AppError('DB_TOO_NEW', 'Made by a newer Klientdesk.');
    const shown: Record<string, unknown>[] = [];
    E.dialog.showMessageBox = (options?: unknown) => (shown.push(options as Record<string, unknown>), Promise.resolve({ response: 0 }));
    await startMain();
    expect(shown[0]).toMatchObject({ message: 'Made by a newer Klientdesk.', buttons: ['Quit'] });
    expect(fake.restored).toEqual([]);
    expect(calls.exit).toEqual([1]);
  });
});
