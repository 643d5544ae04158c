import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatNumber } from '../../../shared/format/format';
import { common } from './common';
import { errorTexts } from './errors';

/** Each view registers its own namespace here, so views never edit each other's texts. */
const namespaces: Record<string, { nb: object; en: object }> = {};

/** True when two text trees hold exactly the same keys (every leaf a string). */
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Resolves to `unknown` when both languages agree, so a key missing in one language fails the typecheck here. */
type BothLanguages<T extends { nb: object; en: object }> =
  SameKeys<T['nb'], T['en']> extends true ? unknown : { error: 'bokmål and English texts must have the same keys' };

export function registerNamespace<T extends { nb: object; en: object }>(name: string, texts: T & BothLanguages<T>): void {
  namespaces[name] = texts;
  if (i18n.isInitialized) {
    i18n.addResourceBundle('nb', name, texts.nb, true, true);
    i18n.addResourceBundle('en', name, texts.en, true, true);
  }
}

registerNamespace('common', common);
registerNamespace('errors', errorTexts);

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
  // "{{count, number}}" in a text goes through the app's one formatter, like every other number on screen.
  i18n.services.formatter?.add('number', (value: unknown, lng: string | undefined) =>
    typeof value === 'number' ? formatNumber(value, lng) : String(value),
  );
  return i18n;
}

export default i18n;
