// What to do when the list is empty, in plain words: sign in, get the right, sync, or loosen the filters.
import { Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';

export type EmptyReason = 'signIn' | 'notAdmin' | 'neverSynced' | 'noMatch';

/** Altinn's own explanation wins over ours when it gave one (a refused sync carries it). */
export function emptyReason(input: {
  hasSession: boolean;
  isClientAdmin: boolean;
  everSynced: boolean;
  filtered: boolean;
  syncError: unknown;
}): EmptyReason {
  if (input.filtered) return 'noMatch';
  if (input.syncError instanceof ApiError && input.syncError.code === 'NO_CLIENT_ADMIN') return 'notAdmin';
  if (!input.hasSession) return 'signIn';
  if (!input.isClientAdmin) return 'notAdmin';
  return input.everSynced ? 'noMatch' : 'neverSynced';
}

export function EmptyState({
  reason,
  serviceMessage,
  onClearFilters,
}: {
  reason: EmptyReason;
  serviceMessage?: string;
  onClearFilters(): void;
}) {
  const { t } = useTranslation('clients');
  const body = reason === 'noMatch' ? null : reason === 'notAdmin' && serviceMessage ? serviceMessage : t(`empty.${reason}Body`);
  return (
    <Box role="status" data-testid={`clients-empty-${reason}`} sx={{ py: 6, px: 3, textAlign: 'center', maxWidth: 640, mx: 'auto' }}>
      <Typography variant="h6" component="p" gutterBottom>
        {t(`empty.${reason}`)}
      </Typography>
      {body && <Typography color="text.secondary">{body}</Typography>}
      {reason === 'noMatch' && (
        <Button sx={{ mt: 2 }} onClick={onClearFilters}>
          {t('filters.clear')}
        </Button>
      )}
    </Box>
  );
}
