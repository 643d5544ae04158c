// A review of org numbers before anything is sent: every client with what would happen to it, counted by
// verdict, AND-rule failures with the missing package named. Long lists are virtualised like the client grid.
// Used by the delegation wizard and by the batch detail when clients are added to a draft. Its texts are the
// wizard's, in the `clients` namespace, so both places say the same thing in the same words.
import { useMemo, useRef, useState } from 'react';
import { Alert, Box, Chip, Typography } from '@mui/material';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { Operation } from '../../../../shared/domain/batch';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { countVerdicts, type ReviewRow, type Verdict } from './review-rows';

const ROW_HEIGHT = 36;
const COLUMNS = '72px 120px minmax(160px, 2fr) 170px minmax(160px, 2fr)';
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
  const { t } = useTranslation('clients');
  const label = useVerdictLabel(operation);
  const [only, setOnly] = useState<Verdict | null>(null);
  const counts = useMemo(() => countVerdicts(rows), [rows]);
  const shown = useMemo(() => (only ? rows.filter((r) => r.verdict === only) : rows), [rows, only]);
  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: shown.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
  });
  const packageNames = (codes: string[]) => codes.map((p) => t(`packages.${p}`, { defaultValue: p })).join(', ');

  const detail = (r: ReviewRow): string => {
    const own = explain?.(r);
    if (own) return own;
    if (r.problem) return t(`wizard.problems.${r.problem}`);
    if (r.verdict === 'fails_and_rule') return t('wizard.missing', { packages: packageNames(r.missingPackages) });
    return '';
  };

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
            label={`${label(v)}: ${counts[v]}`}
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
      <Box
        role="table"
        aria-label={t('wizard.reviewTable')}
        aria-rowcount={shown.length + 1}
        sx={{ border: 1, borderColor: 'divider', borderRadius: 1 }}
      >
        <Box
          role="row"
          aria-rowindex={1}
          sx={{ display: 'grid', gridTemplateColumns: COLUMNS, fontWeight: 600, borderBottom: 1, borderColor: 'divider', py: 0.75, px: 1 }}
        >
          <span role="columnheader">{t('wizard.columns.line')}</span>
          <span role="columnheader">{t('wizard.columns.orgNumber')}</span>
          <span role="columnheader">{t('wizard.columns.name')}</span>
          <span role="columnheader">{t('wizard.columns.verdict')}</span>
          <span role="columnheader">{t('wizard.columns.detail')}</span>
        </Box>
        <Box
          ref={scrollRef}
          role="rowgroup"
          sx={{ height: Math.min(320, Math.max(ROW_HEIGHT, shown.length * ROW_HEIGHT)), overflow: 'auto' }}
        >
          <Box sx={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const r = shown[item.index]!;
              return (
                <Box
                  key={r.key}
                  role="row"
                  aria-rowindex={item.index + 2}
                  data-testid={`review-row-${r.orgNumber || r.input}`}
                  data-verdict={r.verdict}
                  sx={{
                    position: 'absolute',
                    top: 0,
                    left: 0,
                    right: 0,
                    height: ROW_HEIGHT,
                    transform: `translateY(${item.start}px)`,
                    display: 'grid',
                    gridTemplateColumns: COLUMNS,
                    alignItems: 'center',
                    px: 1,
                    borderBottom: 1,
                    borderColor: 'divider',
                    '& > *': { overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' },
                  }}
                >
                  <span role="cell">{r.line ?? ''}</span>
                  <span role="cell">{r.orgNumber ? formatOrgNumber(r.orgNumber) : r.input}</span>
                  <span role="cell" title={r.name ?? ''}>
                    {r.name ?? ''}
                  </span>
                  <span role="cell">
                    <Chip size="small" color={COLOR[r.verdict]} label={label(r.verdict)} />
                  </span>
                  <span role="cell" title={detail(r)}>
                    {detail(r)}
                  </span>
                </Box>
              );
            })}
          </Box>
        </Box>
      </Box>
    </Box>
  );
}
