import { Alert, Box, Button, TextField, Tooltip } from '@mui/material';
import { useTranslation } from 'react-i18next';

export function StepFinish(props: {
  name: string;
  onName(name: string): void;
  readyCount: number;
  online: boolean;
  busy: boolean;
  onSave(submit: boolean): void;
}) {
  const { t } = useTranslation('clients');
  const disabled = props.busy || props.readyCount === 0 || props.name.trim() === '';
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 560 }}>
      <TextField
        label={t('wizard.batchName')}
        value={props.name}
        onChange={(e) => props.onName(e.target.value)}
        slotProps={{ htmlInput: { maxLength: 200 } }}
      />
      <Alert severity="info">{t('wizard.onlyReadyNote', { count: props.readyCount })}</Alert>
      <Box sx={{ display: 'flex', gap: 1 }}>
        <Button variant="outlined" disabled={disabled} onClick={() => props.onSave(false)} data-testid="wizard-save-draft">
          {t('wizard.saveDraft')}
        </Button>
        <Tooltip title={props.online ? '' : t('wizard.submitOffline')}>
          <span>
            <Button variant="contained" disabled={disabled || !props.online} onClick={() => props.onSave(true)} data-testid="wizard-submit">
              {t('wizard.submit')}
            </Button>
          </span>
        </Tooltip>
      </Box>
    </Box>
  );
}
