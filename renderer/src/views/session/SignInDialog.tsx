import { useEffect, useRef, useState } from 'react';
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
import type { DemoPersonRole, Session } from '../../../../shared/contract/app';
import type { EnvironmentId } from '../../../../shared/contract/define';
import { call } from '../../api/client';
import { ErrorDetails } from '../../components/ErrorDetails';
import { NotClientAdminNotice } from './NotClientAdminNotice';

interface DemoPerson {
  pid: string;
  name: string;
  role: DemoPersonRole;
}

type Step =
  | { kind: 'choose' }
  | { kind: 'signing-in'; name: string | null }
  | { kind: 'refused'; session: Session }
  | { kind: 'failed'; error: unknown };

interface Props {
  open: boolean;
  environment: EnvironmentId;
  onClose(): void;
  onSignedIn(session: Session): void;
}

export function SignInDialog({ open, environment, onClose, onSignedIn }: Props) {
  const { t } = useTranslation('session');
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [persons, setPersons] = useState<DemoPerson[] | null>(null);
  // Set when the user gives up waiting for the browser; a sign-in that completes after that is undone.
  const abandoned = useRef(false);
  const isDemo = environment === 'demo';

  useEffect(() => {
    if (!open) return;
    setStep({ kind: 'choose' });
    abandoned.current = false;
    if (isDemo) {
      setPersons(null);
      call('session.demoPersons', {}).then(setPersons, (error: unknown) => setStep({ kind: 'failed', error }));
    }
  }, [open, isDemo]);

  const signIn = async (person: DemoPerson | null): Promise<void> => {
    abandoned.current = false;
    setStep({ kind: 'signing-in', name: person?.name ?? null });
    try {
      const session = await call('session.signIn', person ? { pid: person.pid } : {});
      if (abandoned.current) {
        // A success that raced the cancel is undone, so the user ends where they chose to.
        await call('session.signOut', {});
        return;
      }
      onSignedIn(session);
      if (session.isClientAdmin) onClose();
      else setStep({ kind: 'refused', session });
    } catch (error) {
      if (!abandoned.current) setStep({ kind: 'failed', error });
    }
  };

  const cancelWaiting = (): void => {
    abandoned.current = true;
    setStep({ kind: 'choose' });
    void call('session.cancelSignIn', {}).catch(() => undefined);
  };

  const busy = step.kind === 'signing-in';
  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} aria-labelledby="sign-in-title" fullWidth maxWidth="sm">
      <DialogTitle id="sign-in-title">{t('dialogTitle')}</DialogTitle>
      <DialogContent>
        {step.kind === 'choose' && isDemo && <DemoPersons persons={persons} onChoose={(p) => void signIn(p)} />}
        {step.kind === 'choose' && !isDemo && (
          <>
            <DialogContentText sx={{ mb: 2 }}>{t('idportenIntro')}</DialogContentText>
            <Button variant="contained" onClick={() => void signIn(null)} data-testid="idporten-sign-in">
              {t('idportenButton')}
            </Button>
          </>
        )}
        {step.kind === 'signing-in' && (
          <Box role="status" aria-live="polite" sx={{ display: 'flex', alignItems: 'center', gap: 2, py: 2 }}>
            <CircularProgress size={28} aria-hidden />
            <Typography>{step.name ? t('signingIn', { name: step.name }) : t('waiting')}</Typography>
          </Box>
        )}
        {step.kind === 'refused' && <NotClientAdminNotice session={step.session} />}
        {step.kind === 'failed' && <ErrorDetails error={step.error} onRetry={() => setStep({ kind: 'choose' })} />}
      </DialogContent>
      <DialogActions>
        {busy && !isDemo ? (
          <Button onClick={cancelWaiting}>{t('cancel')}</Button>
        ) : (
          <Button onClick={onClose} disabled={busy}>
            {step.kind === 'refused' ? t('close') : t('cancel')}
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
