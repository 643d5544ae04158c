// The audit log: filters, a virtualised table that fetches pages as it scrolls, and CSV export.
import { useEffect, useMemo, useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Alert, Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import { useTranslation } from 'react-i18next';
import type { AuditEntry, AuditFilter } from '../../../../shared/contract/audit';
import { wordAuditActor } from '../../../../shared/domain/audit-actor';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { useAuditDetail } from './audit-detail';
import { call } from '../../api/client';
import { ErrorDetails } from '../../components/ErrorDetails';
import { VirtualGrid, type GridColumn } from '../../components/grid/VirtualGrid';
import { saveTextFile } from '../../components/files';
import { LocalDateField } from '../../components/LocalDateField';
import { useAuditChain, useAuditFacets, useAuditRows } from '../../api/query/audit';
import { codeLabel } from '../../i18n/code-label';
import { formatDateTimeSeconds } from '../../../../shared/format/format';

const ROW_HEIGHT = 32;
const COLUMNS: { key: keyof typeof WIDTHS; value: (e: AuditEntry, lang: string) => string }[] = [
  { key: 'at', value: (e, lang) => formatDateTimeSeconds(e.at, lang) },
  { key: 'actor', value: (e, lang) => wordAuditActor(e.actor, lang === 'en' ? 'en' : 'nb') },
  { key: 'environment', value: (e) => e.environment },
  { key: 'action', value: (e) => e.action },
  { key: 'client', value: (e) => (e.clientOrgNumber ? formatOrgNumber(e.clientOrgNumber) : '') },
  { key: 'outcome', value: (e) => e.outcome },
  { key: 'code', value: (e) => e.code ?? '' },
  { key: 'correlationId', value: (e) => e.correlationId ?? '' },
  { key: 'detail', value: (e) => e.detail ?? '' },
];
// Least widths that fit 1280×720 without sideways scrolling; the rest of the pane is shared out, most to Details.
const WIDTHS = { at: 170, actor: 100, environment: 64, action: 120, client: 108, outcome: 90, code: 80, correlationId: 110, detail: 140 };
const SHARE = { at: 1, actor: 1, environment: 0.4, action: 1.2, client: 0.8, outcome: 0.8, code: 0.7, correlationId: 1, detail: 2.5 };

function useDebounced<T>(value: T, ms: number): T {
  const [current, setCurrent] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setCurrent(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return current;
}

const NO_FACETS = { actions: [] as string[], outcomes: [] as string[] };

export function AuditView() {
  const { t, i18n } = useTranslation('audit');
  const { t: tc } = useTranslation();
  const [search, setSearch] = useState('');
  const [action, setAction] = useState('');
  const [outcome, setOutcome] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const facets = useAuditFacets().data ?? NO_FACETS;
  const debouncedSearch = useDebounced(search, 250);

  const filter = useMemo<AuditFilter>(
    () => ({
      ...(debouncedSearch.trim() ? { search: debouncedSearch.trim() } : {}),
      ...(action ? { action } : {}),
      ...(outcome ? { outcome } : {}),
      ...(from ? { from } : {}),
      ...(to ? { to } : {}),
    }),
    [debouncedSearch, action, outcome, from, to],
  );
  const { total, rowAt, error, ensure } = useAuditRows(filter);
  // Asked again whenever the log changes (the same invalidation as the rows), so it speaks for the rows on screen.
  const chainQuery = useAuditChain();
  const chain = chainQuery.isError ? 'failed' : (chainQuery.data ?? null);

  const actionOptions = [...new Set(['client', 'batch', ...facets.actions])];
  const actionLabel = (a: string): string => t(`actions.${a}`, { defaultValue: a });
  // Outcomes are stored as codes (the CSV keeps them so); the table shows them in the reader's language.
  const outcomeLabel = (o: string): string => t(`outcomes.${o}`, { defaultValue: o });
  const detailLabel = useAuditDetail();
  const cellText = (entry: AuditEntry, c: (typeof COLUMNS)[number]): string =>
    c.key === 'action'
      ? actionLabel(entry.action)
      : c.key === 'outcome'
        ? outcomeLabel(entry.outcome)
        : c.key === 'detail'
          ? detailLabel(entry)
          : c.key === 'environment'
            ? codeLabel(tc, 'environment', entry.environment)
            : c.value(entry, i18n.language);
  const gridColumns: GridColumn<AuditEntry>[] = COLUMNS.map((c) => ({
    key: c.key,
    label: t(`columns.${c.key}`),
    min: WIDTHS[c.key],
    grow: SHARE[c.key],
    // The client column holds org numbers: never narrower than "### ### ###".
    ...(c.key === 'client' ? { shrinkTo: WIDTHS.client } : {}),
    title: (entry) => cellText(entry, c),
    cell: (entry) => cellText(entry, c),
  }));
  const exportCsv = useMutation({
    mutationFn: () => call('audit.exportCsv', { filter }),
    onSuccess: (file) => saveTextFile(file.filename, file.csv, 'text/csv;charset=utf-8'),
  });

  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', gap: 2, height: '100%', minHeight: 0, boxSizing: 'border-box' }}>
      <Typography variant="h5" component="h2">
        {t('title')}
      </Typography>
      <Typography color="text.secondary">{t('intro')}</Typography>
      {chain !== null && (
        <Alert severity={chain === 'failed' ? 'warning' : chain.intact ? 'success' : 'error'} data-testid="audit-chain" sx={{ py: 0 }}>
          {chain === 'failed'
            ? t('verify.failed')
            : chain.intact
              ? t('verify.intact', { count: chain.rowsChecked })
              : t('verify.broken', { id: chain.brokenAtId, reason: chain.reason })}
        </Alert>
      )}

      <Stack direction="row" spacing={1} role="search" aria-label={t('filters.label')} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <TextField
          size="small"
          label={t('filters.search')}
          placeholder={t('filters.searchHint')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
          sx={{ minWidth: 260 }}
          slotProps={{ htmlInput: { maxLength: 200, 'data-testid': 'audit-search' } }}
        />
        <TextField
          select
          size="small"
          label={t('filters.action')}
          value={action}
          onChange={(e) => setAction(e.target.value)}
          sx={{ minWidth: 190 }}
        >
          <MenuItem value="">{t('filters.any')}</MenuItem>
          {actionOptions.map((a) => (
            <MenuItem key={a} value={a}>
              {actionLabel(a)}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={t('filters.outcome')}
          value={outcome}
          onChange={(e) => setOutcome(e.target.value)}
          sx={{ minWidth: 150 }}
        >
          <MenuItem value="">{t('filters.any')}</MenuItem>
          {facets.outcomes.map((o) => (
            <MenuItem key={o} value={o}>
              {outcomeLabel(o)}
            </MenuItem>
          ))}
        </TextField>
        <LocalDateField label={t('filters.from')} value={from} onChange={setFrom} invalidText={t('filters.badDate')} testId="audit-from" />
        <LocalDateField label={t('filters.to')} value={to} onChange={setTo} invalidText={t('filters.badDate')} testId="audit-to" />
        <Button
          onClick={() => {
            setSearch('');
            setAction('');
            setOutcome('');
            setFrom('');
            setTo('');
          }}
        >
          {t('filters.clear')}
        </Button>
        <Box sx={{ flex: 1 }} />
        <Button variant="outlined" startIcon={<DownloadOutlined />} onClick={() => exportCsv.mutate()} data-testid="audit-export">
          {t('export')}
        </Button>
      </Stack>

      {error !== null && <ErrorDetails error={error} />}
      {exportCsv.error !== null && <ErrorDetails error={exportCsv.error} />}
      <Typography variant="body2" color="text.secondary" aria-live="polite" data-testid="audit-count">
        {total === null ? '' : t('count', { count: total })}
      </Typography>

      <VirtualGrid<AuditEntry>
        label={t('table')}
        idPrefix="audit-row"
        testId="audit-table"
        columns={gridColumns}
        rowCount={total ?? 0}
        rowAt={rowAt}
        rowHeight={ROW_HEIGHT}
        resetKey={filter}
        loadingLabel={t('loading')}
        onVisibleRange={ensure}
        rowAttributes={() => ({ testId: 'audit-row' })}
        empty={
          total === 0 ? (
            <Typography sx={{ p: 2 }} color="text.secondary">
              {t('empty')}
            </Typography>
          ) : undefined
        }
      />
    </Box>
  );
}
