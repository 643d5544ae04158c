import { useEffect, useState } from 'react';
import { Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract/app';
import { SaveRow, useSave } from './SaveRow';
import { useUpdateSettings } from '../../api/query/app';

/** Points Demo at a demo world that runs on its own; the main process checks the address before keeping it. */
export function DemoWorldForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const update = useUpdateSettings();
  const saved = settings.demoWorld;
  const [address, setAddress] = useState(saved.address);
  const [secret, setSecret] = useState('');
  const { state, run, reset } = useSave();
  useEffect(() => setAddress(saved.address), [saved.address]);

  const save = (next: { address: string; secret?: string }): Promise<void> =>
    run(async () => {
      await update({ demoWorld: next });
      setSecret('');
    });

  return (
    <Stack
      component="form"
      spacing={1.5}
      sx={{ maxWidth: 640 }}
      aria-labelledby="settings-demo-world-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save({ address: address.trim(), ...(secret ? { secret } : {}) });
      }}
    >
      <Typography variant="subtitle2" component="h4" id="settings-demo-world-title">
        {t('demoWorld.title')}
      </Typography>
      <TextField
        label={t('demoWorld.address')}
        value={address}
        onChange={(e) => {
          setAddress(e.target.value);
          reset();
        }}
        helperText={t('demoWorld.addressHelp')}
        slotProps={{ htmlInput: { 'data-testid': 'settings-demo-world-address', spellCheck: false } }}
      />
      <TextField
        label={t('demoWorld.secret')}
        type="password"
        autoComplete="off"
        value={secret}
        onChange={(e) => setSecret(e.target.value)}
        helperText={saved.secretSet ? t('demoWorld.secretKept') : t('demoWorld.secretHelp')}
        slotProps={{ htmlInput: { 'data-testid': 'settings-demo-world-secret' } }}
      />
      <SaveRow
        state={state}
        submitLabel={t('demoWorld.connect')}
        savedText={t('demoWorld.connected')}
        failedTitle={t('demoWorld.failed')}
        disabled={address.trim() === ''}
      >
        {saved.address !== '' && (
          <Button variant="text" disabled={state.kind === 'saving'} onClick={() => void save({ address: '' })}>
            {t('demoWorld.useEmbedded')}
          </Button>
        )}
      </SaveRow>
    </Stack>
  );
}
