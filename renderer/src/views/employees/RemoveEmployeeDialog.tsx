// Removes an employee as agent, after showing the client access that goes with them. The count shown is sent
// along, so access given in the meantime is not removed unseen.
import { useMutation, useQuery } from '@tanstack/react-query';
import { Button, List, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../../../shared/contract/employees';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query/keys';
import { ErrorDetails } from '../../components/ErrorDetails';
import { EmployeeDialog, HolderItem, LoadingLine } from './EmployeeDialog';

export function RemoveEmployeeDialog(props: { employee: Employee; onClose(): void; onRemoved(name: string): void }) {
  const { t } = useTranslation('employees');
  const { employee } = props;
  const listed = useQuery({
    queryKey: queryKeys.employees.clients(employee.partyUuid),
    queryFn: () => call('employees.clients', { partyUuid: employee.partyUuid }),
    // The count the person confirms must be Altinn's now, not an older answer.
    refetchOnMount: 'always',
  });
  const clients = listed.isFetchedAfterMount ? (listed.data ?? null) : null;
  const removal = useMutation({
    mutationFn: (confirmedClientCount: number) => call('employees.remove', { partyUuid: employee.partyUuid, confirmedClientCount }),
    onSuccess: () => props.onRemoved(employee.name),
  });
  const error: unknown = removal.error ?? listed.error;

  return (
    <EmployeeDialog
      id="remove-employee-title"
      title={t('remove.title', { name: employee.name })}
      onClose={props.onClose}
      actions={
        <>
          <Button onClick={props.onClose} autoFocus>
            {t('remove.cancel')}
          </Button>
          <Button
            color="error"
            variant="contained"
            // Once removed the dialog is on its way out; a second click must not send again.
            disabled={removal.isPending || removal.isSuccess || clients === null}
            onClick={() => clients && removal.mutate(clients.length)}
            data-testid="employee-remove-confirm"
          >
            {t('remove.confirm')}
          </Button>
        </>
      }
    >
      {clients === null && error === null && <LoadingLine text={t('remove.loading')} />}
      {clients?.length === 0 && <Typography>{t('remove.noClients', { name: employee.name })}</Typography>}
      {clients && clients.length > 0 && (
        <>
          <Typography>{t('remove.withClients', { count: clients.length })}</Typography>
          <List dense data-testid="employee-removal-clients">
            {clients.map((c) => (
              <HolderItem
                key={c.orgNumber ?? c.name}
                primary={`${c.name}${c.orgNumber ? ` (${formatOrgNumber(c.orgNumber)})` : ''}`}
                packageCodes={c.packages.map((p) => p.packageCode)}
              />
            ))}
          </List>
        </>
      )}
      {error !== null && <ErrorDetails error={error} />}
    </EmployeeDialog>
  );
}
