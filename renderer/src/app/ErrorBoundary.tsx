// No failure leaves a blank window: the frame has one boundary around everything and one around the open
// view, so a view that breaks leaves the menu, the top bar and the status bar working.
import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Box, Button, Stack, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ErrorDetails } from '../components/ErrorDetails';

interface Props {
  children: ReactNode;
  /** What to show instead of the children; `retry` clears the failure and renders them again. */
  fallback(error: unknown, retry: () => void): ReactNode;
  /** Changing this key (e.g. the view id) clears a previous failure. */
  resetKey?: string;
}
interface State {
  error: unknown;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error ?? new Error('unknown failure') };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error('Render failed', error, info.componentStack);
  }

  override componentDidUpdate(prev: Props): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  override render(): ReactNode {
    if (this.state.error) return this.props.fallback(this.state.error, () => this.setState({ error: null }));
    return this.props.children;
  }
}

/** One view failed: said in plain words inside the pane, with "Try again". */
export function ViewFailure({ error, retry }: { error: unknown; retry: () => void }) {
  const { t } = useTranslation();
  return (
    <Box sx={{ p: 3 }} data-testid="view-failure">
      <ErrorDetails error={error} title={t('error.title')} onRetry={retry} />
    </Box>
  );
}

/** The whole window failed (or could not start): plain words, "Try again" and "Reload the window". */
export function AppFailure({ error, retry, title }: { error: unknown; retry: () => void; title?: string }) {
  const { t } = useTranslation();
  return (
    <Box component="main" sx={{ p: 4, maxWidth: 720, mx: 'auto' }} data-testid="app-failure">
      <Stack spacing={2}>
        <Typography variant="h5" component="h1">
          {title ?? t('error.title')}
        </Typography>
        <Typography>{t('error.appBody')}</Typography>
        <ErrorDetails error={error} />
        <Stack direction="row" spacing={1}>
          <Button variant="contained" onClick={retry}>
            {t('error.retry')}
          </Button>
          <Button onClick={() => window.location.reload()}>{t('error.reload')}</Button>
        </Stack>
      </Stack>
    </Box>
  );
}
