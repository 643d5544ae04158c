// After a sync: which clients are new and which have left, with the next steps one click away.
import { Alert, AlertTitle, Box, Button, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SyncResult } from '../../../../shared/contract/clients';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';

const SHOWN = 5;

export interface SyncCalloutActions {
  showNew(): void;
  delegateNew(): void;
  showGone(): void;
  removeGone(): void;
  dismiss(): void;
}

function Names({ list, count }: { list: SyncResult['added']; count: number }) {
  const { t } = useTranslation('clients');
  return (
    <Typography variant="body2" component="p">
      {list.slice(0, SHOWN).map((c, i) => (
        <span key={c.orgNumber}>
          {i > 0 && ', '}
          {c.name} ({formatOrgNumber(c.orgNumber)})
        </span>
      ))}
      {count > SHOWN && ` ${t('callout.andMore', { count: count - SHOWN })}`}
    </Typography>
  );
}

export function SyncCallout({ result, actions }: { result: SyncResult; actions: SyncCalloutActions }) {
  const { t } = useTranslation('clients');
  if (result.firstSync || (result.addedCount === 0 && result.removedCount === 0)) return null;
  return (
    <Alert
      severity="info"
      onClose={actions.dismiss}
      slotProps={{ closeButton: { 'aria-label': t('callout.dismiss') } as object }}
      data-testid="sync-callout"
    >
      <AlertTitle>{t('callout.title')}</AlertTitle>
      {result.addedCount > 0 && (
        <Box sx={{ mb: 1 }}>
          <Typography variant="subtitle2" component="h3">
            {t('callout.added', { count: result.addedCount })}
          </Typography>
          <Names list={result.added} count={result.addedCount} />
          <Box sx={{ display: 'flex', gap: 1, mt: 0.5 }}>
            <Button size="small" variant="outlined" onClick={actions.showNew}>
              {t('callout.showNew')}
            </Button>
            <Button size="small" variant="contained" onClick={actions.delegateNew}>
              {t('callout.delegateNew')}
            </Button>
          </Box>
        </Box>
      )}
      {result.removedCount > 0 && (
        <Box>
          <Typography variant="subtitle2" component="h3">
            {t('callout.removed', { count: result.removedCount })}
          </Typography>
          <Names list={result.removed} count={result.removedCount} />
          <Box sx={{ display: 'flex', gap: 1, mt: 0.5 }}>
            <Button size="small" variant="outlined" onClick={actions.showGone}>
              {t('callout.showGone')}
            </Button>
            <Button size="small" variant="contained" color="warning" onClick={actions.removeGone}>
              {t('callout.removeGone')}
            </Button>
          </Box>
        </Box>
      )}
    </Alert>
  );
}
