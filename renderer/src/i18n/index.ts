import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { common } from './common';
import { errorTexts } from './errors';

/** Each view registers its own namespace here, so views never edit each other's texts. */
const namespaces: Record<string, { nb: object; en: object }> = { common, errors: errorTexts };

export function registerNamespace(name: string, texts: { nb: object; en: object }): void {
  namespaces[name] = texts;
  if (i18n.isInitialized) {
    i18n.addResourceBundle('nb', name, texts.nb, true, true);
    i18n.addResourceBundle('en', name, texts.en, true, true);
  }
}

export function initI18n(language: 'nb' | 'en'): typeof i18n {
  const resources = {
    nb: Object.fromEntries(Object.entries(namespaces).map(([k, v]) => [k, v.nb])),
    en: Object.fromEntries(Object.entries(namespaces).map(([k, v]) => [k, v.en])),
  };
  void i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'nb',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  return i18n;
}

export const nokFormat = (lang: string): Intl.NumberFormat =>
  new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { style: 'currency', currency: 'NOK', minimumFractionDigits: 2 });

export const dateTimeFormat = (lang: string): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nb-NO', { dateStyle: 'short', timeStyle: 'short' });

export default i18n;
