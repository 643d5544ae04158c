import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  MenuItem,
  Stack,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import ArrowBackOutlined from '@mui/icons-material/ArrowBackOutlined';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import DownloadOutlined from '@mui/icons-material/DownloadOutlined';
import EditOutlined from '@mui/icons-material/EditOutlined';
import TableViewOutlined from '@mui/icons-material/TableViewOutlined';
import { useTranslation } from 'react-i18next';
import { ITEM_STATES, type ItemState } from '../../../../shared/domain/batch';
import { call, exportBatchFile } from '../../api/client';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useAppStatus } from '../../api/query/app';
import { useBatchCommand, useBatchDetail } from '../../api/query/batches';
import { BatchStateChip } from './BatchStateChip';
import { saveTextFile } from '../../components/files';
import { DraftEditButtons } from './DraftEditButtons';
import { formatDuration } from './format';
import { ItemTable } from './ItemTable';
import { useBatchProgress } from './progress-store';
import { RunActionButtons } from './RunActionButtons';
import { useFocusOnEntered } from '../../components/use-focus-on-entered';

const PAGE = 200;

export function BatchDetail({ id, onBack, onOpen }: { id: string; onBack: () => void; onOpen: (id: string) => void }) {
  const { t, i18n } = useTranslation(['batches', 'common']);
  const environment = useAppStatus()?.environment;
  const progress = useBatchProgress((s) => s.byId[id]);
  const sharedCounts = progress?.counts;
  const [filter, setFilter] = useState<ItemState | 'all'>('all');
  const [limit, setLimit] = useState(PAGE);
  const [error, setError] = useState<unknown>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const cancelDelete = useFocusOnEntered<HTMLButtonElement>();
  /** Rows chosen for removal from a draft; forgotten when the rows shown change. */
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [note, setNote] = useState<string | null>(null);

  const detail = useBatchDetail(id, filter, limit);
  const command = useBatchCommand();
  const act = (work: () => Promise<unknown>): Promise<void> => {
    setError(null);
    return command.run(work).then(() => undefined, setError);
  };

  const batch = detail.data?.batch;
  const items = detail.data?.items ?? [];
  const total = detail.data?.totalItems ?? 0;
  if (!batch) return detail.error !== null ? <ErrorDetails error={detail.error} onRetry={() => void detail.refetch()} /> : null;
  const c = sharedCounts ?? batch.counts;
  const isDraft = batch.state === 'draft';

  return (
    <Stack spacing={2}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <Tooltip title={t('actions.back')}>
          <IconButton onClick={onBack} aria-label={t('actions.back')}>
            <ArrowBackOutlined />
          </IconButton>
        </Tooltip>
        <Typography variant="h6" component="h3" data-testid="batch-name">
          {batch.name}
        </Typography>
        <Tooltip title={t('actions.rename')}>
          <IconButton size="small" aria-label={t('actions.rename')} onClick={() => setRenaming(batch.name)}>
            <EditOutlined fontSize="small" />
          </IconButton>
        </Tooltip>
        <BatchStateChip state={batch.state} pauseReason={batch.pauseReason} />
        <Box sx={{ flex: 1 }} />
        <RunActionButtons batch={batch} onChanged={() => void act(async () => undefined)} onError={setError} />
      </Stack>

      <Typography variant="body2" color="text.secondary" data-testid="batch-counts">
        {batch.systemUserTitle || batch.systemUserId} ·{' '}
        {t('countsDetail', {
          total: c.total,
          done: c.done,
          failed: c.failed,
          pending: c.pending + c.in_flight + c.unknown,
          skipped: c.skipped,
        })}
        {progress?.state === 'running' && progress.throughputPerMinute > 0
          ? ` · ${t('throughput', { rate: Math.round(progress.throughputPerMinute) })}`
          : ''}
        {progress?.state === 'running' && progress.etaSeconds
          ? ` · ${t('eta', { time: formatDuration(progress.etaSeconds, i18n.language) })}`
          : ''}
      </Typography>
      {environment && batch.environment !== environment && (
        <Alert severity="info">{t('environmentMismatch', { env: batch.environment })}</Alert>
      )}
      {error !== null && <ErrorDetails error={error} onRetry={() => setError(null)} />}
      {note && (
        <Alert severity="success" role="status" onClose={() => setNote(null)} data-testid="batch-note">
          {note}
        </Alert>
      )}

      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <Button
          size="small"
          startIcon={<ContentCopyOutlined />}
          onClick={() => void act(async () => onOpen((await call('batches.duplicate', { id })).id))}
        >
          {t('actions.duplicate')}
        </Button>
        <Button
          size="small"
          startIcon={<DownloadOutlined />}
          data-testid="batch-export"
          onClick={() => void act(() => exportBatchFile(id))}
        >
          {t('actions.exportFile')}
        </Button>
        <Button
          size="small"
          startIcon={<TableViewOutlined />}
          data-testid="batch-report"
          onClick={() =>
            void act(async () => {
              const report = await call('batches.reportCsv', { id });
              saveTextFile(report.filename, report.csv, 'text/csv;charset=utf-8');
            })
          }
        >
          {t('actions.report')}
        </Button>
        {isDraft && (
          <DraftEditButtons
            batch={batch}
            selected={selected}
            onChanged={(_updated, message) => {
              setSelected(new Set());
              setNote(message);
              void act(async () => undefined);
            }}
            onError={setError}
          />
        )}
        {isDraft && (
          <Button size="small" color="error" startIcon={<DeleteOutlined />} onClick={() => setConfirmDelete(true)}>
            {t('actions.delete')}
          </Button>
        )}
        <Box sx={{ flex: 1 }} />
        <TextField
          select
          size="small"
          label={t('items.filter')}
          value={filter}
          onChange={(e) => {
            setFilter(e.target.value as ItemState | 'all');
            setLimit(PAGE);
            setSelected(new Set());
          }}
          sx={{ minWidth: 160 }}
        >
          {(['all', ...ITEM_STATES] as const).map((s) => (
            <MenuItem key={s} value={s}>
              {t(`itemState.${s}`)}
            </MenuItem>
          ))}
        </TextField>
      </Stack>

      <ItemTable
        items={items}
        total={total}
        onMore={() => setLimit((l) => l + PAGE)}
        selection={isDraft ? { selected, onChange: setSelected } : undefined}
      />

      <Dialog open={renaming !== null} onClose={() => setRenaming(null)} aria-labelledby="rename-title">
        <DialogTitle id="rename-title">{t('actions.rename')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label={t('renameLabel')}
            value={renaming ?? ''}
            onChange={(e) => setRenaming(e.target.value)}
            slotProps={{ htmlInput: { maxLength: 200 } }}
          />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRenaming(null)}>{t('common:actions.cancel')}</Button>
          <Button
            disabled={!renaming?.trim()}
            onClick={() => {
              const name = renaming!.trim();
              setRenaming(null);
              void act(() => call('batches.rename', { id, name }));
            }}
          >
            {t('common:actions.save')}
          </Button>
        </DialogActions>
      </Dialog>

      <Dialog open={confirmDelete} onClose={() => setConfirmDelete(false)} aria-labelledby="delete-text" slotProps={cancelDelete.slotProps}>
        <DialogContent>
          <DialogContentText id="delete-text">{t('confirmDelete', { name: batch.name })}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmDelete(false)} autoFocus ref={cancelDelete.ref}>
            {t('common:actions.cancel')}
          </Button>
          <Button
            color="error"
            onClick={() => {
              setConfirmDelete(false);
              void act(() => call('batches.delete', { id })).then(onBack);
            }}
          >
            {t('actions.delete')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
