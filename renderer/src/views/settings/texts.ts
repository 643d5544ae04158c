export const settingsTexts = {
  nb: { title: 'Innstillinger' },
  en: { title: 'Settings' },
};
