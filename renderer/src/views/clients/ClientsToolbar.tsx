// Sync (with live progress), export and the wizard's two doors, plus when the local copy was last refreshed.
import { memo } from 'react';
import { Box, Button, LinearProgress, Tooltip, Typography } from '@mui/material';
import SyncIcon from '@mui/icons-material/Sync';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import PersonAddAlt1Outlined from '@mui/icons-material/PersonAddAlt1Outlined';
import PersonRemoveOutlined from '@mui/icons-material/PersonRemoveOutlined';
import ReceiptLongOutlined from '@mui/icons-material/ReceiptLongOutlined';
import { useTranslation } from 'react-i18next';
import type { SyncProgress } from './use-client-sync';
import { formatDateTime } from '../../../../shared/format/format';

/** Memoised: a search keystroke changes nothing here, unless it is the first to match nothing (or something). */
export const ClientsToolbar = memo(function ClientsToolbar(props: {
  canSync: boolean;
  syncBlockedReason: string | null;
  syncing: boolean;
  progress: SyncProgress | null;
  lastSyncAt: string | null;
  exporting: boolean;
  onSync(): void;
  onExport(): void;
  onDelegate(): void;
  onRemove(): void;
  /** Open claims for the selection: the quickest proof that a delegation works. */
  selectionCount: number;
  onShowClaims(): void;
  /** False while the local copy holds no clients (never synced, or signed out with nothing stored). */
  hasClients: boolean;
  /** Whether the current search and filters match any row; nothing to export when not. */
  hasMatches: boolean;
}) {
  const { t, i18n } = useTranslation('clients');
  const p = props.progress;
  const progressText = p ? t(`progress.${p.phase}`, { done: p.done, total: p.total, count: p.total }) : t('toolbar.syncing');
  const fraction = p && p.phase === 'delegations' && p.total > 0 ? (p.done / p.total) * 100 : undefined;
  return (
    <Box role="toolbar" aria-label={t('toolbar.label')} sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
      <Tooltip title={props.syncBlockedReason ?? ''}>
        <span>
          <Button
            size="small"
            variant="contained"
            startIcon={<SyncIcon />}
            disabled={!props.canSync || props.syncing}
            onClick={props.onSync}
            data-testid="clients-sync"
          >
            {props.syncing ? t('toolbar.syncing') : t('toolbar.sync')}
          </Button>
        </span>
      </Tooltip>
      {[
        {
          id: 'export',
          icon: <FileDownloadOutlined />,
          disabled: props.exporting || !props.hasClients || !props.hasMatches,
          onClick: props.onExport,
          label: t('toolbar.export'),
        },
        {
          id: 'delegate',
          icon: <PersonAddAlt1Outlined />,
          disabled: !props.hasClients,
          onClick: props.onDelegate,
          label: t('toolbar.delegate'),
        },
        { id: 'remove', icon: <PersonRemoveOutlined />, disabled: !props.hasClients, onClick: props.onRemove, label: t('toolbar.remove') },
        {
          id: 'show-claims',
          icon: <ReceiptLongOutlined />,
          disabled: props.selectionCount === 0,
          onClick: props.onShowClaims,
          label: t('toolbar.showClaims'),
        },
      ].map((action) => (
        <Button
          key={action.id}
          size="small"
          variant="outlined"
          startIcon={action.icon}
          disabled={action.disabled}
          onClick={action.onClick}
          data-testid={`clients-${action.id}`}
        >
          {action.label}
        </Button>
      ))}
      <Box sx={{ flex: 1 }} />
      {props.syncing ? (
        <Box role="status" aria-live="polite" sx={{ minWidth: 260 }}>
          <Typography variant="caption">{progressText}</Typography>
          <LinearProgress variant={fraction === undefined ? 'indeterminate' : 'determinate'} value={fraction} aria-label={progressText} />
        </Box>
      ) : (
        <Typography variant="body2" color="text.secondary" data-testid="clients-last-sync">
          {props.lastSyncAt ? t('toolbar.lastSync', { time: formatDateTime(props.lastSyncAt, i18n.language) }) : t('toolbar.neverSynced')}
        </Typography>
      )}
    </Box>
  );
});
