// A review of org numbers before anything is sent: every client with what would happen to it, counted by
// verdict, AND-rule failures with the missing package named, on the same virtual grid as the client list.
// Used by the delegation wizard and by the batch detail when clients are added to a draft. Its texts are the
// wizard's, in the `clients` namespace, so both places say the same thing in the same words.
import { useMemo, useState } from 'react';
import { Alert, Box, Chip, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Operation } from '../../../../shared/domain/batch';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { formatNumber } from '../../../../shared/format/format';
import { VirtualGrid, type GridColumn } from '../grid/VirtualGrid';
import { countVerdicts, type ReviewRow, type Verdict } from './review-rows';

const ROW_HEIGHT = 36;
const ORDER: Verdict[] = ['ready', 'fails_and_rule', 'already_done', 'unknown_client', 'invalid_number', 'duplicate'];
const COLOR: Record<Verdict, 'success' | 'error' | 'default' | 'warning'> = {
  ready: 'success',
  fails_and_rule: 'error',
  already_done: 'default',
  unknown_client: 'warning',
  invalid_number: 'error',
  duplicate: 'default',
};

export function useVerdictLabel(operation: Operation): (v: Verdict) => string {
  const { t } = useTranslation('clients');
  return (v) => (v === 'already_done' ? t(`wizard.verdicts.already_done_${operation}`) : t(`wizard.verdicts.${v}`));
}

export function ReviewTable({
  rows,
  operation,
  explain,
}: {
  rows: readonly ReviewRow[];
  operation: Operation;
  /** The caller's own reason for a row, when it knows better (e.g. "already in this draft"). */
  explain?: (row: ReviewRow) => string | null;
}) {
  const { t, i18n } = useTranslation('clients');
  const label = useVerdictLabel(operation);
  const [only, setOnly] = useState<Verdict | null>(null);
  const counts = useMemo(() => countVerdicts(rows), [rows]);
  const shown = useMemo(() => (only ? rows.filter((r) => r.verdict === only) : rows), [rows, only]);
  const packageNames = (codes: string[]) => codes.map((p) => t(`packages.${p}`, { defaultValue: p })).join(', ');

  const detail = (r: ReviewRow): string => {
    const own = explain?.(r);
    if (own) return own;
    if (r.problem) return t(`wizard.problems.${r.problem}`);
    if (r.verdict === 'fails_and_rule') return t('wizard.missing', { packages: packageNames(r.missingPackages) });
    return '';
  };

  const columns: GridColumn<ReviewRow>[] = [
    { key: 'line', label: t('wizard.columns.line'), min: 64, cell: (r) => r.line ?? '' },
    // Org numbers in a fixed column in their "### ### ###" form: they never wrap or get cut.
    {
      key: 'orgNumber',
      label: t('wizard.columns.orgNumber'),
      min: 112,
      shrinkTo: 112,
      cellSx: { fontVariantNumeric: 'tabular-nums' },
      cell: (r) => (r.orgNumber ? formatOrgNumber(r.orgNumber) : r.input),
    },
    { key: 'name', label: t('wizard.columns.name'), min: 150, grow: 2, title: (r) => r.name ?? '', cell: (r) => r.name ?? '' },
    {
      key: 'verdict',
      label: t('wizard.columns.verdict'),
      min: 170,
      cell: (r) => <Chip size="small" color={COLOR[r.verdict]} label={label(r.verdict)} />,
    },
    { key: 'detail', label: t('wizard.columns.detail'), min: 150, grow: 2, title: detail, cell: detail },
  ];

  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 1.5, minHeight: 0 }}>
      <Typography variant="subtitle1" component="h3">
        {t('wizard.reviewSummary')}
      </Typography>
      <Box role="group" aria-label={t('wizard.reviewSummary')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        {ORDER.filter((v) => counts[v] > 0).map((v) => (
          <Chip
            key={v}
            color={COLOR[v]}
            variant={only === v ? 'filled' : 'outlined'}
            label={`${label(v)}: ${formatNumber(counts[v], i18n.language)}`}
            onClick={() => setOnly(only === v ? null : v)}
            aria-pressed={only === v}
            data-testid={`verdict-${v}`}
          />
        ))}
      </Box>
      {counts.ready === 0 ? (
        <Alert severity="warning">{t('wizard.nothingReady')}</Alert>
      ) : (
        <Alert severity="info">{t('wizard.onlyReadyNote', { count: counts.ready })}</Alert>
      )}
      <VirtualGrid<ReviewRow>
        label={t('wizard.reviewTable')}
        idPrefix="review-row"
        columns={columns}
        rowCount={shown.length}
        rowAt={(index) => shown[index]}
        rowHeight={ROW_HEIGHT}
        maxHeight={320}
        resetKey={only}
        loadingLabel={t('wizard.reviewTable')}
        rowAttributes={(r) => ({
          testId: r ? `review-row-${r.orgNumber || r.input}` : undefined,
          data: r ? { verdict: r.verdict } : undefined,
        })}
      />
    </Box>
  );
}
