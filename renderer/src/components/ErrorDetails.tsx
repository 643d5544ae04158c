import { useState } from 'react';
import { Alert, AlertTitle, Box, Button, Collapse, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { describeError } from '../i18n/describe-error';

/** A plain-words error in the reader's language, with the service's code and correlation id one click away. */
export function ErrorDetails({ error, title, onRetry }: { error: unknown; title?: string; onRetry?: () => void }) {
  const { t } = useTranslation(['common', 'errors']);
  const [open, setOpen] = useState(false);
  const { text, facts } = describeError(error, t);
  const hasDetails = error instanceof ApiError || facts.correlationId !== undefined;
  const line = (label: string, value: string | number | undefined) =>
    value === undefined ? null : (
      <div>
        {label}: {value}
      </div>
    );
  return (
    <Alert
      severity="error"
      role="alert"
      action={
        <Box sx={{ display: 'flex', gap: 1 }}>
          {hasDetails && (
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
      {text}
      {hasDetails && (
        <Collapse in={open} unmountOnExit>
          <Typography variant="body2" component="div" sx={{ mt: 1, fontFamily: 'monospace' }} data-testid="error-details">
            {line(t('errors:details.code'), facts.code)}
            {facts.service && line(t('errors:details.service'), t(`errors:services.${facts.service}`, { defaultValue: facts.service }))}
            {facts.serviceCode !== facts.code && line(t('errors:details.serviceCode'), facts.serviceCode)}
            {line(t('errors:details.status'), facts.status)}
            {line(t('errors:details.correlationId'), facts.correlationId)}
          </Typography>
        </Collapse>
      )}
    </Alert>
  );
}
