// Who has access to one client, as Altinn says now: agent system users and employees together, each with the
// packages they hold from the client.
import { useQuery } from '@tanstack/react-query';
import { Button, Chip, List, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query/keys';
import { ErrorDetails } from '../../components/ErrorDetails';
import { EmployeeDialog, HolderItem, LoadingLine } from './EmployeeDialog';

export function ClientAccessDialog(props: { orgNumber: string; onClose(): void }) {
  const { t } = useTranslation('employees');
  const access = useQuery({
    queryKey: queryKeys.employees.clientAccess(props.orgNumber),
    queryFn: () => call('employees.clientAccess', { orgNumber: props.orgNumber }),
    // Who has access is asked of Altinn each time the dialog opens, never shown from an older answer.
    refetchOnMount: 'always',
  });
  const client = useQuery({
    queryKey: [...queryKeys.clients.all, 'get', props.orgNumber],
    queryFn: () => call('clients.get', { orgNumber: props.orgNumber }),
  });
  const holders = access.isFetchedAfterMount ? (access.data ?? null) : null;
  const error: unknown = access.error;
  const name = client.data?.name ?? formatOrgNumber(props.orgNumber);

  return (
    <EmployeeDialog
      id="client-access-title"
      title={t('access.title', { name })}
      onClose={props.onClose}
      actions={
        <Button onClick={props.onClose} autoFocus>
          {t('access.close')}
        </Button>
      }
    >
      {holders === null && error === null && <LoadingLine text={t('access.loading')} />}
      {holders?.length === 0 && <Typography>{t('access.none')}</Typography>}
      {holders && holders.length > 0 && (
        <List aria-label={t('access.label')} data-testid="client-access-list">
          {holders.map((h) => (
            <HolderItem
              key={h.partyUuid}
              testId="client-access-holder"
              primary={
                <>
                  {h.name} <Chip size="small" label={t(`access.${h.kind}`)} sx={{ ml: 1 }} />
                </>
              }
              packageCodes={h.packages.map((p) => p.packageCode)}
            />
          ))}
        </List>
      )}
      {error !== null && <ErrorDetails error={error} />}
    </EmployeeDialog>
  );
}
