import { Box, Paper, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { OpenClaimsResult } from '../../../../shared/contract/claims';
import { sumAmounts } from '../../../../shared/domain/money';
import { nok } from './format';

/** Totals over every client: the sums of Skatteetaten's own per-client totals, never of the table rows. */
export function ClaimsSummary({ result }: { result: OpenClaimsResult }) {
  const { t, i18n } = useTranslation('claims');
  const totals = result.clients.flatMap((c) => (c.totals ? [c.totals] : []));
  const sum = (pick: (x: (typeof totals)[number]) => number): string => nok(sumAmounts(totals.map(pick)), i18n.language);
  const count = (outcomes: string[]): number => result.clients.filter((c) => outcomes.includes(c.outcome)).length;
  const figures: [string, string, string][] = [
    ['overdue', t('summary.overdue'), sum((x) => x.overdue)],
    ['notDue', t('summary.notDue'), sum((x) => x.notDue)],
    ['balance', t('summary.balance'), sum((x) => x.balance)],
  ];
  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="section" aria-labelledby="claims-summary-title" data-testid="claims-summary">
      <Typography id="claims-summary-title" variant="subtitle1" component="h3">
        {t('summary.label')}
      </Typography>
      <Box component="dl" sx={{ display: 'flex', flexWrap: 'wrap', gap: 3, my: 1 }}>
        {figures.map(([key, label, value]) => (
          <Box key={key}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="h6" sx={{ m: 0, fontVariantNumeric: 'tabular-nums' }} data-testid={`claims-total-${key}`}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
      <Typography variant="body2" color="text.secondary">
        {t('summary.clients', { ok: count(['ok']), none: count(['none']), problems: count(['not_delegated', 'withheld', 'error']) })}
      </Typography>
    </Paper>
  );
}
