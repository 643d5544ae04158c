import { formatNok } from '../../../../shared/domain/money';

export const nok = (amount: number, language: string): string => formatNok(amount, language === 'en' ? 'en' : 'nb');

/** `2026-08-20` → `20.08.2026` (nb) or `20/08/2026` (en); a date without a time zone stays that calendar date. */
export function formatDate(isoDate: string, language: string): string {
  return new Intl.DateTimeFormat(language === 'en' ? 'en-GB' : 'nb-NO', {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${isoDate}T00:00:00Z`));
}
