import { useRef, useState } from 'react';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useTranslation } from 'react-i18next';
import { ApiError, call } from '../../api/client';
import { ErrorDetails } from '../../components/ErrorDetails';

// Generous for a PEM or JWK of a 4096-bit key; anything far bigger is not a key.
const MAX_FILE_BYTES = 64 * 1024;

/** A private key pasted or picked from a file. A file's content is kept out of the text box, so it is never shown. */
export function ImportKeyDialog({ open, onClose, onImported }: { open: boolean; onClose(): void; onImported(): void }) {
  const { t } = useTranslation(['settings', 'common']);
  const [pasted, setPasted] = useState('');
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [kid, setKid] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const material = file?.text ?? pasted;

  const reset = (): void => {
    setPasted('');
    setFile(null);
    setKid('');
    setError(null);
  };
  const close = (): void => {
    reset();
    onClose();
  };

  const pick = async (picked: File | undefined): Promise<void> => {
    if (!picked) return;
    if (picked.size > MAX_FILE_BYTES) {
      setError(
        new ApiError({ code: 'KEY_FILE_TOO_LARGE', message: `${picked.name}: ${picked.size} bytes`, params: { file: picked.name } }),
      );
      return;
    }
    setFile({ name: picked.name, text: await picked.text() });
    setPasted('');
  };

  const submit = async (): Promise<void> => {
    setBusy(true);
    setError(null);
    try {
      await call('keys.import', { material, ...(kid.trim() ? { kid: kid.trim() } : {}) });
      reset();
      onImported();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : close} aria-labelledby="import-key-title" fullWidth maxWidth="sm">
      <DialogTitle id="import-key-title">{t('keys.importTitle')}</DialogTitle>
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>{t('keys.importIntro')}</DialogContentText>
          <TextField
            label={t('keys.material')}
            value={pasted}
            onChange={(e) => {
              setPasted(e.target.value);
              setFile(null);
            }}
            multiline
            minRows={4}
            maxRows={8}
            autoComplete="off"
            slotProps={{
              htmlInput: { spellCheck: false, 'data-testid': 'import-key-material', style: { fontFamily: 'monospace', fontSize: 12 } },
            }}
          />
          <Box sx={{ display: 'flex', alignItems: 'center', gap: 2 }}>
            <Button variant="outlined" onClick={() => fileInput.current?.click()}>
              {t('keys.chooseFile')}
            </Button>
            <input
              ref={fileInput}
              type="file"
              accept=".pem,.key,.json,.jwk"
              hidden
              onChange={(e) => {
                void pick(e.target.files?.[0]);
                e.target.value = '';
              }}
            />
            {file && <Typography variant="body2">{t('keys.fileLoaded', { name: file.name })}</Typography>}
          </Box>
          <TextField
            label={t('keys.importKid')}
            value={kid}
            onChange={(e) => setKid(e.target.value)}
            helperText={t('keys.importKidHelp')}
          />
          {error !== null && <ErrorDetails error={error} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={close} disabled={busy}>
          {t('common:actions.cancel')}
        </Button>
        <Button variant="contained" onClick={() => void submit()} disabled={busy || material.trim() === ''}>
          {t('keys.doImport')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
