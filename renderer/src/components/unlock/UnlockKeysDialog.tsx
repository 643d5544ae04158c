import { useEffect, useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import { useTranslation } from 'react-i18next';
import type { VaultState } from '../../../../shared/contract/keys';
import { call } from '../../api/client';
import { registerNamespace } from '../../i18n';
import { ErrorDetails } from '../ErrorDetails';
import { unlockTexts } from './texts';
import { useVaultLock } from './vault-lock';

registerNamespace('unlock', unlockTexts);

/**
 * Asks for the key passphrase when a key operation needs it: chosen the first time, typed once per launch
 * after that. The passphrase goes straight to the main process and is never kept in the page.
 */
export function UnlockKeysDialog() {
  const { t } = useTranslation('unlock');
  const open = useVaultLock((s) => s.open);
  const dismiss = useVaultLock((s) => s.dismiss);
  const unlocked = useVaultLock((s) => s.unlocked);
  const [state, setState] = useState<VaultState | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [repeat, setRepeat] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (!open) return;
    setPassphrase('');
    setRepeat('');
    setProblem(null);
    setError(null);
    void call('keys.lockState', {}).then(
      (s) => (s.state === 'unlocked' ? unlocked() : setState(s)),
      (e: unknown) => setError(e),
    );
  }, [open, unlocked]);

  const choosing = state?.state === 'unset';
  const min = state?.minPassphraseLength ?? 10;

  const submit = async (): Promise<void> => {
    setProblem(null);
    setError(null);
    if (choosing && [...passphrase].length < min) return setProblem(t('tooShort', { count: min }));
    if (choosing && passphrase !== repeat) return setProblem(t('mismatch'));
    setBusy(true);
    try {
      await call(choosing ? 'keys.setPassphrase' : 'keys.unlock', { passphrase });
      setPassphrase('');
      setRepeat('');
      unlocked();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open && state !== null} onClose={dismiss} aria-labelledby="unlock-keys-title" data-testid="unlock-keys-dialog">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <DialogTitle id="unlock-keys-title">{choosing ? t('titleUnset') : t('titleLocked')}</DialogTitle>
        <DialogContent>
          <Stack spacing={2}>
            <DialogContentText>{choosing ? t('explainUnset') : t('explainLocked')}</DialogContentText>
            {choosing && state.legacyKeys > 0 && <Alert severity="info">{t('legacy', { count: state.legacyKeys })}</Alert>}
            {choosing && <Alert severity="warning">{t('forget')}</Alert>}
            <TextField
              type="password"
              label={t('passphrase')}
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
              autoFocus
              autoComplete={choosing ? 'new-password' : 'current-password'}
              helperText={choosing ? t('minLength', { count: min }) : undefined}
              slotProps={{ htmlInput: { 'data-testid': 'unlock-passphrase' } }}
            />
            {choosing && (
              <TextField
                type="password"
                label={t('repeat')}
                value={repeat}
                onChange={(e) => setRepeat(e.target.value)}
                autoComplete="new-password"
                slotProps={{ htmlInput: { 'data-testid': 'unlock-repeat' } }}
              />
            )}
            {problem && <Alert severity="error">{problem}</Alert>}
            {error !== null && <ErrorDetails error={error} title={t('failed')} />}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={dismiss}>{t('later')}</Button>
          <Button type="submit" variant="contained" disabled={busy || passphrase === ''} data-testid="unlock-submit">
            {choosing ? t('choose') : t('unlock')}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
