import { useEffect, useMemo } from 'react';
import { CssBaseline, LinearProgress, ThemeProvider, useMediaQuery } from '@mui/material';
import { QueryClientProvider } from '@tanstack/react-query';
import { I18nextProvider } from 'react-i18next';
import { useSettingsQuery, useStatusQuery } from './api/query/app';
import { queryClient } from './api/query/app-query-client';
import { useServerEvents } from './api/query/server-events';
import { AppFrame } from './app/AppFrame';
import { AppFailure, ErrorBoundary } from './app/ErrorBoundary';
import { UnlockKeysDialog } from './components/unlock/UnlockKeysDialog';
import { buildTheme } from './app/theme';
import i18n from './i18n';

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nextProvider i18n={i18n}>
        <Themed />
      </I18nextProvider>
    </QueryClientProvider>
  );
}

function Themed() {
  useServerEvents(queryClient);
  const settings = useSettingsQuery();
  const status = useStatusQuery();
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const language = settings.data?.language;

  useEffect(() => {
    if (language && i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language ?? i18n.language;
  }, [language]);

  const chosen = settings.data?.theme ?? 'system';
  const mode = chosen === 'system' ? (prefersDark ? 'dark' : 'light') : chosen;
  const theme = useMemo(() => buildTheme(mode), [mode]);
  const failed = settings.error ?? status.error;

  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {failed ? (
        <AppFailure
          error={failed}
          title={i18n.t('error.startFailed')}
          retry={() => void Promise.all([settings.refetch(), status.refetch()])}
        />
      ) : settings.data && status.data ? (
        <ErrorBoundary fallback={(error, retry) => <AppFailure error={error} retry={retry} />}>
          <AppFrame />
          <UnlockKeysDialog />
        </ErrorBoundary>
      ) : (
        <LinearProgress aria-label={i18n.t('loading')} />
      )}
    </ThemeProvider>
  );
}
