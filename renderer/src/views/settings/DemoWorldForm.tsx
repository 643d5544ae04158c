import { useEffect, useState } from 'react';
import { Alert, Box, Button, Stack, TextField, Typography } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../../shared/contract/app';
import { ErrorDetails } from '../../components/ErrorDetails';
import { useUpdateSettings } from '../../api/query/app';

type State = { kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; error: unknown };

/** Points Demo at a demo world that runs on its own; the main process checks the address before keeping it. */
export function DemoWorldForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation('settings');
  const update = useUpdateSettings();
  const saved = settings.demoWorld;
  const [address, setAddress] = useState(saved.address);
  const [secret, setSecret] = useState('');
  const [state, setState] = useState<State>({ kind: 'idle' });
  useEffect(() => setAddress(saved.address), [saved.address]);

  const save = async (next: { address: string; secret?: string }): Promise<void> => {
    setState({ kind: 'saving' });
    try {
      await update({ demoWorld: next });
      setSecret('');
      setState({ kind: 'saved' });
    } catch (error) {
      setState({ kind: 'failed', error });
    }
  };

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
          setState({ kind: 'idle' });
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
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
        <Button type="submit" variant="contained" disabled={state.kind === 'saving' || address.trim() === ''}>
          {t('demoWorld.connect')}
        </Button>
        {saved.address !== '' && (
          <Button variant="text" disabled={state.kind === 'saving'} onClick={() => void save({ address: '' })}>
            {t('demoWorld.useEmbedded')}
          </Button>
        )}
        {state.kind === 'saved' && (
          <Alert severity="success" role="status" sx={{ py: 0 }}>
            {t('demoWorld.connected')}
          </Alert>
        )}
      </Box>
      {state.kind === 'failed' && <ErrorDetails error={state.error} title={t('demoWorld.failed')} />}
    </Stack>
  );
}
