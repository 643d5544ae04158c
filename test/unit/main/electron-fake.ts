// A stand-in for the `electron` module, enough to run main's guards, the sender check and the preload in
// Vitest: `vi.mock('electron', () => import('./electron-fake'))`. Each part records what the code under test
// did with it, and `resetElectronFake()` gives every test a fresh set.
import { EventEmitter } from 'node:events';

export interface FakeEvent {
  defaultPrevented: boolean;
  preventDefault(): void;
}
export const fakeEvent = (): FakeEvent => ({
  defaultPrevented: false,
  preventDefault() {
    this.defaultPrevented = true;
  },
});

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeFrame {
  constructor(public url: string) {}
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame;
  windowOpenHandler: WindowOpenHandler | null = null;
  readonly sent: unknown[][] = [];
  constructor(url = 'file:///app/out/renderer/index.html') {
    super();
    this.mainFrame = new FakeFrame(url);
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler;
  }
  send(...args: unknown[]): void {
    this.sent.push(args);
  }
  /** Emits a navigation-like event the way Electron does and tells whether a listener prevented it. */
  attempt(name: string, url: string): boolean {
    const event = fakeEvent();
    this.emit(name, event, url);
    return event.defaultPrevented;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  /** What the window-state code reads and main's lifecycle changes. */
  normalBounds = { x: 10, y: 20, width: 1300, height: 800 };
  maximized = false;
  minimized = false;
  shown = false;
  focused = false;
  constructor(readonly options: unknown = {}) {
    super();
    BrowserWindow.instances.push(this);
  }
  getNormalBounds() {
    return { ...this.normalBounds };
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  focus(): void {
    this.focused = true;
  }
  show(): void {
    this.shown = true;
  }
  loadURL(url: string): Promise<void> {
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  loadFile(file: string): Promise<void> {
    this.webContents.mainFrame.url = `file://${file}`;
    return Promise.resolve();
  }
}

type PermissionRequest = (wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
type PermissionCheck = (wc: unknown, permission: string) => boolean;
type HeadersListener = (
  details: { responseHeaders?: Record<string, string[]> },
  callback: (r: { responseHeaders: Record<string, string[]> }) => void,
) => void;

function makeSession() {
  return {
    permissionRequest: null as PermissionRequest | null,
    permissionCheck: null as PermissionCheck | null,
    headersListener: null as HeadersListener | null,
    setPermissionRequestHandler(handler: PermissionRequest) {
      this.permissionRequest = handler;
    },
    setPermissionCheckHandler(handler: PermissionCheck) {
      this.permissionCheck = handler;
    },
    webRequest: {
      onHeadersReceived: (listener: HeadersListener) => {
        session.defaultSession.headersListener = listener;
      },
    },
  };
}

function makeApp() {
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    isPackaged: false,
    // Never created: main is always given a data folder in the tests (KLIENTDESK_DATA_DIR or --data-dir).
    getPath: (_name: string) => '/nonexistent/kd-electron-fake-userdata',
    getVersion: () => '0.0.0-fake',
    whenReady: () => Promise.resolve(),
    requestSingleInstanceLock: (): boolean => true,
    quit: () => undefined,
    exit: (_code?: number) => undefined,
    relaunch: () => undefined,
  });
}

function makeSafeStorage() {
  return {
    available: true,
    backend: 'gnome_libsecret' as string,
    isEncryptionAvailable() {
      return this.available;
    },
    getSelectedStorageBackend() {
      return this.backend;
    },
    encryptString(text: string) {
      return Buffer.from(text, 'utf8').map((b) => b ^ 0x5a);
    },
    decryptString(sealed: Buffer) {
      return Buffer.from(sealed.map((b) => b ^ 0x5a)).toString('utf8');
    },
  };
}

function makeIpcRenderer() {
  const emitter = new EventEmitter();
  return Object.assign(emitter, {
    invocations: [] as unknown[][],
    invoke(...args: unknown[]) {
      this.invocations.push(args);
      return Promise.resolve({ ok: true, value: args });
    },
  });
}

export const app = makeApp();
export const session = { defaultSession: makeSession() };
export const shell = { opened: [] as string[], openExternal: (url: string) => (shell.opened.push(url), Promise.resolve()) };
export const safeStorage = makeSafeStorage();
export const ipcMain = {
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  handle(channel: string, handler: (...args: unknown[]) => unknown) {
    this.handlers.set(channel, handler);
  },
};
export const contextBridge = {
  exposed: new Map<string, unknown>(),
  exposeInMainWorld(key: string, api: unknown) {
    this.exposed.set(key, api);
  },
};
export const ipcRenderer = makeIpcRenderer();
/** What the person does in the next save or open dialog; `shown` records each dialog's owner and options. */
export const dialog = {
  next: { canceled: false, path: '' as string | undefined },
  shown: [] as { kind: 'save' | 'open'; owner: unknown; options: Record<string, unknown> }[],
  showMessageBox: () => Promise.resolve({ response: 0 }),
  showSaveDialog(...args: unknown[]) {
    const [owner, options] = args.length > 1 ? args : [null, args[0]];
    dialog.shown.push({ kind: 'save', owner, options: options as Record<string, unknown> });
    return Promise.resolve({ canceled: dialog.next.canceled, filePath: dialog.next.canceled ? '' : dialog.next.path });
  },
  showOpenDialog(...args: unknown[]) {
    const [owner, options] = args.length > 1 ? args : [null, args[0]];
    dialog.shown.push({ kind: 'open', owner, options: options as Record<string, unknown> });
    const path = dialog.next.path;
    return Promise.resolve({ canceled: dialog.next.canceled, filePaths: dialog.next.canceled || !path ? [] : [path] });
  },
};
export const Menu = {
  /** Every menu main set, latest last. */
  set: [] as unknown[],
  setApplicationMenu(menu: unknown) {
    Menu.set.push(menu);
  },
  buildFromTemplate: (t: unknown) => t,
};
/** The displays' work areas, for the window-state check that a saved position is still visible. */
export const screen = {
  displays: [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }],
  getAllDisplays: () => screen.displays,
};

/** Fresh state for each test: the module objects stay the same, what they recorded is cleared. */
export function resetElectronFake(): void {
  app.removeAllListeners();
  Object.assign(session.defaultSession, { permissionRequest: null, permissionCheck: null, headersListener: null });
  shell.opened.length = 0;
  Object.assign(safeStorage, { available: true, backend: 'gnome_libsecret' });
  ipcMain.handlers.clear();
  contextBridge.exposed.clear();
  ipcRenderer.removeAllListeners();
  ipcRenderer.invocations.length = 0;
  BrowserWindow.instances.length = 0;
  dialog.next = { canceled: false, path: '' };
  dialog.shown.length = 0;
  Menu.set.length = 0;
  app.isPackaged = false;
  screen.displays = [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }];
}

export default { app, session, shell, safeStorage, ipcMain, contextBridge, ipcRenderer, dialog, Menu, BrowserWindow, screen };
