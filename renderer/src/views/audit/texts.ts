export const auditTexts = {
  nb: { title: 'Revisjonslogg' },
  en: { title: 'Audit' },
};
