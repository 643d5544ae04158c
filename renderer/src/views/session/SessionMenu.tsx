import { useEffect, useState } from 'react';
import { Box, Button, Divider, Menu, MenuItem, Typography } from '@mui/material';
import AccountCircleOutlined from '@mui/icons-material/AccountCircleOutlined';
import LoginOutlined from '@mui/icons-material/LoginOutlined';
import LogoutOutlined from '@mui/icons-material/LogoutOutlined';
import WarningAmberOutlined from '@mui/icons-material/WarningAmberOutlined';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../../../shared/contract/app';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { call } from '../../api/client';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useAppStatus, showStatus } from '../../api/query/app';
import { onSessionChanged } from '../../state/session-change';
import { NotClientAdminNotice } from './NotClientAdminNotice';
import { SignInDialog } from './SignInDialog';
import './register';

/** The top bar's sign-in button, or who is signed in for which firm, with sign-out. */
export function SessionMenu() {
  const { t } = useTranslation('session');
  const status = useAppStatus();
  const [dialogOpen, setDialogOpen] = useState(false);
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const [signOutError, setSignOutError] = useState<unknown>(null);
  useEffect(() => onSessionChanged(() => setSignOutError(null)), []);
  if (!status) return null;
  const session = status.session;

  // The app.status event follows as well; setting it here keeps the bar from lagging behind the dialog.
  const showSession = (next: Session | null): void => showStatus({ ...status, session: next });

  // Shown as signed out at once: signing out is local to main and does not fail in practice; if it does, the
  // session comes back with the reason next to it.
  const signOut = async (): Promise<void> => {
    setAnchor(null);
    const before = session;
    showSession(null);
    try {
      await call('session.signOut', {});
    } catch (error) {
      showSession(before);
      setSignOutError(error);
    }
  };

  return (
    <>
      {session ? (
        <Button
          color="inherit"
          variant="outlined"
          onClick={(e) => setAnchor(e.currentTarget)}
          aria-haspopup="menu"
          aria-expanded={anchor !== null}
          aria-controls={anchor ? 'session-menu' : undefined}
          aria-label={t('menuLabel', { name: session.person.name })}
          startIcon={session.isClientAdmin ? <AccountCircleOutlined /> : <WarningAmberOutlined />}
          sx={{ borderColor: 'rgba(255,255,255,0.5)', textTransform: 'none' }}
          data-testid="session-button"
        >
          {session.person.name} · {session.firm.name} ({formatOrgNumber(session.firm.orgNumber)})
        </Button>
      ) : (
        <Button
          color="inherit"
          variant="outlined"
          startIcon={<LoginOutlined />}
          onClick={() => setDialogOpen(true)}
          data-testid="session-button"
        >
          {t('signIn')}
        </Button>
      )}
      <Menu id="session-menu" anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {session && <SessionSummary session={session} />}
        <Divider />
        <MenuItem onClick={() => void signOut()} data-testid="sign-out">
          <LogoutOutlined fontSize="small" sx={{ mr: 1 }} />
          {t('signOut')}
        </MenuItem>
      </Menu>
      {signOutError !== null && (
        <Box sx={{ position: 'fixed', top: 56, right: 16, zIndex: 'modal', maxWidth: 480 }}>
          <ErrorDetails error={signOutError} onRetry={() => setSignOutError(null)} />
        </Box>
      )}
      <SignInDialog open={dialogOpen} environment={status.environment} onClose={() => setDialogOpen(false)} onSignedIn={showSession} />
    </>
  );
}

function SessionSummary({ session }: { session: Session }) {
  const { t } = useTranslation('session');
  const { t: tc } = useTranslation();
  const rows: [string, string][] = [
    [t('person'), session.person.name],
    [t('firm'), `${session.firm.name} (${formatOrgNumber(session.firm.orgNumber)})`],
    [t('environment'), tc(`environment.${session.environment}`)],
    [t('clientAdmin'), session.isClientAdmin ? t('yes') : t('no')],
  ];
  return (
    <Box sx={{ px: 2, py: 1, maxWidth: 420 }} data-testid="session-summary">
      <Box component="dl" sx={{ display: 'grid', gridTemplateColumns: 'auto 1fr', columnGap: 2, rowGap: 0.5, m: 0 }}>
        {rows.map(([label, value]) => (
          <Box key={label} sx={{ display: 'contents' }}>
            <Typography component="dt" variant="body2" color="text.secondary">
              {label}
            </Typography>
            <Typography component="dd" variant="body2" sx={{ m: 0 }}>
              {value}
            </Typography>
          </Box>
        ))}
      </Box>
      {!session.isClientAdmin && (
        <Box sx={{ mt: 1 }}>
          <NotClientAdminNotice session={session} />
        </Box>
      )}
    </Box>
  );
}
