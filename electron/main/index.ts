// The Electron main process: lifecycle, the one window, and IPC registration. Everything else lives in core.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, safeStorage, shell } from 'electron';
import { AppError } from '../../shared/errors';
import { DB_FILE_NAME, restoreBackup } from '../platform/store/database';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/contract/bridge';
import { openApp, type AssembledApp } from '../app/assemble';
import { isSafeExternalUrl } from '../features/app/safe-url';
import { resolveDataDir } from '../platform/data-dir';
import { startDemoWorld } from '../demo';
import { nativeBatchFileDialogs } from './file-dialogs';
import { keyProtection } from './key-protection';
import { buildMenu } from './menu';
import { guardAllWebContents, hardenSessions } from './security';
import { senderOf } from './sender';
import { loadWindowState, trackWindowState } from './window-state';
import { useClientListWorker } from '../services/altinn/client-list-parser';

let mainWindow: BrowserWindow | null = null;
let assembled: AssembledApp | null = null;

const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(__dirname, '../renderer/index.html');

function createWindow(dataDir: string): BrowserWindow {
  const state = loadWindowState(dataDir);
  const win = new BrowserWindow({
    ...state.bounds,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'Klientdesk',
    icon: join(__dirname, '../renderer/icon.png'),
    backgroundColor: '#f5f7fa',
    webPreferences: {
      preload: join(__dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  trackWindowState(dataDir, win);
  win.once('ready-to-show', () => win.show());
  if (rendererUrl) void win.loadURL(rendererUrl);
  else void win.loadFile(rendererFile);
  return win;
}

async function start(): Promise<void> {
  hardenSessions();
  useClientListWorker(join(__dirname, 'client-list-worker.js'));
  const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
  // The single-instance lock covers this app's own user folder; the assembly's data-folder lock covers it
  // against a browser host or a second app started with --data-dir on the same folder. Kept referenced for the
  // process's life: the lock is released when its connection closes.
  assembled = openApp({
    holder: 'the Klientdesk app',
    commandLine: { argv: process.argv, env: process.env },
    dataDir,
    mode: 'electron',
    version: app.getVersion(),
    protector: keyProtection(safeStorage, process.platform, dataDir, process.env),
    openExternal: async (url) => {
      if (isSafeExternalUrl(url)) await shell.openExternal(url);
    },
    batchFileDialogs: nativeBatchFileDialogs(() => mainWindow),
    // `npm start -- --world URL` points Demo at a standalone world; otherwise one starts in-process on demand.
    startEmbeddedWorld: () =>
      startDemoWorld({
        port: 0,
        stateFile: join(dataDir, 'demo-world.json'),
        quiet: true,
        // Without --world, KLIENTDESK_WORLD_SECRET is the embedded world's admin secret (tests set its faults).
        adminSecret: process.env.KLIENTDESK_WORLD_SECRET || undefined,
      }),
    onInternalError: (channel, error) => console.error(`[main] ${channel} failed:`, error instanceof Error ? error.message : error),
  });
  const { core, dispatch } = assembled;
  ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) =>
    dispatch(channel, input, senderOf(event, mainWindow, { devUrl: rendererUrl, file: rendererFile }), { transport: 'ipc' }),
  );
  let menuLanguage = core.settings.get().language;
  Menu.setApplicationMenu(buildMenu(menuLanguage));
  core.bus.subscribe((name, payload) => {
    mainWindow?.webContents.send(IPC_EVENT, name, payload);
    // The menu follows the language chosen in Settings.
    const language = core.settings.get().language;
    if (name === 'app.status' && language && language !== menuLanguage) {
      menuLanguage = language;
      Menu.setApplicationMenu(buildMenu(language));
    }
  });
  mainWindow = createWindow(dataDir);
  mainWindow.on('closed', () => (mainWindow = null));
  // The window's first screen reads only the store; the environment and the features start after it.
  core.startAfterFirstScreen().catch((error: unknown) => void quitBecause(error));
}

/** A feature that could not start: the app cannot run, so it says why and quits. */
async function quitBecause(error: unknown): Promise<void> {
  console.error('Klientdesk could not start:', error);
  await dialog.showMessageBox({
    type: 'error',
    title: 'Klientdesk',
    message: error instanceof Error ? error.message : String(error),
    buttons: ['Quit'],
  });
  await assembled?.close().catch(() => undefined);
  app.exit(1);
}

/** A damaged or too-new database is explained in a dialog; a damaged one can be replaced by its latest backup. */
async function startOrExplain(): Promise<void> {
  try {
    await start();
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const backups = (error.details?.backups as string[] | undefined) ?? [];
    const canRestore = error.code === 'DB_CORRUPT' && backups.length > 0;
    const choice = await dialog.showMessageBox({
      type: 'error',
      title: 'Klientdesk',
      message: error.message,
      detail: canRestore ? `The latest backup is ${backups[backups.length - 1]}.` : undefined,
      buttons: canRestore ? ['Restore the latest backup', 'Quit'] : ['Quit'],
      defaultId: 0,
      cancelId: canRestore ? 1 : 0,
    });
    if (canRestore && choice.response === 0) {
      const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'));
      restoreBackup(join(dataDir, DB_FILE_NAME), backups[backups.length - 1]!);
      app.relaunch();
    }
    app.exit(canRestore ? 0 : 1);
  }
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  guardAllWebContents();
  app.whenReady().then(startOrExplain, (error: unknown) => {
    console.error('Klientdesk could not start:', error);
    app.exit(1);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (!mainWindow && assembled) mainWindow = createWindow(resolveDataDir(process.argv, process.env, app.getPath('userData')));
  });
  app.on('will-quit', () => {
    void assembled?.close();
  });
}
