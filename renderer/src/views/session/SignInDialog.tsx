import { useEffect, useRef } from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Box,
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  List,
  ListItemButton,
  ListItemText,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { DemoPerson, Session } from '../../../../shared/contract/app';
import type { EnvironmentId } from '../../../../shared/contract/define';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query/keys';
import { ErrorDetails } from '../../components/ErrorDetails';
import { NotClientAdminNotice } from './NotClientAdminNotice';

interface Props {
  open: boolean;
  environment: EnvironmentId;
  onClose(): void;
  onSignedIn(session: Session): void;
}

export function SignInDialog({ open, environment, onClose, onSignedIn }: Props) {
  const { t } = useTranslation('session');
  // Set when the user gives up waiting for the browser; a sign-in that completes after that is undone.
  const abandoned = useRef(false);
  const isDemo = environment === 'demo';
  const persons = useQuery({
    queryKey: queryKeys.session.demoPersons(environment),
    queryFn: () => call('session.demoPersons', {}),
    enabled: open && isDemo,
    // Asked each time the dialog opens: the world may have changed its persons since.
    staleTime: 0,
  });
  const signIn = useMutation({
    mutationFn: (person: DemoPerson | null) => call('session.signIn', person ? { pid: person.pid } : {}),
    // On the mutation, not on mutate(), so it also runs for a sign-in the dialog has stopped waiting for.
    onSuccess: async (session) => {
      if (abandoned.current) {
        // A success that raced the cancel is undone, so the user ends where they chose to.
        await call('session.signOut', {});
        return;
      }
      onSignedIn(session);
      if (session.isClientAdmin) onClose();
    },
  });
  const { reset } = signIn;

  useEffect(() => {
    if (!open) return;
    abandoned.current = false;
    reset();
  }, [open, reset]);

  const choose = (person: DemoPerson | null): void => {
    abandoned.current = false;
    signIn.mutate(person);
  };

  const cancelWaiting = (): void => {
    abandoned.current = true;
    reset();
    void call('session.cancelSignIn', {}).catch(() => undefined);
  };

  const retry = (): void => {
    reset();
    if (persons.isError) void persons.refetch();
  };

  const busy = signIn.isPending;
  const refused = signIn.isSuccess && !signIn.data.isClientAdmin ? signIn.data : null;
  const error: unknown = signIn.error ?? (isDemo ? persons.error : null);
  const choosing = signIn.isIdle && error === null;
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby="sign-in-title" fullWidth maxWidth="sm">
      <DialogTitle id="sign-in-title">{t('dialogTitle')}</DialogTitle>
      <DialogContent>
        {choosing && isDemo && <DemoPersons persons={persons.data ?? null} onChoose={choose} />}
        {choosing && !isDemo && (
          <>
            <DialogContentText sx={{ mb: 2 }}>{t('idportenIntro')}</DialogContentText>
            <Button variant="contained" onClick={() => choose(null)} data-testid="idporten-sign-in">
              {t('idportenButton')}
            </Button>
          </>
        )}
        {busy && (
          <Box role="status" aria-live="polite" sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 2 }}>
            <CircularProgress size={28} aria-hidden />
            <Typography>{signIn.variables ? t('signingIn', { name: signIn.variables.name }) : t('waiting')}</Typography>
          </Box>
        )}
        {refused && <NotClientAdminNotice session={refused} />}
        {error !== null && <ErrorDetails error={error} onRetry={retry} />}
      </DialogContent>
      <DialogActions>
        {busy && !isDemo ? (
          <Button onClick={cancelWaiting}>{t('cancel')}</Button>
        ) : (
          <Button onClick={onClose} disabled={busy}>
            {refused ? t('close') : t('cancel')}
          </Button>
        )}
      </DialogActions>
    </Dialog>
  );
}

function DemoPersons({ persons, onChoose }: { persons: DemoPerson[] | null; onChoose(person: DemoPerson): void }) {
  const { t } = useTranslation('session');
  if (persons === null) return <CircularProgress size={24} aria-label={t('demoPersonsLabel')} />;
  if (persons.length === 0) return <DialogContentText>{t('noDemoPersons')}</DialogContentText>;
  return (
    <>
      <DialogContentText id="demo-persons-intro">{t('demoIntro')}</DialogContentText>
      <List aria-labelledby="demo-persons-intro">
        {persons.map((p, i) => (
          <ListItemButton key={p.pid} autoFocus={i === 0} onClick={() => onChoose(p)} data-testid={`demo-person-${p.pid}`}>
            <ListItemText primary={p.name} secondary={t(`roles.${p.role}`)} />
          </ListItemButton>
        ))}
      </List>
    </>
  );
}
