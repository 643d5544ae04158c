// The firm's employees who are its agents in Altinn: how many clients and which packages each has, with add
// and remove. Giving an employee a client's packages goes through the delegation wizard, like a system user's.
import { useState } from 'react';
import { Alert, Box, Button, Paper, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { formatNumber } from '../../../../shared/format/format';
import { useAppStatus } from '../../api/query/app';
import type { Employee } from '../../../../shared/contract/employees';
import { ErrorDetails } from '../../components/ErrorDetails';
import { LoadingLine } from './EmployeeDialog';
import { AddEmployeeDialog } from './AddEmployeeDialog';
import { PackageChips } from './PackageChips';
import { RemoveEmployeeDialog } from './RemoveEmployeeDialog';
import { useEmployees } from './use-employees';

export function EmployeesView() {
  const { t, i18n } = useTranslation('employees');
  const session = useAppStatus()?.session ?? null;
  const canAdminister = session?.isClientAdmin ?? false;
  const { employees, error, loading, reload } = useEmployees(canAdminister);
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<Employee | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const done = (text: string) => {
    setNote(text);
    setAdding(false);
    setRemoving(null);
    void reload();
  };

  return (
    <Box sx={{ p: 3, display: 'flex', flexDirection: 'column', gap: 2 }}>
      <Typography variant="h5" component="h2">
        {t('title')}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {t('intro')}
      </Typography>
      {!canAdminister ? (
        <Alert severity="info">{t('signInFirst')}</Alert>
      ) : (
        <>
          <Box sx={{ display: 'flex', gap: 1 }}>
            <Button variant="contained" onClick={() => setAdding(true)} data-testid="employee-add">
              {t('add.open')}
            </Button>
            <Button onClick={() => void reload()} disabled={loading}>
              {t('refresh')}
            </Button>
          </Box>
          {note && (
            <Alert severity="success" role="status" onClose={() => setNote(null)}>
              {note}
            </Alert>
          )}
          {error !== null && <ErrorDetails error={error} onRetry={() => void reload()} />}
          {loading && employees === null && <LoadingLine text={t('loading')} />}
          {employees?.length === 0 && <Typography>{t('none')}</Typography>}
          {employees && employees.length > 0 && (
            <TableContainer component={Paper} variant="outlined">
              <Table size="small" aria-label={t('table.label')} data-testid="employees-table">
                <TableHead>
                  <TableRow>
                    <TableCell>{t('table.name')}</TableCell>
                    <TableCell align="right">{t('table.clients')}</TableCell>
                    <TableCell>{t('table.packages')}</TableCell>
                    <TableCell>{t('table.actions')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {employees.map((e) => (
                    <TableRow key={e.partyUuid} data-testid="employee-row">
                      <TableCell component="th" scope="row">
                        {e.name}
                      </TableCell>
                      <TableCell align="right" data-testid="employee-client-count">
                        {formatNumber(e.clientCount, i18n.language)}
                      </TableCell>
                      <TableCell>
                        <PackageChips codes={e.packages} />
                      </TableCell>
                      <TableCell>
                        <Button size="small" color="error" onClick={() => setRemoving(e)} aria-label={`${t('remove.open')} ${e.name}`}>
                          {t('remove.open')}
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </>
      )}
      {adding && <AddEmployeeDialog onClose={() => setAdding(false)} onAdded={(name) => done(t('add.added', { name }))} />}
      {removing && (
        <RemoveEmployeeDialog
          employee={removing}
          onClose={() => setRemoving(null)}
          onRemoved={(name) => done(t('remove.removed', { name }))}
        />
      )}
    </Box>
  );
}
