import { Suspense } from 'react';
import {
  AppBar,
  Box,
  LinearProgress,
  List,
  ListItem,
  ListItemButton,
  ListItemIcon,
  ListItemText,
  Toolbar,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useFirstScreenSignal } from '../api/query/first-screen';
import { useAppStore, VIEWS } from '../state/app-store';
import { useSessionKey } from '../state/session-change';
import { GlobalProgress } from '../views/batches/GlobalProgress';
import { SessionMenu } from '../views/session';
import { ErrorBoundary, ViewFailure } from './ErrorBoundary';
import { StatusBar } from './StatusBar';
import { viewRegistry } from './views';

const NAV_WIDTH = 212;

export function AppFrame() {
  const { t } = useTranslation();
  const view = useAppStore((s) => s.view);
  const setView = useAppStore((s) => s.setView);
  const session = useSessionKey();
  useFirstScreenSignal(useQueryClient());

  return (
    <Box
      sx={{
        display: 'grid',
        gridTemplateRows: 'auto 1fr auto',
        gridTemplateColumns: `${NAV_WIDTH}px 1fr`,
        height: '100vh',
        minWidth: 1024,
      }}
    >
      <AppBar position="static" color="primary" elevation={0} sx={{ gridColumn: '1 / 3' }}>
        <Toolbar variant="dense" sx={{ gap: 2 }}>
          <Box component="img" src="./icon.svg" alt="" sx={{ width: 28, height: 28 }} />
          <Typography variant="h6" component="h1" sx={{ fontWeight: 600 }}>
            {t('appName')}
          </Typography>
          <Box sx={{ flex: 1 }} />
          <SessionMenu />
        </Toolbar>
      </AppBar>
      <Box
        component="nav"
        aria-label={t('navLabel')}
        sx={{ borderRight: 1, borderColor: 'divider', bgcolor: 'background.paper', overflowY: 'auto' }}
      >
        <List>
          {VIEWS.map((id) => (
            <ListItem key={id} disablePadding>
              <ListItemButton
                selected={view === id}
                onClick={() => setView(id)}
                aria-current={view === id ? 'page' : undefined}
                data-testid={`nav-${id}`}
              >
                <ListItemIcon sx={{ minWidth: 36 }}>{viewRegistry[id].icon}</ListItemIcon>
                <ListItemText primary={t(`nav.${id}`)} />
              </ListItemButton>
            </ListItem>
          ))}
        </List>
      </Box>
      <Box component="main" sx={{ overflow: 'auto', minHeight: 0, position: 'relative' }} id="main-content">
        {/* Keyed on the session: a view keeps nothing (messages, choices, errors) from the person before. */}
        <ErrorBoundary key={session} resetKey={view} fallback={(error, retry) => <ViewFailure error={error} retry={retry} />}>
          <Suspense fallback={<LinearProgress aria-label={t('loading')} />}>{viewRegistry[view].render()}</Suspense>
        </ErrorBoundary>
      </Box>
      <Box sx={{ gridColumn: '1 / 3' }}>
        <StatusBar>
          <GlobalProgress />
        </StatusBar>
      </Box>
    </Box>
  );
}
