import { useState } from 'react';
import {
  Alert,
  AlertTitle,
  Box,
  Button,
  LinearProgress,
  Link,
  List,
  ListItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import PostAddOutlined from '@mui/icons-material/PostAddOutlined';
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined';
import { useTranslation } from 'react-i18next';
import type { BatchSummary, ParseError } from '../../../../shared/contract/batches';
import { importBatchFile } from '../../api/client';
import { useBatchCommand, useBatchList } from '../../api/query/batches';
import { ErrorDetails } from '../../components/ErrorDetails';
import { describeLineProblem } from '../../i18n/describe-error';
import { useAppStore } from '../../state/app-store';
import { useWizardLaunch } from '../clients/wizard/launch';
import { BatchStateChip } from './BatchStateChip';
import { pickFile } from '../../components/files';
import { percentDone } from './format';
import { useBatchProgress } from './progress-store';
import { formatDateTime, formatNumber } from '../../../../shared/format/format';

export function BatchList({ onOpen }: { onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation('batches');
  const shared = useBatchProgress((s) => s.byId);
  const countsOf = (b: BatchSummary): BatchSummary['counts'] => shared[b.id]?.counts ?? b.counts;
  const list = useBatchList();
  const batches = list.data ?? null;
  const command = useBatchCommand();
  const [error, setError] = useState<unknown>(null);
  const [importErrors, setImportErrors] = useState<ParseError[] | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const setView = useAppStore((s) => s.setView);

  // A new draft is made by the delegation wizard, which lives with the client list it picks clients from.
  const newDraft = (): void => {
    useWizardLaunch.getState().request('add');
    setView('clients');
  };

  const importFile = async (): Promise<void> => {
    setImportErrors(null);
    setNotice(null);
    try {
      const result = await command.run(() => importBatchFile(() => pickFile('.json,application/json')));
      if (!result) return;
      if (result.batch) setNotice(t('import.done', { name: result.batch.name }));
      else setImportErrors(result.errors);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Typography color="text.secondary" sx={{ flex: 1 }}>
          {t('intro')}
        </Typography>
        <Button variant="contained" startIcon={<PostAddOutlined />} onClick={newDraft} data-testid="batch-new-draft">
          {t('actions.newDraft')}
        </Button>
        <Button variant="outlined" startIcon={<UploadFileOutlined />} onClick={() => void importFile()} data-testid="batch-import">
          {t('actions.importFile')}
        </Button>
      </Stack>
      {(error ?? list.error) !== null && (
        <ErrorDetails
          error={error ?? list.error}
          onRetry={() => {
            setError(null);
            void list.refetch();
          }}
        />
      )}
      {notice && (
        <Alert severity="success" onClose={() => setNotice(null)}>
          {notice}
        </Alert>
      )}
      {importErrors && (
        <Alert severity="error" onClose={() => setImportErrors(null)} data-testid="import-errors">
          <AlertTitle>{t('import.title')}</AlertTitle>
          {t('import.body')}
          <List dense disablePadding>
            {importErrors.map((e, i) => (
              <ListItem key={i} disableGutters sx={{ display: 'block' }}>
                <strong>{t('import.line', { line: e.line })}</strong>: {describeLineProblem(e, t)}
              </ListItem>
            ))}
          </List>
        </Alert>
      )}
      {batches && batches.length === 0 && <Typography color="text.secondary">{t('empty')}</Typography>}
      {batches && batches.length > 0 && (
        <TableContainer>
          <Table size="small" aria-label={t('list.label')} data-testid="batch-list">
            <TableHead>
              <TableRow>
                <TableCell>{t('list.name')}</TableCell>
                <TableCell>{t('list.state')}</TableCell>
                <TableCell>{t('list.systemUser')}</TableCell>
                <TableCell sx={{ width: 220 }}>{t('list.progress')}</TableCell>
                <TableCell>{t('list.created')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {batches.map((b) => (
                <TableRow key={b.id} hover data-testid="batch-row">
                  <TableCell>
                    <Link
                      component="button"
                      onClick={() => onOpen(b.id)}
                      aria-label={t('actions.open', { name: b.name })}
                      sx={{ textAlign: 'left' }}
                    >
                      {b.name}
                    </Link>
                  </TableCell>
                  <TableCell>
                    <BatchStateChip state={b.state} pauseReason={b.pauseReason} />
                  </TableCell>
                  <TableCell>{b.systemUserTitle || b.systemUserId}</TableCell>
                  <TableCell>
                    <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                      <LinearProgress variant="determinate" value={percentDone(countsOf(b))} sx={{ flex: 1 }} aria-hidden />
                      <Typography variant="caption" noWrap>
                        {t('counts', { done: countsOf(b).done, total: countsOf(b).total })}
                        {countsOf(b).failed > 0 ? ` · ${t('itemState.failed')} ${formatNumber(countsOf(b).failed, i18n.language)}` : ''}
                      </Typography>
                    </Box>
                  </TableCell>
                  <TableCell>
                    {formatDateTime(b.createdAt, i18n.language)} · {b.createdBy}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
    </Stack>
  );
}
