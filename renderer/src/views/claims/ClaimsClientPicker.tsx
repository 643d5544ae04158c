import { useEffect, useState } from 'react';
import { Box, Button, FormControl, FormControlLabel, FormLabel, MenuItem, Radio, RadioGroup, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { SystemUserRow } from '../../../../shared/contract/clients';
import { call } from '../../api/client';
import { useAppStore } from '../../state/app-store';
import { parseOrgNumbers } from './parse-org-numbers';

type Source = 'selection' | 'typed' | 'systemUser';

/**
 * Which clients to ask for: the client list's selection, every client delegated to one agent system user
 * (from the local copy, so it works right after a sync), or org numbers typed or pasted here.
 */
export function ClaimsClientPicker({ busy, onFetch }: { busy: boolean; onFetch(orgNumbers: string[], systemUserId?: string): void }) {
  const { t } = useTranslation('claims');
  const selection = useAppStore((s) => s.selection);
  const [systemUsers, setSystemUsers] = useState<SystemUserRow[]>([]);
  const [systemUserId, setSystemUserId] = useState('');
  const [delegated, setDelegated] = useState<string[]>([]);
  const [source, setSource] = useState<Source>(selection.length > 0 ? 'selection' : 'typed');
  const [text, setText] = useState('');
  const typed = parseOrgNumbers(text);

  useEffect(() => {
    call('systemUsers.list', {}).then(
      (list) => {
        setSystemUsers(list);
        if (list[0]) setSystemUserId((current) => current || list[0]!.id);
      },
      () => setSystemUsers([]),
    );
  }, []);
  useEffect(() => {
    if (!systemUserId) return setDelegated([]);
    call('clients.matchingOrgNumbers', { query: { systemUserId, delegated: 'yes' } }).then(setDelegated, () => setDelegated([]));
  }, [systemUserId]);

  const orgNumbers = source === 'selection' ? selection : source === 'systemUser' ? delegated : typed.valid;
  const invalid = source === 'typed' && typed.invalid.length > 0;

  return (
    <Box
      component="form"
      onSubmit={(e) => {
        e.preventDefault();
        if (orgNumbers.length > 0 && !invalid) onFetch(orgNumbers, source === 'systemUser' ? systemUserId : undefined);
      }}
      sx={{ display: 'flex', flexWrap: 'wrap', alignItems: 'flex-start', gap: 2 }}
    >
      {(selection.length > 0 || systemUsers.length > 0) && (
        <FormControl>
          <FormLabel id="claims-source">{t('source.label')}</FormLabel>
          <RadioGroup aria-labelledby="claims-source" value={source} onChange={(e) => setSource(e.target.value as Source)}>
            {selection.length > 0 && (
              <FormControlLabel value="selection" control={<Radio />} label={t('source.selection', { count: selection.length })} />
            )}
            {systemUsers.length > 0 && (
              <FormControlLabel
                value="systemUser"
                control={<Radio />}
                label={t('source.systemUser', { count: delegated.length })}
                data-testid="claims-source-system-user"
              />
            )}
            <FormControlLabel value="typed" control={<Radio />} label={t('source.typed')} />
          </RadioGroup>
        </FormControl>
      )}
      {source === 'systemUser' && (
        <TextField
          select
          label={t('source.systemUserLabel')}
          value={systemUserId}
          onChange={(e) => setSystemUserId(e.target.value)}
          sx={{ minWidth: 280 }}
        >
          {systemUsers.map((su) => (
            <MenuItem key={su.id} value={su.id}>
              {su.title}
            </MenuItem>
          ))}
        </TextField>
      )}
      {source === 'typed' && (
        <TextField
          label={t('orgNumbers.label')}
          value={text}
          onChange={(e) => setText(e.target.value)}
          multiline
          minRows={1}
          maxRows={4}
          sx={{ minWidth: 320, flex: 1, maxWidth: 560 }}
          error={invalid}
          helperText={invalid ? t('orgNumbers.invalid', { list: typed.invalid.slice(0, 5).join(', ') }) : t('orgNumbers.helper')}
          slotProps={{ htmlInput: { 'data-testid': 'claims-org-numbers', spellCheck: false } }}
        />
      )}
      <Button
        type="submit"
        variant="contained"
        disabled={busy || orgNumbers.length === 0 || invalid}
        sx={{ mt: 1 }}
        data-testid="claims-fetch"
      >
        {t('fetch')}
      </Button>
    </Box>
  );
}
