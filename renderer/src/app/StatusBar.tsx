import { Box, Chip, Typography } from '@mui/material';
import CloudDoneOutlined from '@mui/icons-material/CloudDoneOutlined';
import CloudOffOutlined from '@mui/icons-material/CloudOffOutlined';
import CloudQueueOutlined from '@mui/icons-material/CloudQueueOutlined';
import { useTranslation } from 'react-i18next';
import { useAppStatus } from '../api/query/app';
import { formatDateTime } from '../../../shared/format/format';

export function StatusBar({ children }: { children?: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const status = useAppStatus();
  if (!status) return null;
  // The services may answer while the environment is still starting or failed to start: it is not "online" then.
  const reachable = status.connected && status.online;
  const connection = status.connected
    ? status.online
      ? 'status.online'
      : 'status.offline'
    : status.connecting
      ? 'status.connecting'
      : 'status.notConnected';
  return (
    <Box
      component="footer"
      role="status"
      aria-live="polite"
      sx={{
        display: 'flex',
        alignItems: 'center',
        gap: 2,
        px: 2,
        py: 0.5,
        borderTop: 1,
        borderColor: 'divider',
        bgcolor: 'background.paper',
        minHeight: 32,
      }}
    >
      <Chip
        size="small"
        color={status.environment === 'production' ? 'error' : status.environment === 'test' ? 'warning' : 'default'}
        label={`${t('status.environment')}: ${t(`environment.${status.environment}`)}`}
        data-testid="status-environment"
      />
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 0.5 }} data-testid="status-online">
        {reachable ? (
          <CloudDoneOutlined fontSize="small" color="success" />
        ) : status.connecting ? (
          <CloudQueueOutlined fontSize="small" color="action" />
        ) : (
          <CloudOffOutlined fontSize="small" color="warning" />
        )}
        <Typography variant="caption">{t(connection)}</Typography>
      </Box>
      <Typography variant="caption" color="text.secondary">
        {status.lastSyncAt ? t('status.lastSync', { time: formatDateTime(status.lastSyncAt, i18n.language) }) : t('status.neverSynced')}
      </Typography>
      <Box sx={{ flex: 1 }} />
      {children}
    </Box>
  );
}
