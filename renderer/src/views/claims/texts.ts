export const claimsTexts = {
  nb: { title: 'Krav' },
  en: { title: 'Claims' },
};
