// The wizard's other kind of target: an employee and the client packages a batch gives (or takes). The choice
// becomes a target id from the main process, which the review and the batch then use like a system user's id.
import { useState } from 'react';
import { Box, Checkbox, FormControlLabel, FormGroup, MenuItem, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import { useAppStatus } from '../../api/query/app';
import type { EmployeeTarget } from '../../../../shared/contract/employees';
import { CLIENT_PACKAGES } from '../../../../shared/domain/packages';
import { call } from '../../api/client';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useEmployees } from './use-employees';

const OFFERED_PACKAGES = [...CLIENT_PACKAGES, 'skattegrunnlag'];

export function EmployeeTargetPicker(props: { chosen: EmployeeTarget | null; onChoose(target: EmployeeTarget): void }) {
  const { t } = useTranslation(['employees', 'clients']);
  const canAdminister = useAppStatus()?.session?.isClientAdmin ?? false;
  // Offline or signed out, a draft for a system user still works; employees need Altinn's answer.
  const { employees, error } = useEmployees(canAdminister);
  const [partyUuid, setPartyUuid] = useState('');
  const [packages, setPackages] = useState<string[]>([]);
  const [targetError, setTargetError] = useState<unknown>(null);

  async function choose(nextParty: string, nextPackages: string[]): Promise<void> {
    setPartyUuid(nextParty);
    setPackages(nextPackages);
    const employee = employees?.find((e) => e.partyUuid === nextParty);
    if (!employee || nextPackages.length === 0) return;
    try {
      setTargetError(null);
      props.onChoose(await call('employees.target', { partyUuid: employee.partyUuid, name: employee.name, packages: nextPackages }));
    } catch (e) {
      setTargetError(e);
    }
  }

  if (!canAdminister) return null;
  return (
    <Box
      component="fieldset"
      sx={{ border: 1, borderColor: 'divider', borderRadius: 1, p: 1.5, m: 0, mt: 2 }}
      data-testid="employee-target"
    >
      <Typography component="legend" variant="subtitle1" sx={{ px: 0.5 }}>
        {t('target.legend')}
      </Typography>
      {error !== null && <ErrorDetails error={error} />}
      {employees?.length === 0 && <Typography variant="body2">{t('target.noEmployees')}</Typography>}
      {employees && employees.length > 0 && (
        <>
          <TextField
            select
            size="small"
            label={t('target.employee')}
            value={partyUuid}
            onChange={(e) => void choose(e.target.value, packages)}
            sx={{ minWidth: 260 }}
            slotProps={{ htmlInput: { 'data-testid': 'employee-target-select' } }}
          >
            {employees.map((e) => (
              <MenuItem key={e.partyUuid} value={e.partyUuid}>
                {e.name}
              </MenuItem>
            ))}
          </TextField>
          <Typography variant="body2" sx={{ mt: 1 }}>
            {t('target.packages')}
          </Typography>
          <FormGroup row>
            {OFFERED_PACKAGES.map((p) => (
              <FormControlLabel
                key={p}
                label={t(`clients:packages.${p}`, { defaultValue: p })}
                control={
                  <Checkbox
                    size="small"
                    checked={packages.includes(p)}
                    onChange={(e) => void choose(partyUuid, e.target.checked ? [...packages, p] : packages.filter((x) => x !== p))}
                  />
                }
              />
            ))}
          </FormGroup>
          {props.chosen && (
            <Typography variant="body2" color="primary" role="status">
              {t('target.chosen', { title: props.chosen.title })}
            </Typography>
          )}
        </>
      )}
      {targetError !== null && <ErrorDetails error={targetError} />}
    </Box>
  );
}
