// The application menu, against the Electron fake: words in the chosen language, developer items only
// outside a packaged app, the macOS app menu only on macOS, and Help opening Altinn's guide in the browser.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { app, resetElectronFake, shell } from './electron-fake';

vi.mock('electron', () => import('./electron-fake'));

const { buildMenu } = await import('../../../electron/main/menu');

/** The parts of Electron's MenuItemConstructorOptions the menu uses. */
interface Item {
  label?: string;
  role?: string;
  type?: string;
  submenu?: Item[];
  click?: () => void;
}
const menu = (language: 'nb' | 'en') => buildMenu(language) as unknown as Item[];
const submenu = (item: Item | undefined) => (item?.submenu ?? []) as Item[];
const roles = (item: Item | undefined) => submenu(item).map((i) => i.role ?? i.type);
const realPlatform = process.platform;
const onPlatform = (platform: NodeJS.Platform) => Object.defineProperty(process, 'platform', { value: platform });

beforeEach(() => resetElectronFake());
afterEach(() => onPlatform(realPlatform));

describe('the application menu', () => {
  it('speaks the chosen language', () => {
    onPlatform('linux');
    expect(menu('nb').map((m) => m.label)).toEqual(['Fil', 'Rediger', 'Vis', 'Vindu', 'Hjelp']);
    expect(menu('en').map((m) => m.label)).toEqual(['File', 'Edit', 'View', 'Window', 'Help']);
    expect(submenu(menu('nb')[0])).toEqual([{ role: 'quit', label: 'Avslutt' }]);
  });

  it('offers reload and developer tools only outside a packaged app', () => {
    onPlatform('linux');
    expect(roles(menu('en')[2])).toEqual([
      'reload',
      'toggleDevTools',
      'separator',
      'resetZoom',
      'zoomIn',
      'zoomOut',
      'separator',
      'togglefullscreen',
    ]);
    app.isPackaged = true;
    expect(roles(menu('en')[2])).toEqual(['resetZoom', 'zoomIn', 'zoomOut', 'separator', 'togglefullscreen']);
  });

  it('has the macOS app menu, Close and Bring to front only on macOS', () => {
    onPlatform('darwin');
    const mac = menu('en');
    expect(mac[0]).toEqual({ role: 'appMenu' });
    expect(submenu(mac[1])).toEqual([{ role: 'close' }]);
    expect(roles(mac[4])).toEqual(['minimize', 'zoom', 'front']);
    onPlatform('win32');
    expect(menu('en')[0]!.label).toBe('File');
    expect(roles(menu('en')[3])).toEqual(['minimize', 'zoom']);
  });

  it("opens Altinn's client-delegation guide in the browser from Help", () => {
    onPlatform('linux');
    const help = menu('nb')[4]!;
    expect(help.role).toBe('help');
    const docs = submenu(help)[0]!;
    expect(docs.label).toBe('Om klientdelegering (Altinn)');
    (docs.click as () => void)();
    expect(shell.opened).toEqual(['https://docs.altinn.studio/en/authorization/guides/system-vendor/system-user/client-delegation/']);
  });
});
