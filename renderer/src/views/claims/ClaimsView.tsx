import { Alert, Box, Button, LinearProgress, Stack, Typography } from '@mui/material';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import { useTranslation } from 'react-i18next';
import type { OpenClaimsResult } from '../../../../shared/contract/claims';
import { ErrorDetails } from '../../components/ErrorDetails';
import { claimsToCsv, type CsvLabels } from './claims-csv';
import { ClaimsClientPicker } from './ClaimsClientPicker';
import { ClaimsSummary } from './ClaimsSummary';
import { ClaimsTable } from './ClaimsTable';
import { DueChart } from './DueChart';
import { formatDate } from './format';
import { asLanguage } from '../../../../shared/format/format';
import { saveTextFile } from '../../components/files';
import { useOpenClaims } from './use-open-claims';

export function ClaimsView() {
  const { t, i18n } = useTranslation('claims');
  const { state, fetch, stop } = useOpenClaims();
  const result = state.kind === 'idle' ? null : state.result;

  const exportCsv = (r: OpenClaimsResult): void => {
    const csv = t('csv', { returnObjects: true }) as CsvLabels['headers'] & { yes: string; no: string };
    const labels: CsvLabels = {
      headers: csv,
      outcome: t('outcome', { returnObjects: true }) as CsvLabels['outcome'],
      claimTypes: t('claimTypes', { returnObjects: true }) as CsvLabels['claimTypes'],
      yes: csv.yes,
      no: csv.no,
      language: asLanguage(i18n.language),
    };
    saveTextFile(t('csv.filename', { date: r.asOf }), claimsToCsv(r, labels), 'text/csv;charset=utf-8');
  };

  return (
    <Stack spacing={2} sx={{ p: 3, maxWidth: 1400, minWidth: 0, boxSizing: 'border-box' }}>
      <Box>
        <Typography variant="h5" component="h2">
          {t('title')}
        </Typography>
        <Typography color="text.secondary">{t('intro')}</Typography>
      </Box>
      <ClaimsClientPicker busy={state.kind === 'running'} onFetch={(orgs, systemUserId) => void fetch(orgs, systemUserId)} />
      {state.kind === 'running' && (
        <Box role="status" aria-live="polite" sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
          <LinearProgress
            variant="determinate"
            value={(state.done / state.total) * 100}
            sx={{ flex: 1 }}
            aria-label={t('progress', { done: state.done, count: state.total })}
          />
          <Typography variant="body2">{t('progress', { done: state.done, count: state.total })}</Typography>
          <Button onClick={stop}>{t('cancel')}</Button>
        </Box>
      )}
      {state.kind === 'failed' && <ErrorDetails error={state.error} title={t('fetchFailed')} />}
      {state.kind === 'finished' && state.stoppedAfter !== null && (
        <Alert severity="info">{t('stopped', { done: state.stoppedAfter, count: state.total })}</Alert>
      )}
      {result && (
        <>
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
            <Typography variant="body2" color="text.secondary" sx={{ flex: 1 }}>
              {t('asOf', { date: formatDate(result.asOf, i18n.language) })}
            </Typography>
            <Button
              variant="outlined"
              startIcon={<FileDownloadOutlined />}
              onClick={() => exportCsv(result)}
              disabled={state.kind === 'running'}
              data-testid="claims-export"
            >
              {t('export')}
            </Button>
          </Box>
          <Box
            sx={{
              display: 'grid',
              gridTemplateColumns: { xs: 'minmax(0, 1fr)', lg: 'minmax(280px, 1fr) minmax(0, 2fr)' },
              gap: 2,
              alignItems: 'start',
            }}
          >
            <ClaimsSummary result={result} />
            <DueChart result={result} />
          </Box>
          <ClaimsTable clients={result.clients} />
        </>
      )}
    </Stack>
  );
}
