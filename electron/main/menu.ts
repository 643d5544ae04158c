import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';

const TEXTS = {
  nb: { file: 'Fil', edit: 'Rediger', view: 'Vis', window: 'Vindu', help: 'Hjelp', docs: 'Om klientdelegering (Altinn)', quit: 'Avslutt' },
  en: { file: 'File', edit: 'Edit', view: 'View', window: 'Window', help: 'Help', docs: 'About client delegation (Altinn)', quit: 'Quit' },
};

export function buildMenu(language: 'nb' | 'en'): Menu {
  const t = TEXTS[language];
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    { label: t.file, submenu: [isMac ? { role: 'close' } : { role: 'quit', label: t.quit }] },
    {
      label: t.edit,
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'selectAll' },
      ],
    },
    {
      label: t.view,
      submenu: [
        ...(app.isPackaged ? [] : [{ role: 'reload' as const }, { role: 'toggleDevTools' as const }, { type: 'separator' as const }]),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { label: t.window, submenu: [{ role: 'minimize' }, { role: 'zoom' }, ...(isMac ? [{ role: 'front' as const }] : [])] },
    {
      label: t.help,
      role: 'help',
      submenu: [
        {
          label: t.docs,
          click: () =>
            void shell.openExternal('https://docs.altinn.studio/en/authorization/guides/system-vendor/system-user/client-delegation/'),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
