// Submit, pause, resume, cancel and retry failed: the same buttons in the batch detail and the global indicator.
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogContentText, IconButton, Stack, Tooltip } from '@mui/material';
import CancelOutlined from '@mui/icons-material/CancelOutlined';
import PauseOutlined from '@mui/icons-material/PauseOutlined';
import PlayArrowOutlined from '@mui/icons-material/PlayArrowOutlined';
import ReplayOutlined from '@mui/icons-material/ReplayOutlined';
import SendOutlined from '@mui/icons-material/SendOutlined';
import { useTranslation } from 'react-i18next';
import type { BatchSummary } from '../../../../shared/contract/batches';
import type { BatchState } from '../../../../shared/domain/batch';
import { runActionsFor, useBatchActions, type RunAction } from './use-batch-actions';

const ICONS: Record<RunAction, React.ReactNode> = {
  submit: <SendOutlined fontSize="small" />,
  pause: <PauseOutlined fontSize="small" />,
  resume: <PlayArrowOutlined fontSize="small" />,
  cancel: <CancelOutlined fontSize="small" />,
  retryFailed: <ReplayOutlined fontSize="small" />,
};

interface Props {
  batch: { id: string; name: string; state: BatchState; counts: { failed: number } };
  /** Icon buttons with tooltips, for the status bar. */
  compact?: boolean;
  onChanged?: (batch: BatchSummary) => void;
  onError?: (error: unknown) => void;
}

export function RunActionButtons({ batch, compact = false, onChanged, onError }: Props) {
  const { t } = useTranslation(['batches', 'common']);
  const { run, busy } = useBatchActions(onChanged, onError);
  const [confirmCancel, setConfirmCancel] = useState(false);
  const actions = runActionsFor(batch.state, batch.counts);

  const trigger = (action: RunAction): void => {
    if (action === 'cancel') return setConfirmCancel(true);
    void run(action, batch.id);
  };
  const label = (action: RunAction): string => t(`actions.${action === 'cancel' ? 'cancel' : action}`);

  return (
    <>
      <Stack direction="row" spacing={compact ? 0 : 1} role="group" aria-label={t('actions.label')}>
        {actions.map((action) =>
          compact ? (
            <Tooltip key={action} title={label(action)}>
              <span>
                <IconButton
                  size="small"
                  aria-label={`${label(action)}: ${batch.name}`}
                  disabled={busy !== null}
                  onClick={() => trigger(action)}
                  data-testid={`batch-${action}`}
                >
                  {ICONS[action]}
                </IconButton>
              </span>
            </Tooltip>
          ) : (
            <Button
              key={action}
              size="small"
              variant={action === 'submit' || action === 'resume' ? 'contained' : 'outlined'}
              color={action === 'cancel' ? 'error' : 'primary'}
              startIcon={ICONS[action]}
              disabled={busy !== null}
              onClick={() => trigger(action)}
              data-testid={`batch-${action}`}
            >
              {label(action)}
            </Button>
          ),
        )}
      </Stack>
      <Dialog open={confirmCancel} onClose={() => setConfirmCancel(false)} aria-labelledby="cancel-batch-text">
        <DialogContent>
          <DialogContentText id="cancel-batch-text">{t('confirmCancel')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirmCancel(false)} autoFocus>
            {t('common:actions.back')}
          </Button>
          <Button
            color="error"
            onClick={() => {
              setConfirmCancel(false);
              void run('cancel', batch.id);
            }}
            data-testid="confirm-cancel"
          >
            {t('actions.cancel')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
