// Amounts in NOK as Norwegian accountants read them: `kr 24 200,00`. CLDR (and so recent ICU in Node and
// Chromium) now puts the symbol last for nb (`24 200,00 kr`); invoices and Skatteetaten's own pages put it
// first, so the number comes from Intl and the symbol is placed by hand, whatever the ICU version.
export type MoneyLanguage = 'nb' | 'en';

const numberFormats = {
  nb: new Intl.NumberFormat('nb-NO', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
  en: new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 }),
};

/** `24200` → `kr 24 200,00` (nb) or `NOK 24,200.00` (en); negative amounts keep their minus after the symbol. */
export function formatNok(amount: number, language: MoneyLanguage = 'nb'): string {
  const symbol = language === 'nb' ? 'kr' : 'NOK';
  // The space between symbol and number must not wrap in a table cell.
  return `${symbol}\u00a0${numberFormats[language].format(roundToOre(amount))}`;
}

/** For CSV files opened in a Norwegian spreadsheet: `24200,00`, no grouping, decimal comma. */
export function formatCsvAmount(amount: number): string {
  return roundToOre(amount).toFixed(2).replace('.', ',');
}

/** Sums of many amounts drift in binary floating point; øre are what the user sees. */
export function roundToOre(amount: number): number {
  const rounded = Math.round(amount * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export function sumAmounts(amounts: readonly number[]): number {
  // Add in whole øre so 0.1 + 0.2 style drift never reaches a total.
  return amounts.reduce((sum, a) => sum + Math.round(a * 100), 0) / 100;
}
