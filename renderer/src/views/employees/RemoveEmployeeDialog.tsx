// Removes an employee as agent, after showing the client access that goes with them. The count shown is sent
// along, so access given in the meantime is not removed unseen.
import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import {
  Button,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../../../shared/contract/employees';
import { formatOrgNumber } from '../../../../shared/domain/orgnr';
import { call } from '../../api/client';
import { queryKeys } from '../../api/query/keys';
import { ErrorDetails } from '../../components/ErrorDetails';
import { PackageChips } from './PackageChips';

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
  const [busy, setBusy] = useState(false);
  const [failure, setError] = useState<unknown>(null);
  const error: unknown = failure ?? listed.error;

  async function remove(): Promise<void> {
    if (!clients) return;
    setBusy(true);
    setError(null);
    try {
      await call('employees.remove', { partyUuid: employee.partyUuid, confirmedClientCount: clients.length });
      props.onRemoved(employee.name);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <Dialog open onClose={props.onClose} aria-labelledby="remove-employee-title" maxWidth="sm" fullWidth>
      <DialogTitle id="remove-employee-title">{t('remove.title', { name: employee.name })}</DialogTitle>
      <DialogContent>
        {clients === null && error === null && (
          <Typography role="status">
            <CircularProgress size={16} sx={{ mr: 1 }} />
            {t('remove.loading')}
          </Typography>
        )}
        {clients?.length === 0 && <Typography>{t('remove.noClients', { name: employee.name })}</Typography>}
        {clients && clients.length > 0 && (
          <>
            <Typography>{t('remove.withClients', { count: clients.length })}</Typography>
            <List dense data-testid="employee-removal-clients">
              {clients.map((c) => (
                <ListItem key={c.orgNumber ?? c.name} disableGutters>
                  <ListItemText
                    primary={`${c.name}${c.orgNumber ? ` (${formatOrgNumber(c.orgNumber)})` : ''}`}
                    secondary={<PackageChips codes={c.packages.map((p) => p.packageCode)} />}
                    slotProps={{ secondary: { component: 'div' } }}
                  />
                </ListItem>
              ))}
            </List>
          </>
        )}
        {error !== null && <ErrorDetails error={error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onClose} autoFocus>
          {t('remove.cancel')}
        </Button>
        <Button
          color="error"
          variant="contained"
          disabled={busy || clients === null}
          onClick={() => void remove()}
          data-testid="employee-remove-confirm"
        >
          {t('remove.confirm')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
