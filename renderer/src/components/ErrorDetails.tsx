import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, Collapse, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** A plain-words error, with the service's code and correlation id one click away. */
export function ErrorDetails({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const message = error instanceof Error ? error.message : String(error);
  const api = error instanceof ApiError ? error : null;
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        <Box sx={{ display: 'flex', gap: 1 }}>
          {api && (
            <Button color="inherit" size="small" onClick={() => setOpen((o) => !o)} aria-expanded={open}>
              {t('error.details')}
            </Button>
          )}
          {onRetry && (
            <Button color="inherit" size="small" onClick={onRetry}>
              {t('error.retry')}
            </Button>
          )}
        </Box>
      }
    >
      {title && <AlertTitle>{title}</AlertTitle>}
      {message}
      {api && (
        <Collapse in={open}>
          <Typography variant="body2" component="div" sx={{ mt: 1, fontFamily: 'monospace' }}>
            {t('error.code')}: {api.code}
            {api.correlationId && (
              <>
                <br />
                {t('error.correlationId')}: {api.correlationId}
              </>
            )}
          </Typography>
        </Collapse>
      )}
    </Alert>
  );
}
