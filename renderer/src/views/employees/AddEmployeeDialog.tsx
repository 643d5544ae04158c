// Adds an employee as the firm's agent. The national id's check digits are checked here, in plain words, before
// Altinn is asked; Altinn itself only says that the combination of id and last name found nobody.
import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { agentIdentifierProblem, lastNameProblem } from '../../../../shared/domain/agent-identity';
import { call } from '../../api/client';
import { ErrorDetails } from '../../components/ErrorDetails';

export function AddEmployeeDialog(props: { onClose(): void; onAdded(name: string): void }) {
  const { t } = useTranslation('employees');
  const [identifier, setIdentifier] = useState('');
  const [lastName, setLastName] = useState('');
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const idProblem = agentIdentifierProblem(identifier);
  const nameProblem = lastNameProblem(lastName);

  async function submit(): Promise<void> {
    setTouched(true);
    if (idProblem || nameProblem) return;
    setBusy(true);
    setError(null);
    try {
      const added = await call('employees.add', { personIdentifier: identifier, lastName });
      props.onAdded(added.name);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={props.onClose} aria-labelledby="add-employee-title" maxWidth="sm" fullWidth>
      <DialogTitle id="add-employee-title">{t('add.title')}</DialogTitle>
      <DialogContent>
        <Stack
          spacing={2}
          component="form"
          id="add-employee-form"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Typography variant="body2">{t('add.explain')}</Typography>
          <TextField
            label={t('add.identifier')}
            value={identifier}
            onChange={(e) => setIdentifier(e.target.value)}
            autoFocus
            autoComplete="off"
            slotProps={{ htmlInput: { 'data-testid': 'employee-identifier', spellCheck: false } }}
            error={touched && idProblem !== null}
            helperText={touched && idProblem ? t(`add.problems.${idProblem}`) : ' '}
          />
          <TextField
            label={t('add.lastName')}
            value={lastName}
            onChange={(e) => setLastName(e.target.value)}
            autoComplete="off"
            slotProps={{ htmlInput: { 'data-testid': 'employee-last-name' } }}
            error={touched && nameProblem !== null}
            helperText={touched && nameProblem ? t('add.problems.lastName') : ' '}
          />
          {error !== null && <ErrorDetails error={error} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose}>{t('add.cancel')}</Button>
        <Button type="submit" form="add-employee-form" variant="contained" disabled={busy} data-testid="employee-add-submit">
          {t('add.submit')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
