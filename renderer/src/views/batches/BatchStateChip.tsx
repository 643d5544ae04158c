import { Chip, type ChipProps } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { BatchState, ItemState } from '../../../../shared/domain/batch';

const BATCH_COLORS: Record<BatchState, ChipProps['color']> = {
  draft: 'default',
  queued: 'info',
  running: 'primary',
  paused: 'warning',
  completed: 'success',
  completed_with_failures: 'error',
  cancelled: 'default',
};

const ITEM_COLORS: Record<ItemState, ChipProps['color']> = {
  pending: 'default',
  in_flight: 'primary',
  unknown: 'warning',
  done: 'success',
  failed: 'error',
  skipped: 'default',
};

export function BatchStateChip({ state, pauseReason }: { state: BatchState; pauseReason?: string | null }) {
  const { t } = useTranslation('batches');
  const label = t(`state.${state}`);
  const reason = state === 'paused' && pauseReason ? t(`pauseReason.${pauseReason}`, { defaultValue: pauseReason }) : null;
  return (
    <Chip
      size="small"
      color={BATCH_COLORS[state]}
      variant={state === 'draft' || state === 'cancelled' ? 'outlined' : 'filled'}
      label={reason ? `${label} – ${reason}` : label}
      data-testid="batch-state"
      data-state={state}
    />
  );
}

export function ItemStateChip({ state }: { state: ItemState }) {
  const { t } = useTranslation('batches');
  return <Chip size="small" variant="outlined" color={ITEM_COLORS[state]} label={t(`itemState.${state}`)} data-state={state} />;
}
