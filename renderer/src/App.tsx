import { useEffect, useMemo, useState } from 'react';
import { CssBaseline, ThemeProvider, useMediaQuery } from '@mui/material';
import { I18nextProvider } from 'react-i18next';
import { call, subscribe } from './api/client';
import { AppFrame } from './app/AppFrame';
import { UnlockKeysDialog } from './components/unlock/UnlockKeysDialog';
import { buildTheme } from './app/theme';
import i18n from './i18n';
import { useAppStore } from './state/app-store';

export function App() {
  const settings = useAppStore((s) => s.settings);
  const setSettings = useAppStore((s) => s.setSettings);
  const setStatus = useAppStore((s) => s.setStatus);
  const prefersDark = useMediaQuery('(prefers-color-scheme: dark)');
  const [ready, setReady] = useState(false);

  useEffect(() => {
    void (async () => {
      const [s, st] = await Promise.all([call('settings.get', {}), call('app.status', {})]);
      setSettings(s);
      setStatus(st);
      setReady(true);
    })();
    return subscribe('app.status', setStatus);
  }, [setSettings, setStatus]);

  useEffect(() => {
    if (settings && i18n.language !== settings.language) void i18n.changeLanguage(settings.language);
    document.documentElement.lang = settings?.language ?? 'nb';
  }, [settings]);

  const mode = settings?.theme === 'system' || !settings ? (prefersDark ? 'dark' : 'light') : settings.theme;
  const theme = useMemo(() => buildTheme(mode), [mode]);

  return (
    <I18nextProvider i18n={i18n}>
      <ThemeProvider theme={theme}>
        <CssBaseline />
        {ready && <AppFrame />}
        {ready && <UnlockKeysDialog />}
      </ThemeProvider>
    </I18nextProvider>
  );
}
