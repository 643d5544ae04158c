// The one place numbers, money, dates and times are worded for a person: every screen and every export's
// human columns go through here, so "50 000", "kr 18 450,00" and "20.08.2026 14:05" look the same everywhere.
import { roundToOre } from '../domain/money';

export type Language = 'nb' | 'en';

/** i18next hands over whatever language string it holds; anything not English is bokmål. */
export const asLanguage = (lang: string | undefined): Language => (lang?.startsWith('en') ? 'en' : 'nb');

const LOCALES: Record<Language, string> = { nb: 'nb-NO', en: 'en-GB' };
export const localeOf = (lang: string | undefined): string => LOCALES[asLanguage(lang)];

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** 50000 → "50 000" (nb, with a no-break space) or "50,000" (en). */
export function formatNumber(value: number, lang?: string): string {
  const locale = localeOf(lang);
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })).format(value);
}

/**
 * 18450 → "kr 18 450,00" (nb) or "NOK 18,450.00" (en); a negative amount keeps its minus after the symbol. CLDR
 * (and so recent ICU) puts the symbol last for nb; invoices and Skatteetaten's own pages put it first, so the
 * number comes from Intl and the symbol is placed here, whatever the ICU version.
 */
export function formatMoney(amount: number, lang?: string): string {
  const language = asLanguage(lang);
  const locale = localeOf(language);
  const number = cached(`m:${locale}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  // The space between symbol and number must not wrap in a table cell.
  return `${language === 'nb' ? 'kr' : 'NOK'}\u00a0${number.format(roundToOre(amount))}`;
}

/** For the amount columns of CSV files opened in a Norwegian spreadsheet: `24200,00`, no grouping, decimal comma. */
export function formatSheetAmount(amount: number): string {
  const f = cached(
    'sheet-amount',
    () => new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2, useGrouping: false }),
  );
  // nb-NO writes minus as U+2212, which a spreadsheet reads as text; the file keeps the ASCII minus.
  return f.format(roundToOre(amount)).replace('\u2212', '-');
}

/** A file size in megabytes with one decimal, e.g. "12,5" (nb) or "12.5" (en). */
export function formatMegabytes(bytes: number, lang?: string): string {
  const locale = localeOf(lang);
  return cached(`mb:${locale}`, () => new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 })).format(
    bytes / 1024 / 1024,
  );
}

/** A calendar date without a time zone (`2026-08-20`) → "20.08.2026" or "20/08/2026"; it stays that date. */
export function formatDate(isoDate: string, lang?: string): string {
  const locale = localeOf(lang);
  const f = cached(
    `d:${locale}`,
    () => new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
  );
  return f.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/** An instant → date and time in the user's own time zone, e.g. "20.08.2026, 14:05". */
export function formatDateTime(instant: string | number | Date, lang?: string, timeZone?: string): string {
  const locale = localeOf(lang);
  const f = cached(
    `dt:${locale}:${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone }),
  );
  return f.format(new Date(instant));
}

/** An instant → date and time with seconds, for logs and exports where order within a minute matters. */
export function formatDateTimeSeconds(instant: string | number | Date, lang?: string, timeZone?: string): string {
  const locale = localeOf(lang);
  const f = cached(
    `dts:${locale}:${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium', timeZone }),
  );
  return f.format(new Date(instant));
}

/** An instant → time of day with seconds, e.g. "14:05:09". */
export function formatTime(instant: string | number | Date, lang?: string, timeZone?: string): string {
  const locale = localeOf(lang);
  const f = cached(`t:${locale}:${timeZone ?? ''}`, () => new Intl.DateTimeFormat(locale, { timeStyle: 'medium', timeZone }));
  return f.format(new Date(instant));
}

/** The date input pattern a person of this language expects, for placeholders: "dd.mm.åååå" or "dd/mm/yyyy". */
export const datePattern = (lang?: string): string => (asLanguage(lang) === 'nb' ? 'dd.mm.åååå' : 'dd/mm/yyyy');

/** "20.08.2026" or "20/08/2026" (also 1- or 2-digit parts) → `2026-08-20`; null when it is not a real date. */
export function parseLocalDate(text: string): string | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*$/.exec(text);
  if (!m) return null;
  const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return d.toISOString().slice(0, 10);
}

/**
 * An instant → "20.08.2026 14:05" (nb) or "20/08/2026 14:05" (en) in the user's time zone: the human time column
 * of every export, in a shape a spreadsheet reads as a date. The machine column beside it keeps the ISO instant.
 */
export function formatSheetDateTime(instant: string | number | Date, lang?: string, timeZone?: string): string {
  const language = asLanguage(lang);
  const f = cached(
    `sheet:${language}:${timeZone ?? ''}`,
    () =>
      new Intl.DateTimeFormat(localeOf(language), {
        day: '2-digit',
        month: '2-digit',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZone,
      }),
  );
  const part = Object.fromEntries(f.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const sep = language === 'nb' ? '.' : '/';
  return `${part.day}${sep}${part.month}${sep}${part.year} ${part.hour}:${part.minute}`;
}
