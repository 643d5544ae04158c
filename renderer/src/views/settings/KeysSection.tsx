import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  IconButton,
  LinearProgress,
  Snackbar,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import AddOutlined from '@mui/icons-material/AddOutlined';
import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import DeleteOutlined from '@mui/icons-material/DeleteOutlined';
import FileDownloadOutlined from '@mui/icons-material/FileDownloadOutlined';
import PauseCircleOutlined from '@mui/icons-material/PauseCircleOutlined';
import PlayCircleOutlined from '@mui/icons-material/PlayCircleOutlined';
import { useTranslation } from 'react-i18next';
import type { EnvironmentId } from '../../../../shared/contract/define';
import type { KeyInfo } from '../../../../shared/contract/keys';
import { useKeyCommand, useKeys } from '../../api/query/keys-queries';
import { call } from '../../api/client';
import { useVaultLock } from '../../components/unlock/vault-lock';
import { ErrorDetails } from '../../components/ErrorDetails';
import { formatDate } from '../claims/format';
import { saveTextFile } from '../../components/files';
import { ImportKeyDialog } from './ImportKeyDialog';
import { expiryWarnings, jwksToUpload } from './key-expiry';
import { Section } from './Section';

/** The Maskinporten signing keys of the connected environment. Only public parts ever reach this view. */
export function KeysSection({ environment }: { environment: EnvironmentId }) {
  const { t, i18n } = useTranslation('settings');
  const { t: tc } = useTranslation();
  const { list, lockState } = useKeys(environment);
  const command = useKeyCommand();
  const keys = list.data ?? null;
  const vault = lockState.data ?? null;
  const busy = command.isPending;
  const [commandError, setError] = useState<unknown>(null);
  const error = commandError ?? list.error ?? lockState.error;
  const [importing, setImporting] = useState(false);
  const [removing, setRemoving] = useState<KeyInfo | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const requestUnlock = useVaultLock((s) => s.request);

  const run = (action: () => Promise<unknown>): Promise<void> => {
    setError(null);
    return command.run(action).then(() => undefined, setError);
  };

  const copy = async (text: string): Promise<void> => {
    try {
      await navigator.clipboard.writeText(text);
      setNotice(t('keys.copied'));
    } catch {
      setNotice(t('keys.copyFailed'));
    }
  };

  const date = (iso: string): string => formatDate(iso.slice(0, 10), i18n.language);
  const warnings = keys ? expiryWarnings(keys, new Date()) : [];
  const hasPending = keys?.some((k) => k.status === 'pending') ?? false;
  const statusChip = (k: KeyInfo) =>
    k.signing ? (
      <Chip size="small" color="success" label={t('keys.signing')} />
    ) : (
      <Chip size="small" variant="outlined" color={k.status === 'pending' ? 'warning' : 'default'} label={t(`keys.${k.status}`)} />
    );

  return (
    <Section title={t('keys.title', { env: tc(`environment.${environment}`) })} id="settings-keys">
      <Typography variant="body2" color="text.secondary">
        {t('keys.intro')}
      </Typography>
      {warnings.map((w) => (
        <Alert key={w.kid} severity={w.expired ? 'error' : 'warning'} data-testid="key-expiry-warning">
          {t(w.expired ? 'keys.expired' : 'keys.expiresSoon', { kid: w.kid, date: date(w.expiresAt) })}
        </Alert>
      ))}
      {hasPending && <Alert severity="info">{t('keys.pendingHint')}</Alert>}
      {vault && vault.state !== 'unlocked' && (
        <Alert
          severity="info"
          data-testid="keys-locked"
          action={
            <Button color="inherit" size="small" onClick={requestUnlock} data-testid="keys-unlock">
              {vault.state === 'unset' ? t('keys.choosePassphrase') : t('keys.unlock')}
            </Button>
          }
        >
          {vault.state === 'unset' ? t('keys.passphraseUnset') : t('keys.locked')}
        </Alert>
      )}
      {vault?.badEntries.map((b) => (
        <Alert
          key={b.id}
          severity="warning"
          data-testid="key-bad-entry"
          action={
            <Button color="inherit" size="small" disabled={busy} onClick={() => void run(() => call('keys.removeBadEntry', { id: b.id }))}>
              {t('keys.removeBadEntry')}
            </Button>
          }
        >
          {t('keys.badEntry', { label: b.label, reason: b.reason })}
        </Alert>
      ))}
      <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1 }}>
        <Button
          variant="contained"
          startIcon={<AddOutlined />}
          disabled={busy || keys === null}
          onClick={() => void run(() => call('keys.generate', {}))}
          data-testid="keys-generate"
        >
          {keys && keys.length > 0 ? t('keys.rotate') : t('keys.generate')}
        </Button>
        <Button variant="outlined" disabled={busy} onClick={() => setImporting(true)}>
          {t('keys.import')}
        </Button>
        <Button
          variant="outlined"
          startIcon={<ContentCopyOutlined />}
          disabled={!keys?.length}
          onClick={() => void copy(JSON.stringify(jwksToUpload(keys ?? []), null, 2))}
        >
          {t('keys.copyJwks')}
        </Button>
      </Box>
      {(busy || keys === null) && <LinearProgress aria-label={t('keys.title', { env: tc(`environment.${environment}`) })} />}
      {error !== null && <ErrorDetails error={error} title={t('keys.failed')} />}
      {keys?.length === 0 && <Typography variant="body2">{t('keys.none')}</Typography>}
      {keys && keys.length > 0 && (
        <Table size="small" aria-labelledby="settings-keys" data-testid="keys-table">
          <TableHead>
            <TableRow>
              <TableCell scope="col">{t('keys.kid')}</TableCell>
              <TableCell scope="col">{t('keys.state')}</TableCell>
              <TableCell scope="col">{t('keys.created')}</TableCell>
              <TableCell scope="col">{t('keys.expires')}</TableCell>
              <TableCell scope="col" align="right">
                {t('keys.actions')}
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {keys.map((k) => (
              <TableRow key={k.kid} data-testid={`key-row-${k.kid}`}>
                <TableCell component="th" scope="row" sx={{ fontFamily: 'monospace', wordBreak: 'break-all' }}>
                  {k.kid}
                </TableCell>
                <TableCell>{statusChip(k)}</TableCell>
                <TableCell>{date(k.createdAt)}</TableCell>
                <TableCell>{date(k.expiresAt)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <KeyAction
                    label={t('keys.copy', { kid: k.kid })}
                    onClick={() => void copy(JSON.stringify(k.publicJwk, null, 2))}
                    icon={<ContentCopyOutlined />}
                  />
                  <KeyAction
                    label={t('keys.save', { kid: k.kid })}
                    onClick={() =>
                      saveTextFile(`${k.kid}.public.jwk.json`, `${JSON.stringify(k.publicJwk, null, 2)}\n`, 'application/json')
                    }
                    icon={<FileDownloadOutlined />}
                    testId={`key-save-${k.kid}`}
                  />
                  {k.status === 'active' ? (
                    <KeyAction
                      label={t('keys.deactivate', { kid: k.kid })}
                      disabled={busy}
                      onClick={() => void run(() => call('keys.setActive', { kid: k.kid, active: false }))}
                      icon={<PauseCircleOutlined />}
                    />
                  ) : (
                    <KeyAction
                      label={t('keys.activate', { kid: k.kid })}
                      disabled={busy}
                      onClick={() => void run(() => call('keys.setActive', { kid: k.kid, active: true }))}
                      icon={<PlayCircleOutlined />}
                    />
                  )}
                  <KeyAction
                    label={t('keys.remove', { kid: k.kid })}
                    disabled={busy}
                    onClick={() => setRemoving(k)}
                    icon={<DeleteOutlined />}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <ImportKeyDialog
        open={importing}
        onClose={() => setImporting(false)}
        onImported={() => {
          setImporting(false);
          void run(async () => undefined);
        }}
      />
      <Dialog open={removing !== null} onClose={() => setRemoving(null)} aria-labelledby="remove-key-title">
        <DialogTitle id="remove-key-title">{t('keys.removeTitle')}</DialogTitle>
        <DialogContent>
          <DialogContentText>{removing && t('keys.removeBody', { kid: removing.kid })}</DialogContentText>
          {removing?.signing && (
            <Alert severity="warning" sx={{ mt: 2 }}>
              {t('keys.removeSigning')}
            </Alert>
          )}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setRemoving(null)} autoFocus>
            {tc('actions.cancel')}
          </Button>
          <Button
            color="error"
            onClick={() => {
              const kid = removing!.kid;
              setRemoving(null);
              void run(() => call('keys.remove', { kid }));
            }}
          >
            {t('keys.confirmRemove')}
          </Button>
        </DialogActions>
      </Dialog>
      <Snackbar open={notice !== null} autoHideDuration={4000} onClose={() => setNotice(null)} message={notice} />
    </Section>
  );
}

function KeyAction({
  label,
  onClick,
  icon,
  disabled,
  testId,
}: {
  label: string;
  onClick(): void;
  icon: React.ReactNode;
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <Tooltip title={label}>
      <span>
        <IconButton aria-label={label} onClick={onClick} disabled={disabled} size="small" data-testid={testId}>
          {icon}
        </IconButton>
      </span>
    </Tooltip>
  );
}
