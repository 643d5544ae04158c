export const clientsTexts = {
  nb: { title: 'Klienter' },
  en: { title: 'Clients' },
};
