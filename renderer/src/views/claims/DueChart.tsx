import { Box, Paper, Typography, useTheme } from '@mui/material';
import { BarChart } from '@mui/x-charts/BarChart';
import { useTranslation } from 'react-i18next';
import type { OpenClaimsResult } from '../../../../shared/contract/claims';
import { dueBuckets, WEEKS_AHEAD, type DueBucket } from './due-buckets';
import { nok } from './format';

export function DueChart({ result }: { result: OpenClaimsResult }) {
  const { t, i18n } = useTranslation('claims');
  const theme = useTheme();
  const buckets = dueBuckets(result);
  const label = (b: DueBucket): string =>
    b.kind === 'overdue' ? t('chart.overdue') : b.kind === 'later' ? t('chart.later') : t('chart.week', { week: b.week });
  const labels = buckets.map(label);
  // The axis names weeks by number only ("Uke" once, as the axis title), so ten bands fit under each other's
  // labels at 1280 px without colliding; the full names are in the list for screen readers.
  const tickLabels = buckets.map((b) => (b.kind === 'week' ? String(b.week) : label(b)));
  const overdue = buckets[0]!.amount;
  const later = buckets.at(-1)!.amount;

  return (
    <Paper variant="outlined" sx={{ p: 2 }} component="figure" aria-labelledby="due-chart-title" data-testid="claims-chart">
      <Typography id="due-chart-title" variant="subtitle1" component="figcaption">
        {t('chart.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('chart.description', { overdue: nok(overdue, i18n.language), later: nok(later, i18n.language), weeks: WEEKS_AHEAD })}
      </Typography>
      {/* The bars as text for screen readers; the SVG itself is decoration to them. */}
      <Box component="ul" sx={visuallyHidden}>
        {buckets.map((b, i) => (
          <li key={labels[i]}>
            {labels[i]}: {nok(b.amount, i18n.language)}
          </li>
        ))}
      </Box>
      {/* inert as well as hidden: the chart's own focusable parts must not take keyboard focus either. */}
      <Box aria-hidden inert>
        <BarChart
          height={240}
          skipAnimation
          hideLegend
          xAxis={[
            {
              scaleType: 'band',
              data: tickLabels,
              label: t('chart.weekAxis'),
              // Overdue money stands out; upcoming weeks share the primary colour.
              colorMap: {
                type: 'ordinal',
                values: tickLabels,
                colors: tickLabels.map((_, i) => (i === 0 ? theme.palette.error.main : theme.palette.primary.main)),
              },
            },
          ]}
          yAxis={[{ valueFormatter: (v: number) => nok(v, i18n.language).replace(/[,.]00$/, ''), width: 90 }]}
          series={[{ data: buckets.map((b) => b.amount), label: t('chart.amount'), valueFormatter: (v) => nok(v ?? 0, i18n.language) }]}
        />
      </Box>
    </Paper>
  );
}

const visuallyHidden = {
  position: 'absolute',
  width: '1px', // in sx a bare 1 means 100 %
  height: '1px',
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  m: 0,
  p: 0,
} as const;
