// Adds an employee as the firm's agent. The national id's check digits are checked here, in plain words, before
// Altinn is asked; Altinn itself only says that the combination of id and last name found nobody.
import { useState } from 'react';
import { useMutation } from '@tanstack/react-query';
import { Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { agentIdentifierProblem, lastNameProblem } from '../../../../shared/domain/agent-identity';
import { call } from '../../api/client';
import { ErrorDetails } from '../../components/ErrorDetails';
import { EmployeeDialog } from './EmployeeDialog';

export function AddEmployeeDialog(props: { onClose(): void; onAdded(name: string): void }) {
  const { t } = useTranslation('employees');
  const [identifier, setIdentifier] = useState('');
  const [lastName, setLastName] = useState('');
  const [touched, setTouched] = useState(false);
  const idProblem = agentIdentifierProblem(identifier);
  const nameProblem = lastNameProblem(lastName);
  const adding = useMutation({
    mutationFn: () => call('employees.add', { personIdentifier: identifier, lastName }),
    onSuccess: (added) => props.onAdded(added.name),
  });

  function submit(): void {
    setTouched(true);
    if (idProblem || nameProblem) return;
    adding.mutate();
  }

  return (
    <EmployeeDialog
      id="add-employee-title"
      title={t('add.title')}
      onClose={props.onClose}
      actions={
        <>
          <Button onClick={props.onClose}>{t('add.cancel')}</Button>
          <Button
            type="submit"
            form="add-employee-form"
            variant="contained"
            // Once added the dialog is on its way out; a second click must not send again.
            disabled={adding.isPending || adding.isSuccess}
            data-testid="employee-add-submit"
          >
            {t('add.submit')}
          </Button>
        </>
      }
    >
      <Stack
        spacing={2}
        component="form"
        id="add-employee-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
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
        {adding.error !== null && <ErrorDetails error={adding.error} />}
      </Stack>
    </EmployeeDialog>
  );
}
